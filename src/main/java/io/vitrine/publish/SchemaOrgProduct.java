package io.vitrine.publish;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Family;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.publish.export.FieldSource;
import io.vitrine.publish.export.ProductFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resolved product as a schema.org {@code Product} in JSON-LD, the markup search engines read on
 * a product page. Texts are in one locale. Attributes are found by role: the family's label
 * attribute for the name, its image attribute for the images (their addresses for the channel), an
 * attribute marked {@code gtin} for the GTIN, and attributes named {@code description} (or {@code
 * short_description}), {@code brand}, {@code mpn}, {@code color}, {@code material}, {@code weight},
 * {@code price} (or the first price attribute) and {@code availability} for the rest.
 */
public final class SchemaOrgProduct {

  /** Option codes of an {@code availability} attribute, as schema.org's ItemAvailability. */
  private static final Map<String, String> AVAILABILITY =
      Map.of(
          "in_stock", "InStock",
          "out_of_stock", "OutOfStock",
          "preorder", "PreOrder",
          "backorder", "BackOrder",
          "discontinued", "Discontinued",
          "limited_availability", "LimitedAvailability");

  /** Weight units as UN/CEFACT common codes, which schema.org's unitCode takes. */
  private static final Map<String, String> UNIT_CODES =
      Map.ofEntries(
          Map.entry("MICROGRAM", "MC"),
          Map.entry("MILLIGRAM", "MGM"),
          Map.entry("GRAM", "GRM"),
          Map.entry("KILOGRAM", "KGM"),
          Map.entry("TON", "TNE"),
          Map.entry("CARAT", "CTM"),
          Map.entry("GRAIN", "GRN"),
          Map.entry("OUNCE", "ONZ"),
          Map.entry("TROY_OUNCE", "APZ"),
          Map.entry("POUND", "LBR"),
          Map.entry("STONE", "STI"),
          Map.entry("SHORT_TON", "STN"),
          Map.entry("LONG_TON", "LTN"));

  private final JsonObject product;
  private final ProductFields fields;
  private final CatalogSnapshot schema;

  private SchemaOrgProduct(JsonObject product, String locale, CatalogSnapshot schema) {
    this.product = product;
    // Each offer gives its own currency: the fields read no price.
    this.fields = new ProductFields(schema, locale, null);
    this.schema = schema;
  }

  public static JsonObject of(JsonObject product, String locale, CatalogSnapshot schema) {
    var reader = new SchemaOrgProduct(product, locale, schema);
    String identifier = product.getString("identifier");
    JsonObjectBuilder json =
        Jsonp.objectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "Product")
            .add("sku", identifier);
    Family family =
        product.get("family") instanceof JsonString code
            ? schema.families().get(code.getString())
            : null;
    String name = family == null ? null : reader.text(family.attributeAsLabel());
    json.add("name", name != null ? name : identifier);
    String description = reader.text("description");
    if (description == null) {
      description = reader.text("short_description");
    }
    if (description != null) {
      json.add("description", ProductFields.plainText(description));
    }
    for (Attribute attribute : byCode(schema)) {
      if (Boolean.TRUE.equals(attribute.gtin()) && reader.text(attribute.code()) != null) {
        json.add("gtin", reader.text(attribute.code()));
        break;
      }
    }
    if (family != null && family.attributeAsImage() != null) {
      List<String> images =
          reader.fields.items(product, new FieldSource.Field(family.attributeAsImage()));
      if (!images.isEmpty()) {
        json.add("image", Jsonp.arrayBuilder(images));
      }
    }
    reader.add(json, "mpn", reader.text("mpn"));
    String brand = reader.text("brand");
    if (brand != null) {
      json.add("brand", Jsonp.objectBuilder().add("@type", "Brand").add("name", brand));
    }
    reader.add(json, "color", reader.text("color"));
    reader.add(json, "material", reader.text("material"));
    reader.add(
        json,
        "inProductGroupWithID",
        reader.fields.text(product, new FieldSource.Field("item_group")));
    JsonValue weight = reader.value("weight");
    if (weight instanceof JsonObject metric
        && UNIT_CODES.containsKey(metric.getString("unit", ""))
        && metric.get("amount") instanceof JsonString amount
        && amount.getString().matches("-?\\d+(\\.\\d+)?")) {
      json.add(
          "weight",
          Jsonp.objectBuilder()
              .add("@type", "QuantitativeValue")
              .add("value", Jsonp.value(new java.math.BigDecimal(amount.getString())))
              .add("unitCode", UNIT_CODES.get(metric.getString("unit"))));
    }
    List<JsonObject> offers = reader.offers();
    if (offers.size() == 1) {
      json.add("offers", offers.get(0));
    } else if (!offers.isEmpty()) {
      JsonArrayBuilder all = Jsonp.arrayBuilder();
      offers.forEach(all::add);
      json.add("offers", all);
    }
    return json.build();
  }

  /** The attributes by code: "the first" one must be the same from one run to the next. */
  private static List<Attribute> byCode(CatalogSnapshot schema) {
    return schema.attributes().values().stream()
        .sorted(java.util.Comparator.comparing(Attribute::code))
        .toList();
  }

  /** One offer per price in the channel's currencies. */
  private List<JsonObject> offers() {
    JsonValue prices = value("price");
    if (prices == null) {
      for (Attribute attribute : byCode(schema)) {
        if (attribute.type() == AttributeType.PRICE_COLLECTION && value(attribute.code()) != null) {
          prices = value(attribute.code());
          break;
        }
      }
    }
    String availability = "InStock";
    if (value("availability") instanceof JsonObject option) {
      availability = AVAILABILITY.getOrDefault(option.getString("code", ""), availability);
    }
    List<JsonObject> offers = new ArrayList<>();
    if (!(prices instanceof JsonArray list)) {
      return offers;
    }
    for (JsonValue value : list) {
      if (!(value instanceof JsonObject price)
          || price.get("amount") == null
          || !(price.get("currency") instanceof JsonString)) {
        continue;
      }
      offers.add(
          Jsonp.objectBuilder()
              .add("@type", "Offer")
              .add("price", price.get("amount"))
              .add("priceCurrency", price.getString("currency"))
              .add("availability", "https://schema.org/" + availability)
              .build());
    }
    return offers;
  }

  private JsonValue value(String code) {
    return fields.value(product, code);
  }

  /** The value as text: options by their label in the locale (else their code), lists joined. */
  private String text(String code) {
    return code == null ? null : fields.attributeText(product, code);
  }

  private void add(JsonObjectBuilder json, String key, String text) {
    if (text != null) {
      json.add(key, text);
    }
  }
}
