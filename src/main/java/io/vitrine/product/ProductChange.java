package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one request asks to change on a product, read from its JSON body with every value already
 * checked against the catalog. Fields that are absent stay as they are; a value with data {@code
 * null} (or empty) is removed.
 *
 * @param identifier the identifier the body gives, or null
 * @param familyGiven whether the body mentions {@code family} (null removes the family)
 * @param categories the new categories, or null to keep them
 * @param enabled the new status, or null to keep it
 * @param values the values to set, in normal form; {@link JsonValue#NULL} removes a value
 * @param identifierValue what the body gives as a value of the identifier attribute, if anything
 * @param parentGiven whether the body mentions {@code parent} (null for a product on its own)
 * @param parent the code of the product model the product is a variant of
 * @param associations the association lists the body sets
 */
public record ProductChange(
    String identifier,
    boolean familyGiven,
    String family,
    List<String> categories,
    Boolean enabled,
    Map<ValueKey, JsonValue> values,
    String identifierValue,
    boolean parentGiven,
    String parent,
    AssociationChange associations) {

  private static final Set<String> ENTRY_FIELDS = Set.of("locale", "scope", "data");

  /** Reads {@code body}, recording every problem in {@code violations}. */
  public static ProductChange read(
      JsonObject body, CatalogSnapshot catalog, Violations violations) {
    var in = new JsonInput(body, violations);
    String identifier = in.string("identifier");
    boolean familyGiven = body.containsKey("family");
    String family = in.code("family");
    if (family != null && catalog.family(family).isEmpty()) {
      in.invalid("family", "there is no family '" + family + "'.");
    }
    List<String> categories = in.codes("categories");
    if (body.containsKey("categories") && JsonTypes.isNull(body.get("categories"))) {
      categories = List.of();
    }
    Boolean enabled = in.bool("enabled");
    boolean parentGiven = body.containsKey("parent");
    String parent = in.string("parent");
    JsonObject values = in.object("values");
    in.has("associations");
    in.has("quantified_associations");
    in.rejectUnknown("a product", "created", "updated", "value_origins");
    var associations = AssociationChange.read(body, catalog, violations);
    Map<ValueKey, JsonValue> checked = new TreeMap<>();
    String identifierValue = readValues(values, catalog, violations, checked);
    return new ProductChange(
        identifier,
        familyGiven,
        family,
        categories,
        enabled,
        checked,
        identifierValue,
        parentGiven,
        parent,
        associations);
  }

  /**
   * Reads a values object into {@code checked}, every value checked against its attribute; returns
   * what it gives as the identifier attribute's value, if anything.
   */
  static String readValues(
      JsonObject values,
      CatalogSnapshot catalog,
      Violations violations,
      Map<ValueKey, JsonValue> checked) {
    var rules = new ValueRules(catalog);
    String identifierValue = null;
    if (values != null) {
      for (var attributeValues : values.entrySet()) {
        String code = attributeValues.getKey();
        var attribute = catalog.attribute(code);
        if (attribute.isEmpty()) {
          violations.add(code, null, null, "there is no attribute '" + code + "'.");
          continue;
        }
        if (attribute.get().type() == AttributeType.IDENTIFIER) {
          identifierValue = identifierValue(attributeValues.getValue(), code, violations);
          continue;
        }
        readValues(attribute.get(), attributeValues.getValue(), rules, checked, violations);
      }
    }
    return identifierValue;
  }

  private static void readValues(
      Attribute attribute,
      JsonValue entries,
      ValueRules rules,
      Map<ValueKey, JsonValue> into,
      Violations violations) {
    String code = attribute.code();
    if (entries.getValueType() != ValueType.ARRAY) {
      violations.add(
          code,
          null,
          null,
          "must be a list of values such as [{\"locale\": null, \"scope\": null, \"data\": …}], not "
              + JsonTypes.name(entries)
              + ".");
      return;
    }
    for (JsonValue entry : entries.asJsonArray()) {
      if (entry.getValueType() != ValueType.OBJECT) {
        violations.add(
            code,
            null,
            null,
            "each value must be an object with locale, scope and data, not "
                + JsonTypes.name(entry)
                + ".");
        continue;
      }
      JsonObject value = entry.asJsonObject();
      String locale = text(value, "locale", code, violations);
      String scope = text(value, "scope", code, violations);
      for (String field : value.keySet()) {
        if (!ENTRY_FIELDS.contains(field)) {
          violations.add(
              code,
              locale,
              scope,
              "'" + field + "' is not part of a value; a value has locale, scope and data.");
        }
      }
      if (!value.containsKey("data")) {
        violations.add(
            code, locale, scope, "data is required; send \"data\": null to remove the value.");
        continue;
      }
      var key = new ValueKey(code, locale, scope);
      if (into.containsKey(key)) {
        violations.add(code, locale, scope, "is given twice for the same locale and scope.");
        continue;
      }
      JsonValue data = rules.check(attribute, key, value.get("data"), violations);
      if (data != null) {
        into.put(key, data);
      }
    }
  }

  private static String text(
      JsonObject value, String field, String attribute, Violations violations) {
    JsonValue raw = value.get(field);
    if (JsonTypes.isNull(raw)) {
      return null;
    }
    if (raw instanceof JsonString string) {
      return string.getString();
    }
    violations.add(
        attribute, null, null, field + " must be a code or null, not " + JsonTypes.name(raw) + ".");
    return null;
  }

  /** Akeneo exports repeat the identifier as a value; it is accepted when it says the same. */
  private static String identifierValue(JsonValue entries, String code, Violations violations) {
    if (entries.getValueType() == ValueType.ARRAY
        && entries.asJsonArray().size() == 1
        && entries.asJsonArray().get(0) instanceof JsonObject entry
        && entry.get("data") instanceof JsonString data
        && JsonTypes.isNull(entry.get("locale"))
        && JsonTypes.isNull(entry.get("scope"))) {
      return data.getString();
    }
    violations.add(code, null, null, "is the identifier: set it with the identifier field.");
    return null;
  }
}
