package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of the catalog too large for the {@link CatalogSnapshot}, categories, options and
 * assets, looked up once per write batch for every command in it.
 */
final class CatalogLookups {

  private final EntityManager em;
  private final CatalogSnapshot schema;
  private final Set<String> categories = new HashSet<>();

  /** attribute → lower-cased code → stored code. */
  private final Map<String, Map<String, String>> options = new HashMap<>();

  /** lower-cased asset code → the asset's stored code and family. */
  private final Map<String, StoredAsset> assets = new HashMap<>();

  private record StoredAsset(String code, String family) {}

  CatalogLookups(EntityManager em, CatalogSnapshot schema) {
    this.em = em;
    this.schema = schema;
  }

  /** Looks up every category and option the batch's changes name. */
  void load(Collection<Map<ValueKey, JsonValue>> changes, Collection<String> categoryCodes) {
    if (!categoryCodes.isEmpty()) {
      categories.addAll(
          em.createQuery("SELECT c.code FROM Category c WHERE c.code IN :codes", String.class)
              .setParameter("codes", List.copyOf(new HashSet<>(categoryCodes)))
              .getResultList());
    }
    Map<String, Set<String>> optionCodes = new HashMap<>();
    Set<String> assetCodes = new HashSet<>();
    for (Map<ValueKey, JsonValue> values : changes) {
      values.forEach(
          (key, data) -> {
            Attribute attribute = schema.attributes().get(key.attribute());
            if (data == JsonValue.NULL) {
              return;
            }
            if (attribute.type().hasOptions()) {
              optionCodes
                  .computeIfAbsent(key.attribute(), a -> new HashSet<>())
                  .addAll(ProductValues.optionCodes(data));
            } else if (attribute.type() == AttributeType.ASSET_COLLECTION) {
              assetCodes.addAll(ProductValues.optionCodes(data));
            }
          });
    }
    optionCodes.forEach(this::loadOptions);
    if (!assetCodes.isEmpty()) {
      loadAssets(assetCodes);
    }
  }

  /**
   * By their key (the code in lower case: asset codes are told apart without regard to case). By
   * SQL: the asset feature sits above products (it links files to them), so products read its
   * table, not its classes.
   */
  private void loadAssets(Set<String> codes) {
    List<String> keys = codes.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
    for (List<String> chunk : chunks(keys)) {
      StringBuilder sql =
          new StringBuilder("SELECT code, family_code FROM asset WHERE code_key IN (");
      for (int i = 1; i <= chunk.size(); i++) {
        sql.append(i == 1 ? "?" : ", ?").append(i);
      }
      var query = em.createNativeQuery(sql.append(")").toString());
      for (int i = 0; i < chunk.size(); i++) {
        query.setParameter(i + 1, chunk.get(i));
      }
      for (Object row : query.getResultList()) {
        Object[] columns = (Object[]) row;
        String code = (String) columns[0];
        assets.put(code.toLowerCase(Locale.ROOT), new StoredAsset(code, (String) columns[1]));
      }
    }
  }

  private static List<List<String>> chunks(List<String> codes) {
    List<List<String>> chunks = new java.util.ArrayList<>();
    for (int i = 0; i < codes.size(); i += 1000) {
      chunks.add(codes.subList(i, Math.min(codes.size(), i + 1000)));
    }
    return chunks;
  }

  /** Exact codes first (the primary key); the rest matched without regard to case. */
  private void loadOptions(String attribute, Set<String> codes) {
    Map<String, String> known = options.computeIfAbsent(attribute, a -> new HashMap<>());
    em.createQuery(
            "SELECT o.code FROM AttributeOption o WHERE o.attribute = :a AND o.code IN :codes",
            String.class)
        .setParameter("a", attribute)
        .setParameter("codes", List.copyOf(codes))
        .getResultList()
        .forEach(code -> known.put(code.toLowerCase(Locale.ROOT), code));
    List<String> missing =
        codes.stream()
            .map(c -> c.toLowerCase(Locale.ROOT))
            .filter(c -> !known.containsKey(c))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      em.createQuery(
              "SELECT o.code FROM AttributeOption o WHERE o.attribute = :a AND LOWER(o.code) IN :codes",
              String.class)
          .setParameter("a", attribute)
          .setParameter("codes", missing)
          .getResultList()
          .forEach(code -> known.put(code.toLowerCase(Locale.ROOT), code));
    }
  }

  /**
   * Replaces option and asset codes by the stored ones ("Navy" → "navy"); unknown codes, and assets
   * of another family than the attribute's, are violations.
   */
  Map<ValueKey, JsonValue> resolveCodes(Map<ValueKey, JsonValue> values, Violations violations) {
    Map<ValueKey, JsonValue> resolved = new TreeMap<>();
    values.forEach(
        (key, data) -> {
          Attribute attribute = schema.attributes().get(key.attribute());
          if (data != JsonValue.NULL && attribute.type() == AttributeType.ASSET_COLLECTION) {
            JsonValue stored = resolveAssets(attribute, key, data, violations);
            if (stored != null) {
              resolved.put(key, stored);
            }
            return;
          }
          if (data == JsonValue.NULL || !attribute.type().hasOptions()) {
            resolved.put(key, data);
            return;
          }
          Map<String, String> known = options.getOrDefault(key.attribute(), Map.of());
          JsonArrayBuilder codes = Jsonp.arrayBuilder();
          boolean valid = true;
          for (String code : ProductValues.optionCodes(data)) {
            String stored = known.get(code.toLowerCase(Locale.ROOT));
            if (stored == null) {
              violations.add(
                  key.attribute(),
                  key.locale(),
                  key.scope(),
                  "'"
                      + code
                      + "' is not an option of "
                      + key.attribute()
                      + "; create it first or use an existing option.");
              valid = false;
            } else {
              codes.add(stored);
            }
          }
          if (valid) {
            resolved.put(
                key,
                attribute.type() == AttributeType.SIMPLESELECT
                    ? codes.build().get(0)
                    : codes.build());
          }
        });
    return resolved;
  }

  private JsonValue resolveAssets(
      Attribute attribute, ValueKey key, JsonValue data, Violations violations) {
    JsonArrayBuilder codes = Jsonp.arrayBuilder();
    boolean valid = true;
    for (String code : ProductValues.optionCodes(data)) {
      StoredAsset asset = assets.get(code.toLowerCase(Locale.ROOT));
      String problem = null;
      if (asset == null) {
        problem =
            "'" + code + "' is not an asset; upload it first (PUT /api/v1/assets/" + code + ").";
      } else if (attribute.assetFamily() != null
          && !attribute.assetFamily().equals(asset.family())) {
        problem =
            "'"
                + asset.code()
                + "' is "
                + (asset.family() == null
                    ? "in no asset family"
                    : "an asset of the family '" + asset.family() + "'")
                + "; "
                + key.attribute()
                + " takes assets of the family '"
                + attribute.assetFamily()
                + "' only.";
      }
      if (problem != null) {
        violations.add(key.attribute(), key.locale(), key.scope(), problem);
        valid = false;
      } else {
        codes.add(asset.code());
      }
    }
    return valid ? codes.build() : null;
  }

  void checkCategories(List<String> wanted, Set<String> current, Violations violations) {
    if (wanted == null) {
      return;
    }
    for (int i = 0; i < wanted.size(); i++) {
      String code = wanted.get(i);
      if (!current.contains(code) && !categories.contains(code)) {
        violations.add("categories[" + i + "]", "there is no category '" + code + "'.");
      }
    }
  }
}
