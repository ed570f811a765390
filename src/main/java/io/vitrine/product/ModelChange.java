package io.vitrine.product;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one request asks to change on a product model, read from its JSON body with every value
 * checked against the catalog. Absent fields stay as they are.
 */
public record ModelChange(
    String code,
    String familyVariant,
    String family,
    boolean parentGiven,
    String parent,
    List<String> categories,
    Map<ValueKey, JsonValue> values,
    AssociationChange associations) {

  public static ModelChange read(JsonObject body, CatalogSnapshot catalog, Violations violations) {
    var in = new JsonInput(body, violations);
    String code = in.string("code");
    String familyVariant = in.code("family_variant");
    if (familyVariant != null && catalog.familyVariant(familyVariant).isEmpty()) {
      in.invalid("family_variant", "there is no family variant '" + familyVariant + "'.");
    }
    String family = in.code("family");
    boolean parentGiven = body.containsKey("parent");
    String parent = in.string("parent");
    List<String> categories = in.codes("categories");
    if (body.containsKey("categories") && JsonTypes.isNull(body.get("categories"))) {
      categories = List.of();
    }
    JsonObject values = in.object("values");
    in.has("associations");
    in.has("quantified_associations");
    in.rejectUnknown("a product model", "created", "updated", "value_origins");
    var associations = AssociationChange.read(body, catalog, violations);
    Map<ValueKey, JsonValue> checked = new TreeMap<>();
    if (ProductChange.readValues(values, catalog, violations, checked) != null) {
      violations.add(
          catalog.identifier().map(a -> a.code()).orElse("sku"),
          null,
          null,
          "is the identifier of the variant products; a product model has a code instead.");
    }
    return new ModelChange(
        code, familyVariant, family, parentGiven, parent, categories, checked, associations);
  }
}
