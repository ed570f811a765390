package io.vitrine.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.http.Pages.PageRequest;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagesTest {

  private static final long SEED = Long.getLong("tests.seed", 0x9A6E5L);

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  private static Problem refused(String limit, String searchAfter, String withCount) {
    var e =
        assertThrows(ProblemException.class, () -> Pages.request(limit, searchAfter, withCount));
    assertEquals(422, e.getResponse().getStatus());
    return e.problem();
  }

  private static List<JsonObject> errors(Problem problem) {
    return problem.extensions().getJsonArray("errors").getValuesAs(JsonObject.class);
  }

  private static void assertOnlyError(Problem problem, String property, String message) {
    assertEquals(1, errors(problem).size(), problem.detail());
    assertEquals(property, errors(problem).get(0).getString("property"));
    assertEquals(message, errors(problem).get(0).getString("message"));
  }

  @Test
  void defaults() {
    assertEquals(new PageRequest(20, null, false), Pages.request(null, null, null));
  }

  @Test
  void limitWithinBounds() {
    assertEquals(1, Pages.request("1", null, null).limit());
    assertEquals(100, Pages.request("100", null, null).limit());
  }

  @Test
  void limitMayHaveSpaces() {
    assertEquals(50, Pages.request(" 50 ", null, null).limit());
  }

  @Test
  void limitZeroIsRefused() {
    var problem = refused("0", null, null);
    assertEquals("urn:vitrine:problem:validation-failed", problem.type());
    assertOnlyError(problem, "limit", "must be between 1 and 100 (was 0).");
  }

  @Test
  void limitAboveMaximumIsRefused() {
    assertOnlyError(refused("101", null, null), "limit", "must be between 1 and 100 (was 101).");
  }

  @Test
  void negativeLimitIsRefused() {
    assertOnlyError(refused("-5", null, null), "limit", "must be between 1 and 100 (was -5).");
  }

  @Test
  void nonNumericLimitIsRefused() {
    for (String limit : List.of("ten", "", "1.5", "99999999999", "1e2")) {
      assertOnlyError(
          refused(limit, null, null), "limit", "must be a whole number between 1 and 100.");
    }
  }

  @Test
  void cursorRoundTrip() {
    String cursor = Pages.encode("tee-42");
    assertEquals("tee-42", Pages.request(null, cursor, null).after());
  }

  @Test
  void cursorIsUrlSafeWithoutPadding() {
    String cursor = Pages.encode("??>>~~é");
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
  }

  @Test
  void cursorsOfManyKeysRoundTrip() {
    var random = new Random(SEED);
    for (int i = 0; i < 1000; i++) {
      var key = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        int codePoint =
            random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5F);
        key.appendCodePoint(codePoint);
      }
      String cursor = Pages.encode(key.toString());
      assertTrue(cursor.matches("[A-Za-z0-9_-]*"), "seed " + SEED + ": " + cursor);
      assertEquals(key.toString(), Pages.decode(cursor), "seed " + SEED + ", key " + key);
    }
  }

  @Test
  void cursorWithSurroundingSpacesIsRead() {
    assertEquals("abc", Pages.decode(" " + Pages.encode("abc") + " "));
  }

  @Test
  void blankCursorIsNoCursor() {
    assertNull(Pages.request(null, "", null).after());
    assertNull(Pages.request(null, "  ", null).after());
  }

  @Test
  void badCursorIsRefusedNamingSearchAfter() {
    var problem = refused(null, "not a cursor!", null);
    assertEquals(422, problem.status());
    assertOnlyError(problem, "search_after", "is not a cursor from a previous page's next link.");
  }

  @Test
  void cursorOfOneCharacterIsRefused() {
    assertNull(Pages.decode("a"));
  }

  @Test
  void withCountTrueAndFalse() {
    assertTrue(Pages.request(null, null, "true").withCount());
    assertFalse(Pages.request(null, null, "false").withCount());
  }

  @Test
  void withCountIsCaseSensitive() {
    assertOnlyError(refused(null, null, "TRUE"), "with_count", "must be true or false.");
  }

  @Test
  void withCountRefusesOtherWords() {
    assertOnlyError(refused(null, null, "yes"), "with_count", "must be true or false.");
    assertOnlyError(refused(null, null, ""), "with_count", "must be true or false.");
  }

  @Test
  void everyBadParameterIsReported() {
    var problem = refused("0", "%%%", "1");
    assertEquals(
        List.of("limit", "search_after", "with_count"),
        errors(problem).stream().map(e -> e.getString("property")).toList());
    assertTrue(problem.detail().startsWith("3 problems: "), problem.detail());
  }
}
