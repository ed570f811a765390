package io.vitrine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.FamilyVariant;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.catalog.VariantLevel;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariantRulesTest {

  private final FamilyVariant variant =
      TestCatalogs.familyVariant(
          "by_color_weight",
          "clothing",
          new VariantLevel(1, List.of("color"), List.of()),
          new VariantLevel(2, List.of("weight"), List.of("price")));
  private final CatalogSnapshot schema = TestCatalogs.catalog().familyVariant(variant).build();

  private static ValueKey key(String attribute) {
    return new ValueKey(attribute, null, null);
  }

  private static JsonValue weight(String amount, String unit) {
    return Jsonp.objectBuilder().add("amount", amount).add("unit", unit).build();
  }

  @Test
  void axisCombinationsCompareOptionsWithoutCaseAndMetricsInTheStandardUnit() {
    var violations = new Violations();
    String kilo =
        VariantRules.axisKey(
            variant,
            2,
            ProductValues.of(Map.of(key("weight"), weight("1", "KILOGRAM"))),
            schema,
            violations);
    String grams =
        VariantRules.axisKey(
            variant,
            2,
            ProductValues.of(Map.of(key("weight"), weight("1000", "GRAM"))),
            schema,
            violations);
    String more =
        VariantRules.axisKey(
            variant,
            2,
            ProductValues.of(Map.of(key("weight"), weight("1001", "GRAM"))),
            schema,
            violations);
    assertEquals(kilo, grams);
    assertNotEquals(kilo, more);
    String navy =
        VariantRules.axisKey(
            variant,
            1,
            ProductValues.of(Map.of(key("color"), Jsonp.value("Navy"))),
            schema,
            violations);
    String lower =
        VariantRules.axisKey(
            variant,
            1,
            ProductValues.of(Map.of(key("color"), Jsonp.value("navy"))),
            schema,
            violations);
    assertEquals(navy, lower);
    assertTrue(violations.isEmpty(), violations::toString);
  }

  @Test
  void aMissingAxisIsAViolationAndNoKey() {
    var violations = new Violations();
    assertNull(VariantRules.axisKey(variant, 2, ProductValues.EMPTY, schema, violations));
    assertEquals("weight", violations.list().get(0).property());
    assertTrue(violations.list().get(0).message().contains("is an axis of the family variant"));
  }

  @Test
  void valuesOfAnotherLevelAreRefusedUnlessTheyRepeatWhatIsInherited() {
    var root = new ProductModel("tee", "clothing", variant.code());
    root.apply(
        null,
        null,
        Set.of(),
        ProductValues.of(Map.of(new ValueKey("name", "en_US", null), Jsonp.value("Tee"))),
        OffsetDateTime.now());
    var lineage = new Lineage(List.of(root));
    var violations = new Violations();
    Map<ValueKey, JsonValue> kept =
        VariantRules.place(
            variant,
            1,
            lineage,
            Map.of(
                key("color"),
                Jsonp.value("navy"),
                new ValueKey("name", "en_US", null),
                Jsonp.value("Tee"),
                key("stock"),
                Jsonp.value("3"),
                key("weight"),
                weight("1", "KILOGRAM")),
            schema,
            violations);
    assertEquals(Set.of(key("color")), kept.keySet(), "name repeats the root's value: ignored");
    assertEquals(2, violations.size(), violations::toString);
    assertTrue(
        violations.list().get(0).message().contains("the product model 'tee'")
            || violations.list().get(1).message().contains("the product model 'tee'"),
        violations::toString);
    assertTrue(
        violations.toString().contains("the variant products (level 2)"), violations::toString);
  }
}
