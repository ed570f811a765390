package io.vitrine.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bugs found once (trailing content after a body, whole numbers written 1e2 or 5.0), kept fixed.
 */
class JsonRegressionTest {

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  @Test
  void contentAfterTheObjectIsMalformed() {
    for (String text :
        List.of("{\"identifier\": \"a\"} {\"identifier\": \"b\"}", "{\"a\": 1}}", "{} xyz")) {
      var e =
          assertThrows(
              ProblemException.class, () -> JsonDocuments.parseObject(text, "Line 1"), text);
      assertEquals("urn:vitrine:problem:malformed-json", e.problem().type());
    }
  }

  @Test
  void integerAcceptsWholeNumbersWrittenWithExponentOrPoint() {
    var violations = new Violations();
    var in =
        new JsonInput(
            Json.createReader(new StringReader("{\"a\": 1e2, \"b\": 5.0}")).readObject(),
            violations);
    assertEquals(100, in.integer("a"));
    assertEquals(5, in.integer("b"));
    assertEquals(List.of(), violations.list());
  }
}
