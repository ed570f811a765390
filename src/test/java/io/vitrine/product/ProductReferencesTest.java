package io.vitrine.product;

import static io.vitrine.catalog.TestCatalogs.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductReferencesTest {

  private final Attribute modelNumber =
      attribute("model_number", AttributeType.NUMBER).unique().decimalsAllowed().build();
  private final Attribute launch = attribute("launch", AttributeType.DATE).unique().build();
  private final CatalogSnapshot catalog =
      TestCatalogs.catalog().attributes(modelNumber, launch).build();

  private static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private ProductReferences references(Object... keysAndData) {
    Map<ValueKey, JsonValue> map = new HashMap<>();
    for (int i = 0; i < keysAndData.length; i += 2) {
      map.put((ValueKey) keysAndData[i], json((String) keysAndData[i + 1]));
    }
    return ProductReferences.of(ProductValues.of(map), catalog);
  }

  private static ValueKey key(String attribute, String locale, String scope) {
    return new ValueKey(attribute, locale, scope);
  }

  private static ValueKey key(String attribute) {
    return new ValueKey(attribute, null, null);
  }

  @Test
  void noValuesReferToNothing() {
    assertEquals(ProductReferences.NONE, ProductReferences.of(ProductValues.EMPTY, catalog));
  }

  @Test
  void attributesOfEveryValue() {
    var references =
        references(
            key("name", "en_US", null),
            "'Tee'",
            key("name", "fr_FR", null),
            "'T-shirt'",
            key("stock"),
            "3");
    assertEquals(Set.of("name", "stock"), references.attributes());
  }

  @Test
  void localesAndChannelsOfTheKeys() {
    var references =
        references(
            key("description", "en_US", "ecommerce"), "'a'",
            key("description", "fr_FR", "print"), "'b'",
            key("stock"), "3");
    assertEquals(Set.of("en_US", "fr_FR"), references.locales());
    assertEquals(Set.of("ecommerce", "print"), references.channels());
  }

  @Test
  void simpleselectOption() {
    assertEquals(Set.of(List.of("color", "red")), references(key("color"), "'red'").options());
  }

  @Test
  void multiselectOptions() {
    assertEquals(
        Set.of(List.of("sizes", "s"), List.of("sizes", "m")),
        references(key("sizes"), "['s', 'm']").options());
  }

  @Test
  void optionsOfSeveralAttributes() {
    var references = references(key("color"), "'red'", key("sizes"), "['red']");
    assertEquals(Set.of(List.of("color", "red"), List.of("sizes", "red")), references.options());
  }

  @Test
  void assetsAreNotOptions() {
    assertEquals(Set.of(), references(key("images"), "['front']").options());
  }

  @Test
  void currenciesOfPrices() {
    var references =
        references(
            key("price"),
            "[{'amount': '9.00', 'currency': 'EUR'}, {'amount': '10.00', 'currency': 'USD'}]");
    assertEquals(Set.of("EUR", "USD"), references.currencies());
  }

  @Test
  void valuesOfOtherTypesReferOnlyToTheirAttribute() {
    var references =
        references(
            key("waterproof"),
            "true",
            key("release_date"),
            "'2024-01-01'",
            key("weight"),
            "{'amount': '1', 'unit': 'GRAM'}",
            key("stock"),
            "4");
    assertEquals(Set.of(), references.options());
    assertEquals(Set.of(), references.currencies());
    assertEquals(Map.of(), references.unique());
  }

  @Test
  void attributeNoLongerInTheCatalogIsStillReferenced() {
    var references = references(key("gone", "en_US", "ecommerce"), "'x'");
    assertEquals(Set.of("gone"), references.attributes());
    assertEquals(Set.of("en_US"), references.locales());
    assertEquals(Set.of("ecommerce"), references.channels());
    assertEquals(Map.of(), references.unique());
  }

  @Test
  void uniqueTextIsLowerCased() {
    assertEquals(Map.of("ean", "abc-123x"), references(key("ean"), "'ABC-123x'").unique());
  }

  @Test
  void uniqueNumberByValue() {
    assertEquals(
        Map.of("model_number", "12.5"), references(key("model_number"), "'12.50'").unique());
  }

  @Test
  void uniqueDateAsWritten() {
    assertEquals(
        Map.of("launch", "2024-03-01"), references(key("launch"), "'2024-03-01'").unique());
  }

  @Test
  void onlyUniqueAttributesHaveKeys() {
    var references =
        references(
            key("ean"), "'X1'", key("name", "en_US", null), "'Tee'", key("model_number"), "'7'");
    assertEquals(Map.of("ean", "x1", "model_number", "7"), references.unique());
  }

  @Test
  void uniqueKeyOfTextIgnoresCase() {
    Attribute ean = catalog.attributes().get("ean");
    assertEquals(
        ProductReferences.uniqueKey(ean, json("'AbC'")),
        ProductReferences.uniqueKey(ean, json("'aBc'")));
  }

  @Test
  void uniqueKeyOfTextUsesRootLocaleRules() {
    Attribute ean = catalog.attributes().get("ean");
    assertEquals("title-i", ProductReferences.uniqueKey(ean, json("'TITLE-I'")));
  }

  @Test
  void uniqueKeyOfNumberStringAndNumberAreTheSame() {
    assertEquals("12.5", ProductReferences.uniqueKey(modelNumber, json("'12.50'")));
    assertEquals("12.5", ProductReferences.uniqueKey(modelNumber, json("12.5")));
    assertEquals("12.5", ProductReferences.uniqueKey(modelNumber, json("12.500")));
  }

  @Test
  void uniqueKeyOfWholeNumbers() {
    assertEquals("12", ProductReferences.uniqueKey(modelNumber, json("12")));
    assertEquals("12", ProductReferences.uniqueKey(modelNumber, json("'12.0'")));
    assertEquals("1000", ProductReferences.uniqueKey(modelNumber, json("1e3")));
    assertEquals("0", ProductReferences.uniqueKey(modelNumber, json("'0.00'")));
  }

  @Test
  void uniqueKeyOfNegativeNumber() {
    assertEquals("-3.25", ProductReferences.uniqueKey(modelNumber, json("'-3.250'")));
  }

  @Test
  void uniqueKeyOfDate() {
    assertEquals("2024-03-01", ProductReferences.uniqueKey(launch, json("'2024-03-01'")));
  }

  @Test
  void referencesOfTheNormalFormOfEveryType() {
    var rules = new ValueRules(catalog);
    var violations = new io.vitrine.platform.problem.Violations();
    Map<ValueKey, JsonValue> values = new HashMap<>();
    values.put(
        key("color"),
        rules.check(catalog.attributes().get("color"), key("color"), json("'red'"), violations));
    values.put(
        key("model_number"),
        rules.check(modelNumber, key("model_number"), json("12.50"), violations));
    values.put(
        key("price"),
        rules.check(
            catalog.attributes().get("price"),
            key("price"),
            json("[{'amount': 1, 'currency': 'JPY'}]"),
            violations));
    assertTrue(violations.isEmpty(), violations.toString());
    var references = ProductReferences.of(ProductValues.of(values), catalog);
    assertEquals(Set.of(List.of("color", "red")), references.options());
    assertEquals(Set.of("JPY"), references.currencies());
    assertEquals(Map.of("model_number", "12.5"), references.unique());
  }
}
