package io.vitrine.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  private static JsonObject json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  @Test
  void validationOfOneViolation() {
    var problem =
        Problem.validation(
            List.of(new Violation("name", "en_US", null, "must be text, not a number.")));
    assertEquals(
        json(
            """
            {'type': 'urn:vitrine:problem:validation-failed', 'title': 'The request contains invalid data', 'status': 422,
             'detail': 'name (en_US): must be text, not a number.',
             'errors': [{'property': 'name', 'locale': 'en_US', 'scope': null, 'message': 'must be text, not a number.'}]}"""),
        problem.toJson(null));
  }

  @Test
  void validationFieldsComeInRfcOrder() {
    var problem = Problem.validation(List.of(Violation.of("code", "is required.")));
    assertEquals(
        List.of("type", "title", "status", "detail", "instance", "errors"),
        new ArrayList<>(problem.toJson("/api/x").keySet()));
  }

  @Test
  void validationOfSeveralViolationsCountsThem() {
    var problem =
        Problem.validation(
            List.of(
                Violation.of("code", "is required."),
                new Violation("description", "fr_FR", "print", "must be text, not a number."),
                new Violation("price", null, "ecommerce", "must be a list.")));
    assertEquals(
        "3 problems: code: is required. description (fr_FR, print): must be text, not a number. price (ecommerce): must be a list.",
        problem.detail());
    assertEquals(3, problem.toJson(null).getJsonArray("errors").size());
  }

  @Test
  void violationWithoutPropertyIsJustItsMessage() {
    var problem =
        Problem.validation(List.of(new Violation(null, null, null, "The body is empty.")));
    assertEquals("The body is empty.", problem.detail());
    assertEquals(
        "", problem.toJson(null).getJsonArray("errors").getJsonObject(0).getString("property"));
  }

  @Test
  void violationJsonAlwaysHasLocaleAndScope() {
    var error = Violation.of("code", "is required.").toJson();
    assertEquals(
        json("{'property': 'code', 'locale': null, 'scope': null, 'message': 'is required.'}"),
        error);
    assertEquals(
        List.of("property", "locale", "scope", "message"), new ArrayList<>(error.keySet()));
  }

  @Test
  void violationJsonOfAValue() {
    assertEquals(
        json("{'property': 'description', 'locale': 'fr_FR', 'scope': 'print', 'message': 'x'}"),
        new Violation("description", "fr_FR", "print", "x").toJson());
  }

  @Test
  void instanceIsIncludedWhenGiven() {
    var problem = Problem.notFound("family", "shoes");
    assertEquals(
        "/api/rest/v1/families/shoes",
        problem.toJson("/api/rest/v1/families/shoes").getString("instance"));
    assertFalse(problem.toJson(null).containsKey("instance"));
  }

  @Test
  void detailIsLeftOutWhenNull() {
    var problem = Problem.of("x", "X", 400, null);
    assertEquals(
        json("{'type': 'urn:vitrine:problem:x', 'title': 'X', 'status': 400}"),
        problem.toJson(null));
  }

  @Test
  void notFound() {
    var problem = Problem.notFound("family", "shoes");
    assertEquals(404, problem.status());
    assertEquals("urn:vitrine:problem:not-found", problem.type());
    assertEquals("There is no family with code 'shoes'.", problem.detail());
  }

  @Test
  void alreadyExists() {
    var problem = Problem.alreadyExists("channel", "web");
    assertEquals(409, problem.status());
    assertEquals("urn:vitrine:problem:already-exists", problem.type());
    assertEquals(
        "A channel with code 'web' already exists; use PATCH to change it.", problem.detail());
  }

  @Test
  void inUseListsUsages() {
    var problem =
        Problem.inUse(
            "The attribute color is in use.",
            List.of(
                new Usage("families", 2, List.of("clothing", "shoes")),
                new Usage("products", 1204, List.of("a", "b"))));
    assertEquals(
        json(
            """
            {'type': 'urn:vitrine:problem:in-use', 'title': 'The resource is in use', 'status': 409,
             'detail': 'The attribute color is in use.',
             'usages': [{'kind': 'families', 'count': 2, 'examples': ['clothing', 'shoes']},
                        {'kind': 'products', 'count': 1204, 'examples': ['a', 'b']}]}"""),
        problem.toJson(null));
  }

  @Test
  void preconditionFailedCarriesTheCurrentVersion() {
    var json = Problem.preconditionFailed(5).toJson(null);
    assertEquals(412, json.getInt("status"));
    assertEquals(5, json.getInt("current_version"));
  }

  @Test
  void malformedJsonCarriesThePosition() {
    var json = Problem.malformedJson("bad", 3, 14).toJson(null);
    assertEquals("urn:vitrine:problem:malformed-json", json.getString("type"));
    assertEquals(400, json.getInt("status"));
    assertEquals(json("{'line': 3, 'column': 14}"), json.getJsonObject("position"));
  }

  @Test
  void otherProblems() {
    assertEquals(400, Problem.badRequest("x").status());
    assertEquals("urn:vitrine:problem:bad-request", Problem.badRequest("x").type());
    assertEquals("urn:vitrine:problem:conflict", Problem.conflict("x").type());
    assertEquals(409, Problem.conflict("x").status());
    assertEquals(
        "The body is larger than the limit of 1024 bytes.", Problem.tooLarge(1024).detail());
    assertEquals(413, Problem.tooLarge(1024).status());
    assertEquals(
        "Content-Type 'text/plain' is not accepted here; send application/json.",
        Problem.unsupportedMediaType("text/plain", "application/json").detail());
    assertEquals(415, Problem.unsupportedMediaType("text/plain", "application/json").status());
  }

  @Test
  void withAddsExtensionsAndKeepsTheOthers() {
    var problem =
        Problem.of("x", "X", 409, "d")
            .with(Json.createObjectBuilder().add("a", 1))
            .with(Json.createObjectBuilder().add("b", 2));
    assertEquals(json("{'a': 1, 'b': 2}"), problem.extensions());
  }

  @Test
  void withReplacesAnExtensionOfTheSameName() {
    var problem =
        Problem.of("x", "X", 409, "d")
            .with(Json.createObjectBuilder().add("a", 1))
            .with(Json.createObjectBuilder().add("a", 2));
    assertEquals(json("{'a': 2}"), problem.extensions());
  }

  @Test
  void withLeavesTheOriginalUnchanged() {
    var original = Problem.of("x", "X", 409, "d");
    original.with(Json.createObjectBuilder().add("a", 1));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, original.extensions());
  }

  @Test
  void usageDescribeWithAllExamples() {
    assertEquals(
        "3 families (apparel, footwear, home)",
        new Usage("families", 3, List.of("apparel", "footwear", "home")).describe());
  }

  @Test
  void usageDescribeWithSomeExamples() {
    assertEquals(
        "1204 products (a, b and 1202 more)",
        new Usage("products", 1204, List.of("a", "b")).describe());
  }

  @Test
  void usageDescribeWithoutExamples() {
    assertEquals("5 channels", new Usage("channels", 5, List.of()).describe());
  }

  @Test
  void usageJson() {
    assertEquals(
        json("{'kind': 'products', 'count': 12, 'examples': ['a']}"),
        new Usage("products", 12, List.of("a")).toJson());
  }

  @Test
  void violationsCollectInOrder() {
    var violations =
        new Violations()
            .add("a", "one.")
            .add("b", "en_US", "print", "two.")
            .add(Violation.of("c", "three."));
    assertEquals(3, violations.size());
    assertEquals(
        List.of("a", "b", "c"), violations.list().stream().map(Violation::property).toList());
    assertEquals(new Violation("b", "en_US", "print", "two."), violations.list().get(1));
  }

  @Test
  void violationsListIsACopy() {
    var violations = new Violations().add("a", "one.");
    var list = violations.list();
    violations.add("b", "two.");
    assertEquals(1, list.size());
    assertThrows(UnsupportedOperationException.class, () -> list.add(Violation.of("c", "x")));
  }

  @Test
  void noViolationsDoNotThrow() {
    var violations = new Violations();
    assertTrue(violations.isEmpty());
    assertDoesNotThrow(violations::throwIfAny);
  }

  @Test
  void violationsThrowA422ListingThemAll() {
    var violations = new Violations().add("a", "one.").add("b", "two.");
    var e = assertThrows(ProblemException.class, violations::throwIfAny);
    assertEquals(422, e.getResponse().getStatus());
    assertEquals(2, e.problem().extensions().getJsonArray("errors").size());
    assertEquals("The request contains invalid data: 2 problems: a: one. b: two.", e.getMessage());
  }

  @Test
  void problemExceptionMessageWithoutDetailIsTheTitle() {
    assertEquals("X", new ProblemException(Problem.of("x", "X", 400, null)).getMessage());
  }
}
