package io.vitrine.quality;

import static io.vitrine.catalog.TestCatalogs.ECOMMERCE;
import static io.vitrine.catalog.TestCatalogs.EN;
import static io.vitrine.catalog.TestCatalogs.FR;
import static io.vitrine.catalog.TestCatalogs.PRINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.product.ProductValues;
import io.vitrine.product.ValueKey;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules applied to a product in each channel × locale: which value each slot sees, the rules
 * that need the family or the channel (title, image), option labels, units, rules switched off per
 * attribute group, and the score and grade.
 */
class ProductQualityTest {

  private static final String FAMILY = "clothing";

  /**
   * The standard catalog; clothing has name as its title and images as its image; ecommerce wants
   * titles of 10 to 40 characters, print has no bound; ean holds GTINs; net_weight is a second
   * weight; the "logistics" group has mixed units and capitals switched off.
   */
  private static CatalogSnapshot catalog() {
    return TestCatalogs.catalog()
        .channel(
            TestCatalogs.titleLength(
                TestCatalogs.channel(ECOMMERCE, List.of(EN, FR), List.of("USD", "EUR")), 10, 40))
        .attribute(TestCatalogs.attribute("ean", AttributeType.TEXT).unique().gtin().build())
        .attribute(
            TestCatalogs.attribute("net_weight", AttributeType.METRIC)
                .metric("Weight", "KILOGRAM")
                .decimalsAllowed()
                .group("logistics")
                .build())
        .attribute(
            TestCatalogs.attribute("gross_weight", AttributeType.METRIC)
                .metric("Weight", "KILOGRAM")
                .decimalsAllowed()
                .build())
        .attribute(TestCatalogs.attribute("care", AttributeType.TEXT).group("logistics").build())
        .attributeGroup("logistics", "mixed_units", "capital_words")
        .family(
            TestCatalogs.family(
                FAMILY,
                Set.of(
                    "sku",
                    "name",
                    "description",
                    "weight",
                    "net_weight",
                    "gross_weight",
                    "color",
                    "sizes",
                    "images",
                    "ean",
                    "care"),
                Set.of(),
                "name",
                "images"))
        .build();
  }

  private static Map<ValueKey, JsonValue> values(String json) {
    return ProductValues.fromStandardFormat(
            Json.createReader(new StringReader(json.replace('\'', '"'))).readObject())
        .asMap();
  }

  private static final String IMAGE = "'images':[{'locale':null,'scope':null,'data':['tee_1']}]";

  private static List<String> issues(
      Map<ValueKey, JsonValue> values, OptionLabels labels, String channel, String locale) {
    CatalogSnapshot schema = catalog();
    return new ProductQuality(schema.families().get(FAMILY), values, schema, labels)
        .issues(schema.channels().get(channel), locale).stream()
            .map(i -> i.rule().code() + " " + i.attribute() + ": " + i.message())
            .toList();
  }

  private static List<String> issues(String json, String channel, String locale) {
    return issues(values(json), OptionLabels.UNKNOWN, channel, locale);
  }

  @Test
  void eachSlotSeesItsOwnLocaleAndChannel() {
    String json =
        "{'name':[{'locale':'en_US','scope':null,'data':'Navy crew tee TBD'},"
            + "{'locale':'fr_FR','scope':null,'data':'T-shirt col rond marine'}],"
            + "'description':[{'locale':'fr_FR','scope':'print','data':'<p>Coton <b>bio</b> bio</p>'},"
            + "{'locale':'fr_FR','scope':'ecommerce','data':'<p>Coton bio</p>'}],"
            + IMAGE
            + "}";
    assertEquals(
        List.of("placeholder_text name: name contains placeholder text (\"TBD\")."),
        issues(json, ECOMMERCE, EN));
    assertEquals(List.of(), issues(json, ECOMMERCE, FR));
    // Rich text is judged on what a reader sees: "bio bio" across markup is a repeat; tags are not
    // HTML in plain text.
    assertEquals(
        List.of("repeated_words description: description repeats a word (\"bio bio\")."),
        issues(json, PRINT, FR));
    // A heading and the paragraph below it are two sentences, not a repeat.
    assertEquals(
        List.of(),
        issues(
            "{'description':[{'locale':'fr_FR','scope':'print','data':'<h3>Care</h3><p>Care"
                + " instructions</p><ul><li>Cotton</li><li>Cotton lining</li></ul>'}],"
                + IMAGE
                + "}",
            PRINT,
            FR));
  }

  @Test
  void titleLengthPerChannelCountsEmptyTitles() {
    assertEquals(
        List.of(
            "title_length name: name has 8 characters; ecommerce wants titles of 10 to 40"
                + " characters."),
        issues(
            "{'name':[{'locale':'en_US','scope':null,'data':'Navy tee'}]," + IMAGE + "}",
            ECOMMERCE,
            EN));
    assertEquals(
        List.of("title_length name: name is empty; ecommerce wants titles of 10 to 40 characters."),
        issues("{" + IMAGE + "}", ECOMMERCE, FR));
    assertEquals(List.of(), issues("{" + IMAGE + "}", PRINT, FR));
  }

  @Test
  void imageMissing() {
    assertEquals(
        List.of("image_missing images: images is empty: the product has no image."),
        issues("{'images':[{'locale':null,'scope':null,'data':[]}]}", PRINT, FR));
  }

  @Test
  void gtinAttributesAreCheckedForTheirCheckDigitOnly() {
    assertEquals(
        List.of(
            "gtin_check_digit ean: ean \"4006381333932\" has a wrong check digit: a GTIN starting"
                + " 400638133393 ends in 1."),
        issues(
            "{'ean':[{'locale':null,'scope':null,'data':'4006381333932'}]," + IMAGE + "}",
            PRINT,
            FR));
    assertEquals(
        List.of(),
        issues(
            "{'ean':[{'locale':null,'scope':null,'data':'4006381333931'}]," + IMAGE + "}",
            PRINT,
            FR));
  }

  @Test
  void optionsWithoutALabelInTheLocale() {
    var labels =
        new OptionLabels(
            Map.of(
                "color", Map.of("navy", Map.of(EN, "Navy", FR, "Marine")),
                "sizes",
                    Map.of(
                        "s", Map.of(EN, "S", FR, "S"),
                        "m", Map.of(EN, "M", FR, " "),
                        "l", Map.of(EN, "L"))));
    var values =
        values(
            "{'color':[{'locale':null,'scope':null,'data':'navy'}],"
                + "'sizes':[{'locale':null,'scope':null,'data':['s','m','l']}],"
                + IMAGE
                + "}");
    assertEquals(
        List.of(
            "option_label_missing sizes: sizes options m, l have no fr_FR label: the storefront"
                + " shows the code."),
        issues(values, labels, PRINT, FR));
    assertEquals(
        List.of(),
        issues(values, labels, ECOMMERCE, EN).stream()
            .filter(i -> i.startsWith("option"))
            .toList());
  }

  @Test
  void mixedUnitsNameTheOddOneOutUnlessItsGroupIsSpared() {
    String json =
        "{'weight':[{'locale':null,'scope':null,'data':{'amount':'1.2','unit':'KILOGRAM'}}],"
            + "'gross_weight':[{'locale':null,'scope':null,'data':{'amount':'1300','unit':'GRAM'}}],"
            + "'net_weight':[{'locale':null,'scope':null,'data':{'amount':'1.1','unit':'KILOGRAM'}}],"
            + IMAGE
            + "}";
    // net_weight's group spares it: weight and gross_weight tie, and the standard unit wins.
    assertEquals(
        List.of("mixed_units gross_weight: gross_weight is in GRAM while weight is in KILOGRAM."),
        issues(json, PRINT, FR));
  }

  @Test
  void groupsSwitchRulesOffForTheirAttributesOnly() {
    String shouting = "SUPER SOFT cotton";
    String json =
        "{'care':[{'locale':null,'scope':null,'data':'"
            + shouting
            + "'}],"
            + "'name':[{'locale':'fr_FR','scope':null,'data':'"
            + shouting
            + "'}],"
            + IMAGE
            + "}";
    assertEquals(
        List.of("capital_words name: name has words in capitals: SUPER, SOFT."),
        issues(json, PRINT, FR));
  }

  @Test
  void scoreAndGrade() {
    var issues =
        List.of(
            new Issue(QualityRule.GTIN_CHECK_DIGIT, "ean", ""),
            new Issue(QualityRule.SURROUNDING_SPACES, "name", ""));
    assertEquals(70, Grade.score(issues));
    assertEquals(Grade.C, Grade.of(70));
    assertEquals(100, Grade.score(List.of()));
    assertEquals(
        0,
        Grade.score(
            java.util.Collections.nCopies(5, new Issue(QualityRule.PLACEHOLDER_TEXT, "a", ""))));
    assertEquals(Grade.A, Grade.of(90));
    assertEquals(Grade.B, Grade.of(89));
    assertEquals(Grade.D, Grade.of(60));
    assertEquals(Grade.E, Grade.of(59));
    for (int score = 0; score <= 100; score++) {
      Grade grade = Grade.of(score);
      assertEquals(true, grade.lowest() <= score && score <= grade.highest(), "score " + score);
    }
  }
}
