package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.Decimals;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a product's values refer to in the catalog: attributes, options, locales, channels,
 * currencies, assets, and the keys of its unique values. Stored in the product_* tables, they let
 * the database refuse to delete what a product uses and keep unique values unique between
 * concurrent writers; they are derived from the values alone.
 */
public record ProductReferences(
    Set<String> attributes,
    Set<List<String>> options,
    Set<String> locales,
    Set<String> channels,
    Set<String> currencies,
    Set<String> assets,
    Map<String, String> unique) {

  public static final ProductReferences NONE =
      new ProductReferences(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of());

  public static ProductReferences of(ProductValues values, CatalogSnapshot catalog) {
    Set<String> attributes = new HashSet<>();
    Set<List<String>> options = new HashSet<>();
    Set<String> locales = new HashSet<>();
    Set<String> channels = new HashSet<>();
    Set<String> currencies = new HashSet<>();
    Set<String> assets = new HashSet<>();
    Map<String, String> unique = new TreeMap<>();
    values
        .asMap()
        .forEach(
            (key, data) -> {
              attributes.add(key.attribute());
              if (key.locale() != null) {
                locales.add(key.locale());
              }
              if (key.scope() != null) {
                channels.add(key.scope());
              }
              Attribute attribute = catalog.attributes().get(key.attribute());
              if (attribute == null) {
                return;
              }
              switch (attribute.type()) {
                case SIMPLESELECT ->
                    options.add(List.of(key.attribute(), ((JsonString) data).getString()));
                case MULTISELECT ->
                    data.asJsonArray()
                        .getValuesAs(JsonString.class)
                        .forEach(o -> options.add(List.of(key.attribute(), o.getString())));
                case PRICE_COLLECTION ->
                    data.asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .forEach(p -> currencies.add(p.getString("currency")));
                case ASSET_COLLECTION ->
                    data.asJsonArray()
                        .getValuesAs(JsonString.class)
                        .forEach(a -> assets.add(a.getString()));
                default -> {}
              }
              if (attribute.unique()) {
                unique.put(key.attribute(), uniqueKey(attribute, data));
              }
            });
    return new ProductReferences(
        attributes, options, locales, channels, currencies, assets, unique);
  }

  /**
   * The form in which unique values are compared: text without regard to case, numbers by value
   * ("12.50" and 12.5 are the same), dates as written.
   */
  public static String uniqueKey(Attribute attribute, JsonValue data) {
    if (attribute.type() == AttributeType.NUMBER) {
      return Decimals.plain(
          data instanceof JsonNumber n
              ? n.bigDecimalValue()
              : new java.math.BigDecimal(((JsonString) data).getString()));
    }
    return ((JsonString) data).getString().toLowerCase(Locale.ROOT);
  }
}
