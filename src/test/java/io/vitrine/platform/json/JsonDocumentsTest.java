package io.vitrine.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  private static Problem refused(String text) {
    return assertThrows(
            ProblemException.class, () -> JsonDocuments.parseObject(text, "the request body"))
        .problem();
  }

  private static JsonObject position(Problem problem) {
    return problem.extensions().getJsonObject("position");
  }

  @Test
  void parsesAnObject() {
    JsonObject body =
        JsonDocuments.parseObject("{\"identifier\": \"tee\", \"values\": {}}", "the request body");
    assertEquals("tee", body.getString("identifier"));
  }

  @Test
  void parsesAnEmptyObject() {
    assertEquals(
        JsonObject.EMPTY_JSON_OBJECT, JsonDocuments.parseObject(" {} ", "the request body"));
  }

  @Test
  void parsesFromAReader() {
    assertEquals(
        1, JsonDocuments.parseObject(new java.io.StringReader("{\"a\": 1}"), "line 1").getInt("a"));
  }

  @Test
  void malformedJsonIsABadRequest() {
    var e =
        assertThrows(
            ProblemException.class,
            () -> JsonDocuments.parseObject("{\"a\": }", "the request body"));
    assertEquals(400, e.getResponse().getStatus());
    assertEquals(400, e.problem().status());
    assertEquals("urn:vitrine:problem:malformed-json", e.problem().type());
    assertEquals("The request body is not valid JSON", e.problem().title());
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    var problem = refused("{\n  \"a\": 1,\n  \"b\": ]\n}");
    assertEquals(
        Json.createObjectBuilder().add("line", 3).add("column", 8).build(), position(problem));
    assertTrue(
        problem.detail().startsWith("the request body is not valid JSON at line 3, column 8: "),
        problem.detail());
  }

  @Test
  void detailNamesWhatWasParsed() {
    var problem =
        assertThrows(ProblemException.class, () -> JsonDocuments.parseObject("{", "line 7"))
            .problem();
    assertTrue(
        problem.detail().startsWith("line 7 is not valid JSON at line 1, column "),
        problem.detail());
  }

  @Test
  void truncatedJsonIsMalformed() {
    assertEquals("urn:vitrine:problem:malformed-json", refused("{\"a\": [1, 2").type());
  }

  @Test
  void emptyTextIsMalformed() {
    var problem = refused("");
    assertEquals("urn:vitrine:problem:malformed-json", problem.type());
    assertEquals(1, position(problem).getJsonNumber("line").longValue());
  }

  @Test
  void singleQuotesAreMalformed() {
    assertEquals("urn:vitrine:problem:malformed-json", refused("{'a': 1}").type());
  }

  @Test
  void duplicateKeyIsRefused() {
    var problem = refused("{\"a\": 1, \"a\": 2}");
    assertEquals("urn:vitrine:problem:malformed-json", problem.type());
    assertEquals(400, problem.status());
    assertTrue(problem.detail().contains("'a'"), problem.detail());
  }

  @Test
  void nestedDuplicateKeyIsRefused() {
    var problem = refused("{\"values\": {\"name\": [{\"data\": \"a\", \"data\": \"b\"}]}}");
    assertEquals("urn:vitrine:problem:malformed-json", problem.type());
  }

  @Test
  void sameKeyInDifferentObjectsIsFine() {
    var body =
        JsonDocuments.parseObject("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}", "the request body");
    assertEquals(2, body.getJsonObject("b").getInt("x"));
  }

  @Test
  void listIsNotAnObject() {
    var problem = refused("[1, 2]");
    assertEquals("urn:vitrine:problem:bad-request", problem.type());
    assertEquals(400, problem.status());
    assertEquals("the request body must be a JSON object, not a list.", problem.detail());
  }

  @Test
  void scalarsAreNotObjects() {
    assertEquals(
        "the request body must be a JSON object, not a string.", refused("\"a\"").detail());
    assertEquals("the request body must be a JSON object, not a number.", refused("12").detail());
    assertEquals("the request body must be a JSON object, not null.", refused("null").detail());
    assertEquals(
        "the request body must be a JSON object, not a boolean.", refused("true").detail());
  }

  @Test
  void unreadableSourceIsMalformedWithoutPosition() {
    Reader broken =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("connection reset");
          }

          @Override
          public void close() {}
        };
    var problem =
        assertThrows(
                ProblemException.class, () -> JsonDocuments.parseObject(broken, "the request body"))
            .problem();
    assertEquals("urn:vitrine:problem:malformed-json", problem.type());
    assertEquals(
        Json.createObjectBuilder().add("line", 0).add("column", 0).build(), position(problem));
    assertTrue(
        problem.detail().startsWith("the request body is not valid JSON: "), problem.detail());
  }
}
