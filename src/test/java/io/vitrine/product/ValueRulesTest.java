package io.vitrine.product;

import static io.vitrine.catalog.TestCatalogs.DE;
import static io.vitrine.catalog.TestCatalogs.ECOMMERCE;
import static io.vitrine.catalog.TestCatalogs.EN;
import static io.vitrine.catalog.TestCatalogs.FR;
import static io.vitrine.catalog.TestCatalogs.PRINT;
import static io.vitrine.catalog.TestCatalogs.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.platform.problem.Violation;
import io.vitrine.platform.problem.Violations;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueRulesTest {

  private final CatalogSnapshot catalog = TestCatalogs.standard();
  private final ValueRules rules = new ValueRules(catalog);
  private final Violations violations = new Violations();

  /** JSON written with single quotes: {@code json("{'a': 1}")}. */
  static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private JsonValue check(Attribute attribute, String locale, String scope, JsonValue data) {
    return rules.check(attribute, new ValueKey(attribute.code(), locale, scope), data, violations);
  }

  private JsonValue check(Attribute attribute, String data) {
    return check(attribute, null, null, json(data));
  }

  /** {@code data} is valid and its normal form is {@code normal} (both single-quoted JSON). */
  private void assertNormal(Attribute attribute, String data, String normal) {
    JsonValue result = check(attribute, data);
    assertEquals(List.of(), violations.list(), "violations for " + data);
    assertEquals(json(normal).toString(), String.valueOf(result), "normal form of " + data);
  }

  private void assertCleared(Attribute attribute, String data) {
    JsonValue result = check(attribute, data);
    assertEquals(List.of(), violations.list(), "violations for " + data);
    assertSame(JsonValue.NULL, result, data + " clears the value");
  }

  /** {@code data} is refused with exactly one violation saying {@code message}. */
  private void assertRefused(Attribute attribute, String data, String message) {
    JsonValue result = check(attribute, data);
    assertNull(result, data + " is invalid");
    assertEquals(List.of(new Violation(attribute.code(), null, null, message)), violations.list());
  }

  private List<String> messages() {
    return violations.list().stream().map(Violation::message).toList();
  }

  @Nested
  class Text {
    private final Attribute name = attribute("name", AttributeType.TEXT).build();

    @Test
    void keepsSingleLineText() {
      assertNormal(name, "'Cotton tee'", "'Cotton tee'");
    }

    @Test
    void keepsLeadingAndTrailingSpaces() {
      assertNormal(name, "'  tee '", "'  tee '");
    }

    @Test
    void emptyStringClears() {
      assertCleared(name, "''");
    }

    @Test
    void jsonNullClears() {
      assertCleared(name, "null");
    }

    @Test
    void refusesNumber() {
      assertRefused(name, "12", "must be text, not a number.");
    }

    @Test
    void refusesListAndObjectAndBoolean() {
      assertNull(check(name, "['a']"));
      assertNull(check(name, "{'a': 'b'}"));
      assertNull(check(name, "true"));
      assertEquals(
          List.of(
              "must be text, not a list.",
              "must be text, not an object.",
              "must be text, not a boolean."),
          messages());
    }

    @Test
    void refusesLineFeed() {
      assertRefused(
          name,
          "'two\\nlines'",
          "must be a single line; use a textarea attribute for longer text.");
    }

    @Test
    void refusesCarriageReturn() {
      assertRefused(
          name,
          "'two\\rlines'",
          "must be a single line; use a textarea attribute for longer text.");
    }

    @Test
    void acceptsExactlyMaxCharacters() {
      var code = attribute("code", AttributeType.TEXT).maxCharacters(5).build();
      assertNormal(code, "'abcde'", "'abcde'");
    }

    @Test
    void refusesOneCharacterTooMany() {
      var code = attribute("code", AttributeType.TEXT).maxCharacters(5).build();
      assertRefused(code, "'abcdef'", "is 6 characters long; at most 5 are allowed.");
    }

    @Test
    void countsCodePointsNotUtf16Units() {
      var code = attribute("code", AttributeType.TEXT).maxCharacters(3).build();
      String three = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
      assertEquals(6, three.length());
      assertNormal(code, "'" + three + "'", "'" + three + "'");
      assertRefused(
          code, "'" + three + "\uD83D\uDE00'", "is 4 characters long; at most 3 are allowed.");
    }

    @Test
    void withoutMaxCharactersTheLimitIs255() {
      assertNormal(name, "'" + "a".repeat(255) + "'", "'" + "a".repeat(255) + "'");
      assertRefused(
          name, "'" + "a".repeat(256) + "'", "is 256 characters long; at most 255 are allowed.");
    }

    @Test
    void identifierFollowsTheTextRules() {
      var sku = attribute("sku", AttributeType.IDENTIFIER).maxCharacters(4).build();
      assertNormal(sku, "'AB12'", "'AB12'");
      assertRefused(sku, "'AB123'", "is 5 characters long; at most 4 are allowed.");
    }

    @Test
    void identifierRefusesNewline() {
      var sku = attribute("sku", AttributeType.IDENTIFIER).build();
      assertRefused(
          sku, "'A\\nB'", "must be a single line; use a textarea attribute for longer text.");
    }

    @Test
    void emailRuleAcceptsAddress() {
      var email = attribute("email", AttributeType.TEXT).email().build();
      assertNormal(email, "'ana@example.com'", "'ana@example.com'");
    }

    @Test
    void emailRuleRefusesAddressWithoutDomainDot() {
      var email = attribute("email", AttributeType.TEXT).email().build();
      assertRefused(email, "'ana@example'", "'ana@example' is not an email address.");
    }

    @Test
    void emailRuleRefusesSpacesAndSecondAt() {
      var email = attribute("email", AttributeType.TEXT).email().build();
      assertNull(check(email, "'ana maria@example.com'"));
      assertNull(check(email, "'ana@b@example.com'"));
      assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void urlRuleAcceptsHttpAndHttps() {
      var url = attribute("url", AttributeType.TEXT).url().build();
      assertNormal(url, "'https://example.com/a?b=c'", "'https://example.com/a?b=c'");
      assertNormal(url, "'HTTP://EXAMPLE.COM'", "'HTTP://EXAMPLE.COM'");
    }

    @Test
    void urlRuleRefusesOtherSchemes() {
      var url = attribute("url", AttributeType.TEXT).url().build();
      assertRefused(
          url,
          "'ftp://example.com'",
          "'ftp://example.com' is not a web address starting with http:// or https://.");
    }

    @Test
    void urlRuleRefusesAddressWithoutSchemeOrHost() {
      var url = attribute("url", AttributeType.TEXT).url().build();
      for (String text :
          List.of("example.com", "http://", "https:///path", "https://exa mple.com")) {
        assertNull(check(url, "'" + text + "'"), text);
      }
      assertEquals(4, violations.size(), violations.toString());
    }

    @Test
    void regexpRuleAcceptsMatch() {
      var ref = attribute("ref", AttributeType.TEXT).regexp("^[A-Z]{3}-\\d+$").build();
      assertNormal(ref, "'ABC-12'", "'ABC-12'");
    }

    @Test
    void regexpRuleRefusesMismatchNamingThePattern() {
      var ref = attribute("ref", AttributeType.TEXT).regexp("^[A-Z]{3}-\\d+$").build();
      assertRefused(ref, "'abc-12'", "'abc-12' does not match the pattern ^[A-Z]{3}-\\d+$.");
    }

    @Test
    void regexpRuleFindsThePatternAnywhereWhenNotAnchored() {
      var ref = attribute("ref", AttributeType.TEXT).regexp("[0-9]{3}").build();
      assertNormal(ref, "'ab123cd'", "'ab123cd'");
      assertRefused(ref, "'ab12cd'", "'ab12cd' does not match the pattern [0-9]{3}.");
    }

    @Test
    void regexpRuleIsCheckedForEachValue() {
      var ref = attribute("ref", AttributeType.TEXT).regexp("^x").build();
      assertNotNull(check(ref, "'x1'"));
      assertNull(check(ref, "'y1'"));
      assertNotNull(check(ref, "'x2'"));
      assertEquals(1, violations.size());
    }

    @Test
    void lengthIsCheckedBeforeTheRule() {
      var email = attribute("email", AttributeType.TEXT).email().maxCharacters(5).build();
      assertRefused(email, "'ana@example.com'", "is 15 characters long; at most 5 are allowed.");
    }
  }

  @Nested
  class Textarea {
    private final Attribute plain = attribute("notes", AttributeType.TEXTAREA).build();
    private final Attribute rich =
        attribute("description", AttributeType.TEXTAREA).richText().build();

    @Test
    void keepsSeveralLines() {
      assertNormal(plain, "'first line\\nsecond line'", "'first line\\nsecond line'");
    }

    @Test
    void plainTextareaKeepsMarkupAsWritten() {
      assertNormal(
          plain, "'<b>bold</b> & <script>x</script>'", "'<b>bold</b> & <script>x</script>'");
    }

    @Test
    void blankTextClears() {
      assertCleared(plain, "'  \\n\\t '");
    }

    @Test
    void emptyStringClears() {
      assertCleared(plain, "''");
    }

    @Test
    void refusesNumber() {
      assertRefused(plain, "3", "must be text, not a number.");
    }

    @Test
    void refusesTooLongText() {
      var short10 = attribute("notes", AttributeType.TEXTAREA).maxCharacters(10).build();
      assertRefused(
          short10, "'" + "x".repeat(11) + "'", "is 11 characters long; at most 10 are allowed.");
    }

    @Test
    void withoutMaxCharactersTheLimitIs65535() {
      String longest = "x".repeat(65_535);
      assertEquals(
          longest, ((jakarta.json.JsonString) check(plain, "'" + longest + "'")).getString());
      assertRefused(
          plain, "'" + longest + "y'", "is 65536 characters long; at most 65535 are allowed.");
    }

    @Test
    void richTextRemovesScripts() {
      assertNormal(
          rich,
          "'<p>Soft <strong>cotton</strong></p><script>alert(1)</script>'",
          "'<p>Soft <strong>cotton</strong></p>'");
    }

    @Test
    void richTextRemovesEventHandlers() {
      assertNormal(rich, "'<p onclick=\\\"steal()\\\">Hi</p>'", "'<p>Hi</p>'");
    }

    @Test
    void richTextRemovesJavascriptLinks() {
      assertNormal(rich, "'<a href=\\\"javascript:steal()\\\">x</a>'", "'<a>x</a>'");
    }

    @Test
    void richTextKeepsAllowedTags() {
      String html =
          "<h2>Care</h2><ul><li><em>Wash</em> cold</li><li>Dry flat</li></ul><p>See <a href=\\\"https://example.com/care\\\">the guide</a>.</p>";
      assertNormal(rich, "'" + html + "'", "'" + html + "'");
    }

    @Test
    void richTextKeepsLinkTargetAndRel() {
      String html =
          "<a href=\\\"https://example.com\\\" target=\\\"_blank\\\" rel=\\\"noopener\\\">shop</a>";
      assertNormal(rich, "'" + html + "'", "'" + html + "'");
    }

    @Test
    void richTextDropsUnknownTagsButKeepsTheirText() {
      assertNormal(rich, "'<p><blink>Sale</blink></p>'", "'<p>Sale</p>'");
    }

    @Test
    void richTextOfOnlyEmptyTagsClears() {
      assertCleared(rich, "'<p></p><p> </p><br><div><span></span></div>'");
    }

    @Test
    void richTextOfOnlyAScriptClears() {
      assertCleared(rich, "'<script>alert(1)</script>'");
    }

    @Test
    void richTextWithOnlyAnImageIsKept() {
      assertNormal(
          rich,
          "'<p><img src=\\\"https://example.com/a.png\\\"></p>'",
          "'<p><img src=\\\"https://example.com/a.png\\\"></p>'");
    }

    @Test
    void richTextLengthIsCountedAfterCleaning() {
      var rich10 =
          attribute("description", AttributeType.TEXTAREA).richText().maxCharacters(10).build();
      assertNormal(
          rich10, "'<p>abc</p><script>a long script that would not fit</script>'", "'<p>abc</p>'");
    }

    @Test
    void richTextLengthCountsMarkup() {
      var rich10 =
          attribute("description", AttributeType.TEXTAREA).richText().maxCharacters(10).build();
      assertRefused(rich10, "'<p>abcdefgh</p>'", "is 15 characters long; at most 10 are allowed.");
    }

    @Test
    void richTextFalseIsPlain() {
      var notRich = attribute("notes", AttributeType.TEXTAREA).richText(false).build();
      assertNormal(notRich, "'<script>x</script>'", "'<script>x</script>'");
    }
  }

  @Nested
  class Number {
    private final Attribute whole = attribute("stock", AttributeType.NUMBER).build();
    private final Attribute decimal =
        attribute("ratio", AttributeType.NUMBER).decimalsAllowed().build();
    private final Attribute signed =
        attribute("offset", AttributeType.NUMBER).negativeAllowed().build();

    @Test
    void wholeNumberIsAJsonNumber() {
      assertNormal(whole, "12", "12");
    }

    @Test
    void numericStringIsANumber() {
      assertNormal(whole, "'12'", "12");
    }

    @Test
    void numericStringMayHaveSurroundingSpacesAndSign() {
      assertNormal(whole, "' +12 '", "12");
    }

    @Test
    void trailingZeroDecimalsAreWhole() {
      assertNormal(whole, "12.000", "12");
      assertNormal(whole, "'12.0'", "12");
    }

    @Test
    void exponentNumberIsWrittenInFull() {
      assertNormal(whole, "1e3", "1000");
      assertNormal(whole, "1E+2", "100");
    }

    @Test
    void exponentInAStringIsNotANumber() {
      assertRefused(whole, "'1e3'", "must be a number, not a string.");
    }

    @Test
    void zeroIsAccepted() {
      assertNormal(whole, "0", "0");
      assertNormal(whole, "-0", "0");
    }

    @Test
    void refusesDecimalsWhenNotAllowed() {
      assertRefused(
          whole, "12.5", "must be a whole number: the attribute does not allow decimals.");
    }

    @Test
    void refusesDecimalsWhenDecimalsAllowedIsFalse() {
      var no = attribute("stock", AttributeType.NUMBER).decimalsAllowed(false).build();
      assertRefused(no, "'0.5'", "must be a whole number: the attribute does not allow decimals.");
    }

    @Test
    void decimalNumberIsAPlainStringWithoutTrailingZeros() {
      assertNormal(decimal, "12.50", "'12.5'");
      assertNormal(decimal, "'0.10'", "'0.1'");
      assertNormal(decimal, "1e-3", "'0.001'");
    }

    @Test
    void decimalAttributeWritesWholeNumbersAsStringsToo() {
      assertNormal(decimal, "10", "'10'");
      assertNormal(decimal, "1e2", "'100'");
    }

    @Test
    void acceptsTenDecimals() {
      assertNormal(decimal, "'0.0000000001'", "'0.0000000001'");
    }

    @Test
    void refusesElevenDecimals() {
      assertRefused(decimal, "'0.00000000001'", "has too many decimals: at most 10.");
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
      assertNormal(decimal, "'1.500000000000000'", "'1.5'");
    }

    @Test
    void acceptsFifteenDigits() {
      assertNormal(whole, "999999999999999", "999999999999999");
    }

    @Test
    void refusesSixteenDigits() {
      assertRefused(
          whole, "1000000000000000", "is too large: at most 15 digits before the decimal point.");
    }

    @Test
    void refusesHugeExponent() {
      assertRefused(whole, "1e400", "is too large: at most 15 digits before the decimal point.");
    }

    @Test
    void refusesTinyExponentAsTooManyDecimals() {
      assertRefused(decimal, "1e-400", "has too many decimals: at most 10.");
    }

    @Test
    void refusesLargeNegativeEvenWhenNegativesAllowed() {
      assertRefused(signed, "-1e15", "is too large: at most 15 digits before the decimal point.");
    }

    @Test
    void refusesNegativeByDefault() {
      assertRefused(whole, "-1", "must not be negative.");
    }

    @Test
    void refusesNegativeWhenNegativeAllowedIsFalse() {
      var no = attribute("stock", AttributeType.NUMBER).negativeAllowed(false).build();
      assertRefused(no, "'-3'", "must not be negative.");
    }

    @Test
    void acceptsNegativeWhenAllowed() {
      assertNormal(signed, "-5", "-5");
      assertNormal(signed, "'-5'", "-5");
    }

    @Test
    void refusesText() {
      assertRefused(whole, "'twelve'", "must be a number, not a string.");
    }

    @Test
    void refusesBooleanListAndObject() {
      assertNull(check(whole, "true"));
      assertNull(check(whole, "[1]"));
      assertNull(check(whole, "{'amount': 1}"));
      assertEquals(
          List.of(
              "must be a number, not a boolean.",
              "must be a number, not a list.",
              "must be a number, not an object."),
          messages());
    }

    @Test
    void refusesEmptyLookingNumbers() {
      assertNull(check(whole, "'.'"));
      assertNull(check(whole, "'-'"));
      assertNull(check(whole, "'1,5'"));
      assertEquals(3, violations.size(), violations.toString());
    }

    @Test
    void blankStringClearsANumberLikeAnyValue() {
      assertSame(JsonValue.NULL, check(whole, null, null, json("'  '")));
      assertTrue(violations.isEmpty());
    }

    @Test
    void boundsAreInclusive() {
      var bounded = attribute("size", AttributeType.NUMBER).min("1").max("10").build();
      assertNormal(bounded, "1", "1");
      assertNormal(bounded, "10", "10");
    }

    @Test
    void refusesBelowMin() {
      var bounded = attribute("size", AttributeType.NUMBER).min("1").max("10").build();
      assertRefused(bounded, "0", "must be at least 1.");
    }

    @Test
    void refusesAboveMax() {
      var bounded = attribute("size", AttributeType.NUMBER).min("1").max("10").build();
      assertRefused(bounded, "11", "must be at most 10.");
    }

    @Test
    void decimalBoundsAreComparedByValue() {
      var bounded =
          attribute("ratio", AttributeType.NUMBER)
              .decimalsAllowed()
              .min("0.5")
              .max("10.0000000000")
              .build();
      assertNormal(bounded, "'10.00'", "'10'");
      assertRefused(bounded, "'10.00001'", "must be at most 10.");
    }

    @Test
    void boundMessagesAreWrittenPlain() {
      var bounded = attribute("ratio", AttributeType.NUMBER).decimalsAllowed().min("0.50").build();
      assertRefused(bounded, "0.25", "must be at least 0.5.");
    }

    @Test
    void negativeMinWithNegativesAllowed() {
      var bounded = attribute("offset", AttributeType.NUMBER).negativeAllowed().min("-10").build();
      assertNormal(bounded, "-10", "-10");
      assertRefused(bounded, "-11", "must be at least -10.");
    }
  }

  @Nested
  class Metric {
    private final Attribute weight = catalog.attributes().get("weight");
    private final Attribute wholeWeight =
        attribute("net_weight", AttributeType.METRIC).metric("Weight", "GRAM").build();

    @Test
    void amountAndUnit() {
      assertNormal(
          weight,
          "{'amount': '0.25', 'unit': 'KILOGRAM'}",
          "{'amount': '0.25', 'unit': 'KILOGRAM'}");
    }

    @Test
    void numberAmountIsWrittenAsPlainString() {
      assertNormal(weight, "{'unit': 'GRAM', 'amount': 250}", "{'amount': '250', 'unit': 'GRAM'}");
      assertNormal(
          weight, "{'amount': 1.500, 'unit': 'POUND'}", "{'amount': '1.5', 'unit': 'POUND'}");
      assertNormal(weight, "{'amount': 2e2, 'unit': 'GRAM'}", "{'amount': '200', 'unit': 'GRAM'}");
    }

    @Test
    void nullAmountClears() {
      assertCleared(weight, "{'amount': null, 'unit': 'GRAM'}");
    }

    @Test
    void refusesNonObject() {
      assertRefused(
          weight,
          "'0.25 kg'",
          "must be an object with an amount and a unit, such as {\"amount\": \"0.25\", \"unit\": \"KILOGRAM\"}.");
    }

    @Test
    void refusesMissingUnitListingTheUnits() {
      assertRefused(weight, "{'amount': '1'}", "unit is required: one of GRAM, KILOGRAM, POUND.");
    }

    @Test
    void refusesNonTextUnit() {
      assertRefused(
          weight, "{'amount': '1', 'unit': 3}", "unit is required: one of GRAM, KILOGRAM, POUND.");
    }

    @Test
    void refusesUnitOfAnotherFamily() {
      assertRefused(
          weight,
          "{'amount': '1', 'unit': 'CELSIUS'}",
          "'CELSIUS' is not a unit of Weight; use one of GRAM, KILOGRAM, POUND.");
    }

    @Test
    void unitCodesAreCaseSensitive() {
      assertRefused(
          weight,
          "{'amount': '1', 'unit': 'gram'}",
          "'gram' is not a unit of Weight; use one of GRAM, KILOGRAM, POUND.");
    }

    @Test
    void refusesExtraField() {
      assertRefused(
          weight,
          "{'amount': '1', 'unit': 'GRAM', 'symbol': 'g'}",
          "'symbol' is not expected here; only amount and unit.");
    }

    @Test
    void refusesTextAmount() {
      assertRefused(
          weight, "{'amount': 'heavy', 'unit': 'GRAM'}", "amount must be a number, not a string.");
    }

    @Test
    void refusesDecimalAmountWhenNotAllowed() {
      assertRefused(
          wholeWeight,
          "{'amount': '1.5', 'unit': 'GRAM'}",
          "amount must be a whole number: the attribute does not allow decimals.");
    }

    @Test
    void refusesNegativeAmountByDefault() {
      assertRefused(weight, "{'amount': '-1', 'unit': 'GRAM'}", "amount must not be negative.");
    }

    @Test
    void refusesTooLargeAmount() {
      assertRefused(
          weight,
          "{'amount': 1e15, 'unit': 'GRAM'}",
          "amount is too large: at most 15 digits before the decimal point.");
    }

    @Test
    void maxIsComparedInTheDefaultUnit() {
      var bounded =
          attribute("weight", AttributeType.METRIC)
              .metric("Weight", "KILOGRAM")
              .decimalsAllowed()
              .max("2")
              .build();
      assertNormal(
          bounded, "{'amount': '2000', 'unit': 'GRAM'}", "{'amount': '2000', 'unit': 'GRAM'}");
      assertNormal(bounded, "{'amount': '4', 'unit': 'POUND'}", "{'amount': '4', 'unit': 'POUND'}");
    }

    @Test
    void refusesAboveMaxAfterConversionNamingTheDefaultUnit() {
      var bounded =
          attribute("weight", AttributeType.METRIC)
              .metric("Weight", "KILOGRAM")
              .decimalsAllowed()
              .max("2")
              .build();
      assertRefused(bounded, "{'amount': '2001', 'unit': 'GRAM'}", "must be at most 2 KILOGRAM.");
    }

    @Test
    void refusesAboveMaxInPounds() {
      var bounded =
          attribute("weight", AttributeType.METRIC)
              .metric("Weight", "KILOGRAM")
              .decimalsAllowed()
              .max("2")
              .build();
      assertRefused(bounded, "{'amount': '5', 'unit': 'POUND'}", "must be at most 2 KILOGRAM.");
    }

    @Test
    void refusesBelowMinAfterConversion() {
      var bounded =
          attribute("weight", AttributeType.METRIC)
              .metric("Weight", "KILOGRAM")
              .decimalsAllowed()
              .min("0.5")
              .build();
      assertRefused(bounded, "{'amount': '400', 'unit': 'GRAM'}", "must be at least 0.5 KILOGRAM.");
    }

    @Test
    void boundsInANonStandardDefaultUnit() {
      var bounded =
          attribute("weight", AttributeType.METRIC)
              .metric("Weight", "GRAM")
              .decimalsAllowed()
              .max("500")
              .build();
      assertNormal(
          bounded,
          "{'amount': '0.5', 'unit': 'KILOGRAM'}",
          "{'amount': '0.5', 'unit': 'KILOGRAM'}");
      assertRefused(
          bounded, "{'amount': '0.5001', 'unit': 'KILOGRAM'}", "must be at most 500 GRAM.");
    }

    @Test
    void temperatureBoundsWithOffsets() {
      var bounded =
          attribute("storage", AttributeType.METRIC)
              .metric("Temperature", "CELSIUS")
              .decimalsAllowed()
              .negativeAllowed()
              .min("-50")
              .build();
      assertNormal(
          bounded,
          "{'amount': '-58', 'unit': 'FAHRENHEIT'}",
          "{'amount': '-58', 'unit': 'FAHRENHEIT'}");
      assertRefused(
          bounded, "{'amount': '-58.1', 'unit': 'FAHRENHEIT'}", "must be at least -50 CELSIUS.");
    }
  }

  @Nested
  class Prices {
    private final Attribute price = catalog.attributes().get("price");
    private final Attribute wholePrice = attribute("price", AttributeType.PRICE_COLLECTION).build();

    @Test
    void amountGetsTheCurrencyDecimals() {
      assertNormal(
          price,
          "[{'amount': '29.9', 'currency': 'EUR'}]",
          "[{'amount': '29.90', 'currency': 'EUR'}]");
    }

    @Test
    void numberAmountGetsTheCurrencyDecimals() {
      assertNormal(
          price, "[{'amount': 30, 'currency': 'USD'}]", "[{'amount': '30.00', 'currency': 'USD'}]");
    }

    @Test
    void moreDecimalsThanTheCurrencyAreKept() {
      assertNormal(
          price,
          "[{'amount': '29.999', 'currency': 'EUR'}]",
          "[{'amount': '29.999', 'currency': 'EUR'}]");
    }

    @Test
    void trailingZerosBeyondTheCurrencyAreDropped() {
      assertNormal(
          price,
          "[{'amount': '29.9000', 'currency': 'EUR'}]",
          "[{'amount': '29.90', 'currency': 'EUR'}]");
    }

    @Test
    void yenHasNoDecimals() {
      assertNormal(
          price,
          "[{'amount': '1500', 'currency': 'JPY'}]",
          "[{'amount': '1500', 'currency': 'JPY'}]");
      assertNormal(
          price,
          "[{'amount': 1.5e3, 'currency': 'JPY'}]",
          "[{'amount': '1500', 'currency': 'JPY'}]");
    }

    @Test
    void withoutDecimalsAllowedAmountsAreWhole() {
      assertNormal(
          wholePrice,
          "[{'amount': '30', 'currency': 'EUR'}]",
          "[{'amount': '30', 'currency': 'EUR'}]");
    }

    @Test
    void withoutDecimalsAllowedDecimalAmountIsRefused() {
      assertRefused(
          wholePrice,
          "[{'amount': '29.9', 'currency': 'EUR'}]",
          "the amount in EUR must be a whole number: the attribute does not allow decimals.");
    }

    @Test
    void pricesAreSortedByCurrency() {
      assertNormal(
          price,
          "[{'amount': '10', 'currency': 'USD'}, {'amount': '9', 'currency': 'EUR'}, {'amount': '1200', 'currency': 'JPY'}]",
          "[{'amount': '9.00', 'currency': 'EUR'}, {'amount': '1200', 'currency': 'JPY'}, {'amount': '10.00', 'currency': 'USD'}]");
    }

    @Test
    void nullAmountIsDropped() {
      assertNormal(
          price,
          "[{'amount': null, 'currency': 'USD'}, {'amount': '10', 'currency': 'EUR'}]",
          "[{'amount': '10.00', 'currency': 'EUR'}]");
    }

    @Test
    void onlyNullAmountsClear() {
      assertCleared(price, "[{'amount': null, 'currency': 'USD'}, {'currency': 'EUR'}]");
    }

    @Test
    void emptyListClears() {
      assertCleared(price, "[]");
    }

    @Test
    void refusesNonList() {
      assertRefused(
          price,
          "{'amount': '29.90', 'currency': 'EUR'}",
          "must be a list of prices, such as [{\"amount\": \"29.90\", \"currency\": \"EUR\"}].");
    }

    @Test
    void refusesNonObjectPrice() {
      assertRefused(
          price,
          "['29.90 EUR']",
          "each price must be an object with an amount and a currency, not a string.");
    }

    @Test
    void refusesPriceWithoutCurrency() {
      assertRefused(price, "[{'amount': '10'}]", "each price needs a currency.");
    }

    @Test
    void refusesNonTextCurrency() {
      assertRefused(price, "[{'amount': '10', 'currency': 978}]", "each price needs a currency.");
    }

    @Test
    void refusesUnknownCurrency() {
      assertRefused(price, "[{'amount': '10', 'currency': 'XYZ'}]", "'XYZ' is not a currency.");
    }

    @Test
    void currencyCodesAreCaseSensitive() {
      assertRefused(price, "[{'amount': '10', 'currency': 'eur'}]", "'eur' is not a currency.");
    }

    @Test
    void refusesInactiveCurrency() {
      assertRefused(
          price,
          "[{'amount': '10', 'currency': 'CHF'}]",
          "'CHF' is not active: add it to a channel before giving prices in it.");
    }

    @Test
    void refusesTheSameCurrencyTwice() {
      assertRefused(
          price,
          "[{'amount': '10', 'currency': 'EUR'}, {'amount': '11', 'currency': 'EUR'}]",
          "the price in EUR is given twice.");
    }

    @Test
    void refusesNegativeAmount() {
      assertRefused(
          price,
          "[{'amount': '-1', 'currency': 'EUR'}]",
          "the amount in EUR must not be negative.");
    }

    @Test
    void refusesNegativeAmountEvenWhenNegativesAllowed() {
      var signed =
          attribute("price", AttributeType.PRICE_COLLECTION)
              .decimalsAllowed()
              .negativeAllowed()
              .build();
      assertRefused(
          signed,
          "[{'amount': '-1', 'currency': 'EUR'}]",
          "the amount in EUR must not be negative.");
    }

    @Test
    void refusesTextAmount() {
      assertRefused(
          price,
          "[{'amount': 'free', 'currency': 'EUR'}]",
          "the amount in EUR must be a number, not a string.");
    }

    @Test
    void refusesExtraField() {
      assertRefused(
          price,
          "[{'amount': '1', 'currency': 'EUR', 'tax': 'incl'}]",
          "'tax' is not expected here; only amount and currency.");
    }

    @Test
    void boundsNameTheCurrency() {
      var bounded =
          attribute("price", AttributeType.PRICE_COLLECTION)
              .decimalsAllowed()
              .min("1")
              .max("1000")
              .build();
      assertRefused(bounded, "[{'amount': '0.50', 'currency': 'EUR'}]", "must be at least 1 EUR.");
    }

    @Test
    void boundsApplyToEachPrice() {
      var bounded =
          attribute("price", AttributeType.PRICE_COLLECTION).decimalsAllowed().max("1000").build();
      assertRefused(
          bounded,
          "[{'amount': '10', 'currency': 'EUR'}, {'amount': '1200', 'currency': 'JPY'}]",
          "must be at most 1000 JPY.");
    }

    @Test
    void reportsEveryBadPrice() {
      assertNull(
          check(
              price,
              "[{'amount': '1', 'currency': 'XYZ'}, {'amount': '1', 'currency': 'CHF'}, {'amount': '-1', 'currency': 'USD'}]"));
      assertEquals(
          List.of(
              "'XYZ' is not a currency.",
              "'CHF' is not active: add it to a channel before giving prices in it.",
              "the amount in USD must not be negative."),
          messages());
    }

    @Test
    void oneBadPriceRefusesTheWholeList() {
      assertNull(
          check(price, "[{'amount': '1', 'currency': 'EUR'}, {'amount': 'x', 'currency': 'USD'}]"));
      assertEquals(1, violations.size());
    }
  }

  @Nested
  class Booleans {
    private final Attribute waterproof = attribute("waterproof", AttributeType.BOOLEAN).build();

    @Test
    void acceptsTrueAndFalse() {
      assertSame(JsonValue.TRUE, check(waterproof, "true"));
      assertSame(JsonValue.FALSE, check(waterproof, "false"));
      assertTrue(violations.isEmpty());
    }

    @Test
    void refusesTextTrue() {
      assertRefused(waterproof, "'true'", "must be true or false, not a string.");
    }

    @Test
    void refusesNumberOne() {
      assertRefused(waterproof, "1", "must be true or false, not a number.");
    }

    @Test
    void nullClears() {
      assertCleared(waterproof, "null");
    }
  }

  @Nested
  class Dates {
    private final Attribute date = attribute("release_date", AttributeType.DATE).build();
    private final Attribute bounded =
        attribute("release_date", AttributeType.DATE)
            .dateMin("2020-01-01")
            .dateMax("2030-12-31")
            .build();

    @Test
    void acceptsIsoDate() {
      assertNormal(date, "'2024-02-29'", "'2024-02-29'");
    }

    @Test
    void emptyStringClears() {
      assertCleared(date, "''");
    }

    @Test
    void refusesImpossibleDay() {
      assertRefused(date, "'2023-02-29'", "'2023-02-29' is not a date written YYYY-MM-DD.");
    }

    @Test
    void refusesOtherFormats() {
      for (String text :
          List.of("2024-2-9", "29/02/2024", "2024-02-29T10:00:00", "20240229", "2024-13-01")) {
        assertNull(check(date, "'" + text + "'"), text);
      }
      assertEquals(5, violations.size(), violations.toString());
      assertEquals(
          "'29/02/2024' is not a date written YYYY-MM-DD.", violations.list().get(1).message());
    }

    @Test
    void refusesNumber() {
      assertRefused(date, "20240229", "must be a date written YYYY-MM-DD, not a number.");
    }

    @Test
    void boundsAreInclusive() {
      assertNormal(bounded, "'2020-01-01'", "'2020-01-01'");
      assertNormal(bounded, "'2030-12-31'", "'2030-12-31'");
    }

    @Test
    void refusesBeforeMin() {
      assertRefused(bounded, "'2019-12-31'", "must be on or after 2020-01-01.");
    }

    @Test
    void refusesAfterMax() {
      assertRefused(bounded, "'2031-01-01'", "must be on or before 2030-12-31.");
    }
  }

  @Nested
  class Options {
    private final Attribute color = attribute("color", AttributeType.SIMPLESELECT).build();
    private final Attribute sizes = attribute("sizes", AttributeType.MULTISELECT).build();

    @Test
    void simpleselectKeepsTheCodeAsGiven() {
      assertNormal(color, "'Dark_Red_2'", "'Dark_Red_2'");
    }

    @Test
    void simpleselectEmptyStringClears() {
      assertCleared(color, "''");
    }

    @Test
    void simpleselectRefusesBadCode() {
      assertRefused(
          color,
          "'dark red'",
          "'dark red' is not an option code (letters, digits and underscores).");
    }

    @Test
    void simpleselectRefusesCodeLongerThan100() {
      assertNormal(color, "'" + "a".repeat(100) + "'", "'" + "a".repeat(100) + "'");
      String tooLong = "a".repeat(101);
      assertRefused(
          color,
          "'" + tooLong + "'",
          "'" + tooLong + "' is not an option code (letters, digits and underscores).");
    }

    @Test
    void simpleselectRefusesList() {
      assertRefused(color, "['red']", "must be an option code, not a list.");
    }

    @Test
    void multiselectKeepsOrder() {
      assertNormal(sizes, "['m', 's', 'xl']", "['m', 's', 'xl']");
    }

    @Test
    void multiselectDropsRepeatsIgnoringCase() {
      assertNormal(sizes, "['s', 'm', 'S', 'l', 'm']", "['s', 'm', 'l']");
    }

    @Test
    void multiselectEmptyListClears() {
      assertCleared(sizes, "[]");
    }

    @Test
    void multiselectRefusesSingleCode() {
      assertRefused(sizes, "'s'", "must be a list of option codes, not a string.");
    }

    @Test
    void multiselectRefusesNonText() {
      assertRefused(sizes, "['s', 2]", "must list option codes only, not a number.");
    }

    @Test
    void multiselectRefusesNullItem() {
      assertRefused(sizes, "[null]", "must list option codes only, not null.");
    }

    @Test
    void multiselectRefusesBadCode() {
      assertRefused(
          sizes, "['s', 'x-l']", "'x-l' is not an option code (letters, digits and underscores).");
    }

    @Test
    void multiselectReportsEveryBadCode() {
      assertNull(check(sizes, "['a b', 'ok', 'c-d']"));
      assertEquals(2, violations.size());
    }

    @Test
    void multiselectEmptyStringIsABadCode() {
      assertRefused(sizes, "['']", "'' is not an option code (letters, digits and underscores).");
    }
  }

  @Nested
  class Assets {
    private final Attribute images = attribute("images", AttributeType.ASSET_COLLECTION).build();

    @Test
    void keepsCodesInOrder() {
      assertNormal(images, "['front_1', 'back', 'detail']", "['front_1', 'back', 'detail']");
    }

    @Test
    void dropsRepeatsIgnoringCase() {
      assertNormal(images, "['front', 'FRONT', 'back']", "['front', 'back']");
    }

    @Test
    void emptyListClears() {
      assertCleared(images, "[]");
    }

    @Test
    void takesFileNamesAsCodes() {
      assertNormal(images, "['front.png', 'tee-navy_2.webp']", "['front.png', 'tee-navy_2.webp']");
    }

    @Test
    void refusesBadCode() {
      assertRefused(
          images,
          "['../front.png']",
          "'../front.png' is not an asset code (letters, digits, _, - and ., not first).");
    }

    @Test
    void refusesPaths() {
      assertRefused(
          images,
          "['a/b']",
          "'a/b' is not an asset code (letters, digits, _, - and ., not first).");
    }

    @Test
    void refusesObject() {
      assertRefused(images, "{'code': 'front'}", "must be a list of asset codes, not an object.");
    }

    @Test
    void refusesNonText() {
      assertRefused(images, "[true]", "must list asset codes only, not a boolean.");
    }
  }

  @Nested
  class Placement {
    private final Attribute plain = catalog.attributes().get("stock");
    private final Attribute localized = catalog.attributes().get("name");
    private final Attribute scoped = attribute("short_name", AttributeType.TEXT).scopable().build();
    private final Attribute both = catalog.attributes().get("description");

    private void assertPlacement(
        Attribute attribute, String locale, String scope, JsonValue data, String message) {
      check(attribute, locale, scope, data);
      assertEquals(
          List.of(new Violation(attribute.code(), locale, scope, message)), violations.list());
    }

    @Test
    void plainValueWithoutLocaleOrScope() {
      assertEquals("3", String.valueOf(check(plain, null, null, json("3"))));
      assertTrue(violations.isEmpty());
    }

    @Test
    void nonLocalizableRefusesLocale() {
      assertPlacement(
          plain, EN, null, json("3"), "is not localizable: give its value with \"locale\": null.");
    }

    @Test
    void nonScopableRefusesScope() {
      assertPlacement(
          plain,
          null,
          ECOMMERCE,
          json("3"),
          "is not scopable: give its value with \"scope\": null.");
    }

    @Test
    void localizableNeedsLocale() {
      assertPlacement(
          localized,
          null,
          null,
          json("'Tee'"),
          "needs a locale: the attribute is localizable, so each locale has its own value.");
    }

    @Test
    void localizableAcceptsActiveLocales() {
      check(localized, EN, null, json("'Tee'"));
      check(localized, FR, null, json("'T-shirt'"));
      assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void localizableRefusesInactiveLocale() {
      assertPlacement(
          localized,
          DE,
          null,
          json("'Hemd'"),
          "'de_DE' is not active: no channel uses it, so no value can be given in it.");
    }

    @Test
    void localizableRefusesUnknownLocale() {
      assertPlacement(localized, "es_ES", null, json("'Camiseta'"), "'es_ES' is not a locale.");
    }

    @Test
    void localeCodesAreCaseSensitive() {
      assertPlacement(localized, "en_us", null, json("'Tee'"), "'en_us' is not a locale.");
    }

    @Test
    void scopableNeedsScope() {
      assertPlacement(
          scoped,
          null,
          null,
          json("'Tee'"),
          "needs a scope: the attribute is scopable, so each channel has its own value.");
    }

    @Test
    void scopableRefusesUnknownChannel() {
      assertPlacement(scoped, null, "mobile", json("'Tee'"), "'mobile' is not a channel.");
    }

    @Test
    void scopableAcceptsEveryChannel() {
      check(scoped, null, ECOMMERCE, json("'Tee'"));
      check(scoped, null, PRINT, json("'Tee'"));
      assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void localizableAndScopableNeedsALocaleOfTheChannel() {
      assertPlacement(
          both,
          EN,
          PRINT,
          json("'<p>Tee</p>'"),
          "'en_US' is not a locale of the channel 'print' (fr_FR).");
    }

    @Test
    void channelLocalesAreListedInTheirOrder() {
      var shop = TestCatalogs.channel("shop", List.of(FR, EN), List.of("EUR"));
      var rules =
          new ValueRules(
              TestCatalogs.catalog()
                  .channel(shop)
                  .locales("it_IT")
                  .activeLocales(EN, FR, "it_IT")
                  .build());
      rules.check(both, new ValueKey("description", "it_IT", "shop"), json("'x'"), violations);
      assertEquals(
          "'it_IT' is not a locale of the channel 'shop' (fr_FR, en_US).",
          violations.list().get(0).message());
    }

    @Test
    void localizableAndScopableAcceptsLocalesOfTheChannel() {
      check(both, EN, ECOMMERCE, json("'<p>Tee</p>'"));
      check(both, FR, ECOMMERCE, json("'<p>Tee</p>'"));
      check(both, FR, PRINT, json("'<p>Tee</p>'"));
      assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void inactiveLocaleIsReportedBeforeTheChannelsLocales() {
      assertPlacement(
          both,
          DE,
          PRINT,
          json("'x'"),
          "'de_DE' is not active: no channel uses it, so no value can be given in it.");
    }

    @Test
    void unknownChannelAndLocaleAreBothReported() {
      check(both, "es_ES", "mobile", json("'x'"));
      assertEquals(
          List.of(
              new Violation("description", "es_ES", "mobile", "'mobile' is not a channel."),
              new Violation("description", "es_ES", "mobile", "'es_ES' is not a locale.")),
          violations.list());
    }

    @Test
    void missingLocaleAndScopeAreBothReported() {
      check(both, null, null, json("'x'"));
      assertEquals(
          List.of(
              "needs a scope: the attribute is scopable, so each channel has its own value.",
              "needs a locale: the attribute is localizable, so each locale has its own value."),
          messages());
    }

    @Test
    void placementAndDataProblemsAreBothReported() {
      check(both, null, null, json("5"));
      assertEquals(3, violations.size(), violations.toString());
      assertEquals("must be text, not a number.", violations.list().get(2).message());
    }

    @Test
    void dataProblemCarriesLocaleAndScope() {
      check(both, FR, PRINT, json("5"));
      assertEquals(
          List.of(new Violation("description", FR, PRINT, "must be text, not a number.")),
          violations.list());
    }

    @Test
    void clearingStillChecksPlacement() {
      assertNull(
          check(plain, EN, null, JsonValue.NULL), "a misplaced value is invalid, even to clear it");
      assertEquals(
          List.of("is not localizable: give its value with \"locale\": null."), messages());
    }

    @Test
    void javaNullDataClears() {
      assertSame(JsonValue.NULL, check(localized, EN, null, null));
      assertTrue(violations.isEmpty());
    }

    @Test
    void emptyStringClearsEveryTextualType() {
      for (var type :
          List.of(
              AttributeType.TEXT,
              AttributeType.TEXTAREA,
              AttributeType.DATE,
              AttributeType.SIMPLESELECT,
              AttributeType.IDENTIFIER)) {
        assertSame(JsonValue.NULL, check(attribute("a", type).build(), "''"), type.code());
      }
      assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void jsonNullClearsEveryType() {
      for (var type : AttributeType.values()) {
        var a = attribute("a", type).metric("Weight", "KILOGRAM").build();
        assertSame(JsonValue.NULL, check(a, "null"), type.code());
      }
      assertTrue(violations.isEmpty(), violations.toString());
    }
  }
}
