package io.vitrine.platform.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.problem.ProblemException;
import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VersionsTest {

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  @Test
  void etagIsTheVersion() {
    var tag = Versions.etag(7);
    assertEquals("7", tag.getValue());
    assertFalse(tag.isWeak());
  }

  @Test
  void quotedTagMatches() {
    assertTrue(Versions.matches("\"3\"", 3));
  }

  @Test
  void bareNumberMatches() {
    assertTrue(Versions.matches("3", 3));
  }

  @Test
  void weakTagMatches() {
    assertTrue(Versions.matches("W/\"3\"", 3));
  }

  @Test
  void starMatchesAnyVersion() {
    assertTrue(Versions.matches("*", 0));
    assertTrue(Versions.matches("*", 12345));
  }

  @Test
  void starInAListMatches() {
    assertTrue(Versions.matches("\"1\", *", 9));
  }

  @Test
  void listMatchesWhenAnyTagDoes() {
    assertTrue(Versions.matches("\"1\", \"3\", \"5\"", 3));
    assertTrue(Versions.matches("\"1\",\"3\"", 3));
    assertTrue(Versions.matches("W/\"1\", 3", 3));
  }

  @Test
  void spacesAroundTagsAreIgnored() {
    assertTrue(Versions.matches("  \"3\"  ", 3));
  }

  @Test
  void otherVersionDoesNotMatch() {
    assertFalse(Versions.matches("\"4\"", 3));
    assertFalse(Versions.matches("\"33\"", 3));
    assertFalse(Versions.matches("\"1\", \"2\"", 3));
  }

  @Test
  void numberIsComparedAsWritten() {
    assertFalse(Versions.matches("\"03\"", 3));
    assertFalse(Versions.matches("\"3.0\"", 3));
  }

  @Test
  void nothingDoesNotMatch() {
    assertFalse(Versions.matches(null, 3));
    assertFalse(Versions.matches("", 3));
    assertFalse(Versions.matches("\"\"", 3));
  }

  @Test
  void halfQuotedTagDoesNotMatch() {
    assertFalse(Versions.matches("\"3", 3));
  }

  @Test
  void largeVersions() {
    assertTrue(Versions.matches("\"" + Long.MAX_VALUE + "\"", Long.MAX_VALUE));
  }

  @Test
  void checkIfMatchTakesTheTagOfARicherRepresentationOfTheSameVersion() {
    // A product read with its completenesses: "<version>-c<digest>".
    assertDoesNotThrow(() -> Versions.checkIfMatch("\"3-c1f2e\"", 3L));
    assertThrows(ProblemException.class, () -> Versions.checkIfMatch("\"2-c1f2e\"", 3L));
    assertThrows(ProblemException.class, () -> Versions.checkIfMatch("\"33-c1f2e\"", 3L));
  }

  @Test
  void checkIfMatchWithoutHeaderPasses() {
    assertDoesNotThrow(() -> Versions.checkIfMatch(null, 3L));
    assertDoesNotThrow(() -> Versions.checkIfMatch("", 3L));
    assertDoesNotThrow(() -> Versions.checkIfMatch("  ", null));
  }

  @Test
  void checkIfMatchOfTheCurrentVersionPasses() {
    for (String header : List.of("\"3\"", "3", "W/\"3\"", "*", "\"2\", \"3\"")) {
      assertDoesNotThrow(() -> Versions.checkIfMatch(header, 3L), header);
    }
  }

  @Test
  void checkIfMatchOfAnotherVersionIs412WithTheCurrentVersion() {
    var e = assertThrows(ProblemException.class, () -> Versions.checkIfMatch("\"2\"", 3L));
    assertEquals(412, e.getResponse().getStatus());
    var problem = e.problem();
    assertEquals(412, problem.status());
    assertEquals("urn:vitrine:problem:precondition-failed", problem.type());
    assertEquals("The resource has changed", problem.title());
    assertEquals(3, problem.extensions().getJsonNumber("current_version").longValue());
    assertEquals(
        "If-Match does not match the current version 3; read the resource again and retry.",
        problem.detail());
  }

  @Test
  void checkIfMatchOfAMissingResourceIs412() {
    var problem =
        assertThrows(ProblemException.class, () -> Versions.checkIfMatch("\"1\"", null)).problem();
    assertEquals(412, problem.status());
    assertEquals("urn:vitrine:problem:precondition-failed", problem.type());
    assertEquals("The resource does not exist", problem.title());
    assertFalse(problem.extensions().containsKey("current_version"));
  }

  @Test
  void checkIfMatchStarOfAMissingResourceIs412() {
    assertThrows(ProblemException.class, () -> Versions.checkIfMatch("*", null));
  }
}
