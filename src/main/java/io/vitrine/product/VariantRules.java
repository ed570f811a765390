package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Conversion;
import io.vitrine.catalog.FamilyVariant;
import io.vitrine.catalog.MeasurementFamily;
import io.vitrine.catalog.MeasurementUnit;
import io.vitrine.platform.Digests;
import io.vitrine.platform.json.Decimals;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where values live in a variant tree, and what tells siblings apart. Each attribute's values are
 * set at the one level of the family variant that owns it; below that level they are inherited. The
 * axes of a level all need a value, and their combination is unique among siblings, which the
 * database enforces through the canonical {@link #axisKey}.
 */
final class VariantRules {

  private VariantRules() {}

  /**
   * The values of {@code values} that belong at {@code level}. A value of another level is refused,
   * naming the level that owns it, unless it repeats what the lineage already has there (a client
   * sending back a variant it read, inherited values included).
   */
  static Map<ValueKey, JsonValue> place(
      FamilyVariant variant,
      int level,
      Lineage lineage,
      Map<ValueKey, JsonValue> values,
      CatalogSnapshot schema,
      Violations violations) {
    Map<ValueKey, JsonValue> kept = new TreeMap<>();
    ProductValues inherited = lineage.values();
    values.forEach(
        (key, data) -> {
          Attribute attribute = schema.attributes().get(key.attribute());
          int owner = variant.levelOf(attribute);
          if (owner == level) {
            kept.put(key, data);
            return;
          }
          JsonValue there = inherited.get(key);
          if (owner < level && (data.equals(there) || (there == null && data == JsonValue.NULL))) {
            return;
          }
          violations.add(
              key.attribute(),
              key.locale(),
              key.scope(),
              "belongs to "
                  + lineage.describeOwner(variant, owner)
                  + "; set it there"
                  + (owner < level ? ", and every variant below inherits it." : ".")
                  + " Here you can set the attributes of "
                  + variant.describeLevel(level)
                  + ".");
        });
    return kept;
  }

  /**
   * The canonical combination of the axis values at {@code level}, or null when one is missing
   * (each missing axis is a violation). Options compare without case, numbers by value, metrics in
   * the family's standard unit: "1 KILOGRAM" and "1000 GRAM" are the same size.
   */
  static String axisKey(
      FamilyVariant variant,
      int level,
      ProductValues values,
      CatalogSnapshot schema,
      Violations violations) {
    List<String> parts = new ArrayList<>();
    boolean complete = true;
    for (String axis : variant.axes(level)) {
      JsonValue data = values.get(new ValueKey(axis, null, null));
      if (data == null) {
        violations.add(
            axis,
            null,
            null,
            "is an axis of the family variant '"
                + variant.code()
                + "': each of "
                + variant.describeLevel(level)
                + " needs a value.");
        complete = false;
        continue;
      }
      parts.add(canonical(schema.attributes().get(axis), data, schema));
    }
    if (!complete) {
      return null;
    }
    String key = String.join("|", parts);
    return key.length() <= Product.MAX_KEY_LENGTH ? key : "sha256:" + Digests.sha256(key, 32);
  }

  /** The axis values as a merchandiser reads them: "color blue, size M". */
  static String describeAxes(FamilyVariant variant, int level, ProductValues values) {
    List<String> parts = new ArrayList<>();
    for (String axis : variant.axes(level)) {
      JsonValue data = values.get(new ValueKey(axis, null, null));
      parts.add(axis + " " + (data == null ? "(none)" : display(data)));
    }
    return String.join(", ", parts);
  }

  private static String display(JsonValue data) {
    if (data instanceof JsonString text) {
      return text.getString();
    }
    if (data instanceof JsonObject metric) {
      return metric.getString("amount") + " " + metric.getString("unit");
    }
    return data.toString();
  }

  private static String canonical(Attribute attribute, JsonValue data, CatalogSnapshot schema) {
    return switch (attribute.type()) {
      case SIMPLESELECT -> ((JsonString) data).getString().toLowerCase(Locale.ROOT);
      case NUMBER -> Decimals.plain(number(data));
      case METRIC -> {
        JsonObject metric = data.asJsonObject();
        BigDecimal amount = new BigDecimal(metric.getString("amount"));
        MeasurementFamily family = schema.measurementFamilies().get(attribute.metricFamily());
        List<Conversion.Step> steps =
            family == null
                ? List.of()
                : family
                    .unit(metric.getString("unit"))
                    .map(MeasurementUnit::conversion)
                    .orElse(List.of());
        yield Decimals.plain(Conversion.toStandard(amount, steps));
      }
      default -> data.toString();
    };
  }

  private static BigDecimal number(JsonValue data) {
    return data instanceof JsonNumber n
        ? n.bigDecimalValue()
        : new BigDecimal(((JsonString) data).getString());
  }
}
