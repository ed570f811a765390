package io.vitrine.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.problem.Violation;
import io.vitrine.platform.problem.Violations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTest {

  private final Violations violations = new Violations();

  private JsonInput input(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return new JsonInput(reader.readObject(), violations);
    }
  }

  private void assertOnly(String property, String message) {
    assertEquals(List.of(Violation.of(property, message)), violations.list());
  }

  private void assertNoViolations() {
    assertEquals(List.of(), violations.list());
  }

  @Test
  void absentAndNullFieldsReadAsAbsent() {
    var in = input("{'a': null}");
    assertNull(in.string("a"));
    assertNull(in.string("b"));
    assertNull(in.code("a"));
    assertNull(in.bool("a"));
    assertNull(in.integer("a"));
    assertNull(in.decimal("a"));
    assertNull(in.date("a"));
    assertNull(in.object("a"));
    assertNull(in.array("a"));
    assertNull(in.codes("a"));
    assertNull(in.value("a"));
    assertNoViolations();
  }

  @Test
  void hasIsFalseForNullAndAbsent() {
    var in = input("{'a': null, 'b': 0, 'c': ''}");
    assertFalse(in.has("a"));
    assertTrue(in.has("b"));
    assertTrue(in.has("c"));
    assertFalse(in.has("d"));
  }

  @Test
  void string() {
    assertEquals("Shoes", input("{'label': 'Shoes'}").string("label"));
    assertNoViolations();
  }

  @Test
  void stringRefusesNumber() {
    assertNull(input("{'label': 3}").string("label"));
    assertOnly("label", "must be a string, not a number.");
  }

  @Test
  void stringRefusesObjectNamingIt() {
    input("{'label': {}}").string("label");
    assertOnly("label", "must be a string, not an object.");
  }

  @Test
  void requiredStringMissing() {
    assertNull(input("{}").requiredString("code"));
    assertOnly("code", "is required.");
  }

  @Test
  void requiredStringNullIsMissing() {
    input("{'code': null}").requiredString("code");
    assertOnly("code", "is required.");
  }

  @Test
  void requiredStringBlank() {
    assertNull(input("{'code': '  '}").requiredString("code"));
    assertOnly("code", "must not be empty.");
  }

  @Test
  void requiredStringWrongTypeIsReportedOnce() {
    input("{'code': true}").requiredString("code");
    assertOnly("code", "must be a string, not a boolean.");
  }

  @Test
  void codeAcceptsLettersDigitsUnderscores() {
    assertEquals("Shoe_size_42", input("{'code': 'Shoe_size_42'}").code("code"));
    assertNoViolations();
  }

  @Test
  void codeRefusesOtherCharacters() {
    assertNull(input("{'code': 'shoe-size'}").code("code"));
    assertOnly("code", "may contain only letters, digits and underscores ('shoe-size' does not).");
  }

  @Test
  void codeRefusesEmpty() {
    input("{'code': ''}").code("code");
    assertOnly("code", "must not be empty.");
  }

  @Test
  void codeOf100CharactersIsAccepted() {
    assertEquals("a".repeat(100), input("{'code': '" + "a".repeat(100) + "'}").code("code"));
    assertNoViolations();
  }

  @Test
  void codeOf101CharactersIsRefused() {
    input("{'code': '" + "a".repeat(101) + "'}").code("code");
    assertOnly("code", "must be at most 100 characters long.");
  }

  @Test
  void codeRefusesNonAsciiLetters() {
    input("{'code': 'caf\u00e9'}").code("code");
    assertOnly("code", "may contain only letters, digits and underscores ('caf\u00e9' does not).");
  }

  @Test
  void requiredCode() {
    input("{}").requiredCode("code");
    assertOnly("code", "is required.");
  }

  @Test
  void bool() {
    var in = input("{'a': true, 'b': false}");
    assertEquals(Boolean.TRUE, in.bool("a"));
    assertEquals(Boolean.FALSE, in.bool("b"));
    assertNoViolations();
  }

  @Test
  void boolRefusesText() {
    assertNull(input("{'a': 'true'}").bool("a"));
    assertOnly("a", "must be true or false, not a string.");
  }

  @Test
  void boolWithFallback() {
    var in = input("{'a': false, 'b': null}");
    assertFalse(in.bool("a", true));
    assertTrue(in.bool("b", true));
    assertTrue(in.bool("c", true));
  }

  @Test
  void integer() {
    assertEquals(42, input("{'n': 42}").integer("n"));
    assertEquals(-7, input("{'n': -7}").integer("n"));
    assertNoViolations();
  }

  @Test
  void integerRefusesFraction() {
    assertNull(input("{'n': 1.5}").integer("n"));
    assertOnly("n", "must be a whole number, not 1.5.");
  }

  @Test
  void integerRefusesText() {
    input("{'n': '42'}").integer("n");
    assertOnly("n", "must be a whole number, not a string.");
  }

  @Test
  void integerRefusesTooLarge() {
    assertNull(input("{'n': 3000000000}").integer("n"));
    assertOnly("n", "is too large: at most 2147483647.");
  }

  @Test
  void integerLimits() {
    assertEquals(Integer.MAX_VALUE, input("{'n': 2147483647}").integer("n"));
    assertEquals(Integer.MIN_VALUE, input("{'n': -2147483648}").integer("n"));
    assertNoViolations();
  }

  @Test
  void decimalFromNumberOrString() {
    var in = input("{'a': 12.50, 'b': '12.50', 'c': ' 3 '}");
    assertEquals(new BigDecimal("12.50"), in.decimal("a"));
    assertEquals(new BigDecimal("12.50"), in.decimal("b"));
    assertEquals(new BigDecimal("3"), in.decimal("c"));
    assertNoViolations();
  }

  @Test
  void decimalRefusesOtherText() {
    assertNull(input("{'a': 'twelve'}").decimal("a"));
    assertOnly("a", "must be a number, not a string.");
  }

  @Test
  void date() {
    assertEquals(LocalDate.of(2024, 2, 29), input("{'d': '2024-02-29'}").date("d"));
    assertNoViolations();
  }

  @Test
  void dateRefusesOtherFormats() {
    assertNull(input("{'d': '29/02/2024'}").date("d"));
    assertOnly("d", "must be a date written YYYY-MM-DD ('29/02/2024' is not).");
  }

  @Test
  void dateRefusesNumber() {
    input("{'d': 20240229}").date("d");
    assertOnly("d", "must be a string, not a number.");
  }

  @Test
  void object() {
    assertEquals(JsonObject.EMPTY_JSON_OBJECT, input("{'o': {}}").object("o"));
    input("{'o': []}").object("o");
    assertOnly("o", "must be an object, not a list.");
  }

  @Test
  void array() {
    assertEquals(0, input("{'a': []}").array("a").size());
    input("{'a': 'x'}").array("a");
    assertOnly("a", "must be a list, not a string.");
  }

  @Test
  void codesInOrder() {
    assertEquals(List.of("b", "a", "c"), input("{'c': ['b', 'a', 'c']}").codes("c"));
    assertNoViolations();
  }

  @Test
  void codesNameTheBadItemByIndex() {
    assertEquals(List.of("a", "b"), input("{'c': ['a', 1, 'no way', 'b']}").codes("c"));
    assertEquals(
        List.of(
            Violation.of("c[1]", "must be a code (a string), not a number."),
            Violation.of(
                "c[2]", "may contain only letters, digits and underscores ('no way' does not).")),
        violations.list());
  }

  @Test
  void codesListedTwice() {
    assertEquals(List.of("a"), input("{'c': ['a', 'a']}").codes("c"));
    assertOnly("c[1]", "'a' is listed twice.");
  }

  @Test
  void codesAreCaseSensitive() {
    assertEquals(List.of("a", "A"), input("{'c': ['a', 'A']}").codes("c"));
    assertNoViolations();
  }

  @Test
  void labels() {
    var labels = input("{'labels': {'en_US': ' Shoes ', 'fr_FR': 'Chaussures'}}").labels("labels");
    assertEquals(Map.of("en_US", "Shoes", "fr_FR", "Chaussures"), labels);
    assertEquals(List.of("en_US", "fr_FR"), List.copyOf(labels.keySet()));
    assertNoViolations();
  }

  @Test
  void labelsAbsentAreEmpty() {
    assertEquals(Map.of(), input("{}").labels("labels"));
  }

  @Test
  void labelsNullOrEmptyAreDropped() {
    assertEquals(Map.of(), input("{'labels': {'en_US': null, 'fr_FR': '  '}}").labels("labels"));
    assertNoViolations();
  }

  @Test
  void labelsRefuseBadLocaleCode() {
    input("{'labels': {'english': 'Shoes'}}").labels("labels");
    assertOnly("labels.english", "'english' is not a locale code such as en_US.");
  }

  @Test
  void labelsAcceptThreeLetterLanguages() {
    assertEquals(
        Map.of("fil_PH", "Sapatos"), input("{'labels': {'fil_PH': 'Sapatos'}}").labels("labels"));
  }

  @Test
  void labelsRefuseNonText() {
    input("{'labels': {'en_US': 3}}").labels("labels");
    assertOnly("labels.en_US", "must be a string, not a number.");
  }

  @Test
  void labelOf255CharactersIsAccepted() {
    assertEquals(
        255,
        input("{'labels': {'en_US': '" + "x".repeat(255) + "'}}")
            .labels("labels")
            .get("en_US")
            .length());
    assertNoViolations();
  }

  @Test
  void labelOf256CharactersIsRefused() {
    input("{'labels': {'en_US': '" + "x".repeat(256) + "'}}").labels("labels");
    assertOnly("labels.en_US", "must be at most 255 characters long.");
  }

  @Test
  void labelLengthIsMeasuredAfterStripping() {
    assertEquals(
        255,
        input("{'labels': {'en_US': '  " + "x".repeat(255) + "  '}}")
            .labels("labels")
            .get("en_US")
            .length());
    assertNoViolations();
  }

  @Test
  void rejectUnknownNamesFieldsNotRead() {
    var in = input("{'code': 'a', 'labels': {}, 'colour': 'red'}");
    in.code("code");
    in.labels("labels");
    in.rejectUnknown("a channel");
    assertOnly("colour", "is not a field of a channel; known fields are code, labels.");
  }

  @Test
  void rejectUnknownAcceptsIgnoredFields() {
    var in = input("{'code': 'a', 'created': 'x', 'updated': 'y'}");
    in.code("code");
    in.rejectUnknown("a family", "created", "updated");
    assertNoViolations();
  }

  @Test
  void fieldsAskedForButAbsentCountAsKnown() {
    var in = input("{'code': 'a', 'other': 1}");
    in.code("code");
    in.string("label");
    in.rejectUnknown("a thing");
    assertOnly("other", "is not a field of a thing; known fields are code, label.");
  }

  @Test
  void nestedInputNamesTheFullPath() {
    var in = input("{'units': {'GRAM': {'symbol': 5}}}");
    var gram =
        in.nested("units", in.object("units"))
            .nested("GRAM", in.object("units").getJsonObject("GRAM"));
    gram.string("symbol");
    assertOnly("units.GRAM.symbol", "must be a string, not a number.");
    assertEquals("units.GRAM.symbol", gram.path("symbol"));
  }

  @Test
  void nestedInputSharesViolations() {
    var in = input("{'a': {}}");
    assertSame(violations, in.nested("a", JsonObject.EMPTY_JSON_OBJECT).violations());
  }

  @Test
  void nestedRejectUnknownUsesThePath() {
    var in = input("{'unit': {'code': 'G', 'x': 1}}");
    var unit = in.nested("unit", in.object("unit"));
    unit.code("code");
    unit.rejectUnknown("a unit");
    assertOnly("unit.x", "is not a field of a unit; known fields are code.");
  }

  @Test
  void invalidRecordsAtThePath() {
    input("{}").invalid("code", "is taken.");
    assertOnly("code", "is taken.");
  }

  @Test
  void everyProblemIsRecorded() {
    var in = input("{'a': 1, 'b': 'x', 'c': 'not a date'}");
    in.string("a");
    in.bool("b");
    in.date("c");
    assertEquals(3, violations.size());
  }

  @Test
  void codeMessage() {
    assertEquals("must not be empty.", JsonInput.codeMessage(""));
    assertEquals("must be at most 100 characters long.", JsonInput.codeMessage("a".repeat(101)));
    assertEquals(
        "may contain only letters, digits and underscores ('a b' does not).",
        JsonInput.codeMessage("a b"));
  }

  @Test
  void localeCodePattern() {
    for (String ok : List.of("en_US", "fr_FR", "fil_PH")) {
      assertTrue(JsonInput.LOCALE_CODE.matcher(ok).matches(), ok);
    }
    for (String bad : List.of("en", "en-US", "EN_US", "en_us", "english_US")) {
      assertFalse(JsonInput.LOCALE_CODE.matcher(bad).matches(), bad);
    }
  }
}
