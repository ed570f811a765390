package io.vitrine.completeness;

import static io.vitrine.catalog.TestCatalogs.ECOMMERCE;
import static io.vitrine.catalog.TestCatalogs.EN;
import static io.vitrine.catalog.TestCatalogs.FR;
import static io.vitrine.catalog.TestCatalogs.PRINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Family;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.product.ProductValues;
import io.vitrine.product.ValueKey;
import io.vitrine.quality.OptionLabels;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The mask: every combination of localizable and scopable, prices in several currencies, what
 * counts as filled, and Akeneo's documented arithmetic.
 */
class CompletenessTest {

  /** The standard test catalog with family {@code clothing} requiring {@code required}. */
  private static CatalogSnapshot requiring(String channel, String... required) {
    Set<Family.Requirement> requirements =
        Arrays.stream(required)
            .map(a -> new Family.Requirement(channel, a))
            .collect(Collectors.toSet());
    return TestCatalogs.catalog()
        .family(
            TestCatalogs.family(
                "clothing",
                Set.of(
                    "sku",
                    "name",
                    "description",
                    "weight",
                    "price",
                    "color",
                    "sizes",
                    "waterproof",
                    "stock"),
                requirements,
                null,
                null))
        .build();
  }

  private static List<Slot> of(
      String family, Map<ValueKey, JsonValue> values, CatalogSnapshot schema) {
    return Completeness.of(family, values, schema, OptionLabels.UNKNOWN);
  }

  private static Map<ValueKey, JsonValue> values(String json) {
    return ProductValues.fromStandardFormat(
            Json.createReader(new StringReader(json.replace('\'', '"'))).readObject())
        .asMap();
  }

  private static Slot slot(List<Slot> slots, String channel, String locale) {
    return slots.stream()
        .filter(s -> s.channel().equals(channel) && s.locale().equals(locale))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyChannelAndLocaleHasASlotAndRequiresTheIdentifier() {
    // Nothing in the family's requirements: the identifier alone, always filled, as in Akeneo.
    List<Slot> slots = of("clothing", Map.of(), requiring(ECOMMERCE));
    assertEquals(
        List.of(
            new Slot(ECOMMERCE, EN, 1, List.of(), List.of()),
            new Slot(ECOMMERCE, FR, 1, List.of(), List.of()),
            new Slot(PRINT, FR, 1, List.of(), List.of())),
        slots);
    slots.forEach(s -> assertEquals(100, s.ratio()));
  }

  @Test
  void aProductWithoutFamilyHasNoCompleteness() {
    assertEquals(List.of(), of(null, Map.of(), requiring(ECOMMERCE, "name")));
  }

  @Test
  void eachAttributeCountsOncePerSlotWhateverItsLocalizableAndScopableFlags() {
    // name: localizable; description: localizable and scopable; weight, price: neither.
    CatalogSnapshot schema = requiring(ECOMMERCE, "name", "description", "weight", "price");
    var slots =
        of(
            "clothing",
            values(
                "{'name':[{'locale':'en_US','scope':null,'data':'Tee'}],"
                    + "'description':[{'locale':'en_US','scope':'ecommerce','data':'<p>Soft</p>'},"
                    + "{'locale':'fr_FR','scope':'print','data':'<p>Doux</p>'}],"
                    + "'weight':[{'locale':null,'scope':null,'data':{'amount':'0.2','unit':'KILOGRAM'}}],"
                    + "'price':[{'locale':null,'scope':null,'data':[{'amount':'10','currency':'USD'},"
                    + "{'amount':'9','currency':'EUR'},{'amount':'1500','currency':'JPY'}]}]}"),
            schema);
    assertEquals(new Slot(ECOMMERCE, EN, 5, List.of(), List.of()), slot(slots, ECOMMERCE, EN));
    // The French description is scoped to print: it does not fill ecommerce.
    assertEquals(
        new Slot(ECOMMERCE, FR, 5, List.of("description", "name"), List.of()),
        slot(slots, ECOMMERCE, FR));
    assertEquals(60, slot(slots, ECOMMERCE, FR).ratio());
    assertEquals(new Slot(PRINT, FR, 1, List.of(), List.of()), slot(slots, PRINT, FR));
  }

  @Test
  void aPriceMustHaveEveryCurrencyOfTheChannel() {
    CatalogSnapshot schema = requiring(ECOMMERCE, "price");
    var usdEur =
        values(
            "{'price':[{'locale':null,'scope':null,'data':[{'amount':'10','currency':'USD'},"
                + "{'amount':'9','currency':'EUR'}]}]}");
    assertEquals(List.of("price"), slot(of("clothing", usdEur, schema), ECOMMERCE, EN).missing());
    var nullJpy =
        values(
            "{'price':[{'locale':null,'scope':null,'data':[{'amount':'10','currency':'USD'},"
                + "{'amount':'9','currency':'EUR'},{'amount':null,'currency':'JPY'}]}]}");
    assertEquals(List.of("price"), slot(of("clothing", nullJpy, schema), ECOMMERCE, EN).missing());
    // print only sells in EUR.
    CatalogSnapshot print = requiring(PRINT, "price");
    assertEquals(List.of(), slot(of("clothing", usdEur, print), PRINT, FR).missing());
  }

  @Test
  void emptyValuesDoNotFill() {
    CatalogSnapshot schema =
        requiring(ECOMMERCE, "name", "description", "sizes", "weight", "waterproof", "stock");
    var slots =
        of(
            "clothing",
            values(
                "{'name':[{'locale':'en_US','scope':null,'data':'   '}],"
                    + "'description':[{'locale':'en_US','scope':'ecommerce','data':'<p> </p>'}],"
                    + "'sizes':[{'locale':null,'scope':null,'data':[]}],"
                    + "'weight':[{'locale':null,'scope':null,'data':{'amount':null,'unit':'KILOGRAM'}}],"
                    + "'waterproof':[{'locale':null,'scope':null,'data':false}],"
                    + "'stock':[{'locale':null,'scope':null,'data':0}]}"),
            schema);
    // false and 0 are answers; blank text, markup without text, an empty list and no amount are
    // not.
    assertEquals(
        List.of("description", "name", "sizes", "weight"), slot(slots, ECOMMERCE, EN).missing());
  }

  @Test
  void theRatioIsRoundedDownAsAkeneoDoes() {
    // Akeneo's documentation: 4 required attributes (the identifier one of them), 2 filled → 50 %;
    // and 2 of 3 is 66, not 67.
    CatalogSnapshot four = requiring(ECOMMERCE, "name", "stock", "color");
    var nameOnly = values("{'name':[{'locale':'en_US','scope':null,'data':'Tee'}]}");
    assertEquals(50, slot(of("clothing", nameOnly, four), ECOMMERCE, EN).ratio());
    assertEquals(25, slot(of("clothing", nameOnly, four), ECOMMERCE, FR).ratio());
    CatalogSnapshot three = requiring(ECOMMERCE, "name", "stock");
    assertEquals(66, slot(of("clothing", nameOnly, three), ECOMMERCE, EN).ratio());
  }

  @Test
  void aRequirementOnAnAttributeTheFamilyLacksDoesNotCount() {
    CatalogSnapshot schema = requiring(ECOMMERCE, "name", "ean");
    // The identifier and name; not ean, which clothing does not have.
    assertEquals(2, slot(of("clothing", Map.of(), schema), ECOMMERCE, EN).required());
  }
}
