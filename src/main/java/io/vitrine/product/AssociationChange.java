package io.vitrine.product;

import io.vitrine.catalog.AssociationType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The associations a request sets, read from {@code associations} and {@code
 * quantified_associations}. Each list given replaces that list (one association type, products or
 * product models); lists not given stay as they are, as PATCH merges everything else.
 */
public record AssociationChange(Map<Slot, List<Target>> slots) {

  public static final AssociationChange NONE = new AssociationChange(Map.of());
  static final int MAX_TARGETS = 1000;
  static final int MAX_QUANTITY = 1_000_000;

  /** One list: the links of one type to products, or to product models. */
  public record Slot(String type, Node.Type kind) {}

  /** A target as the request names it, and where (for violations). */
  public record Target(String name, Integer quantity, String path) {}

  public boolean isEmpty() {
    return slots.isEmpty();
  }

  public static AssociationChange read(
      JsonObject body, CatalogSnapshot schema, Violations violations) {
    Map<Slot, List<Target>> slots = new LinkedHashMap<>();
    read(body, "associations", false, schema, violations, slots);
    read(body, "quantified_associations", true, schema, violations, slots);
    return slots.isEmpty() ? NONE : new AssociationChange(Map.copyOf(slots));
  }

  private static void read(
      JsonObject body,
      String field,
      boolean quantified,
      CatalogSnapshot schema,
      Violations violations,
      Map<Slot, List<Target>> slots) {
    JsonValue raw = body.get(field);
    if (raw == null || JsonTypes.isNull(raw)) {
      return;
    }
    if (!(raw instanceof JsonObject types)) {
      violations.add(
          field, "must be an object keyed by association type, not " + JsonTypes.name(raw) + ".");
      return;
    }
    for (var entry : types.entrySet()) {
      String type = entry.getKey();
      String at = field + "." + type;
      AssociationType known = schema.associationType(type).orElse(null);
      if (known == null) {
        violations.add(at, "there is no association type '" + type + "'.");
        continue;
      }
      if (known.quantified() != quantified) {
        violations.add(
            at,
            known.quantified()
                ? "'" + type + "' is quantified: set it in quantified_associations."
                : "'" + type + "' is not quantified: set it in associations.");
        continue;
      }
      if (JsonTypes.isNull(entry.getValue())) {
        slots.put(new Slot(type, Node.Type.PRODUCT), List.of());
        slots.put(new Slot(type, Node.Type.MODEL), List.of());
        continue;
      }
      if (!(entry.getValue() instanceof JsonObject lists)) {
        violations.add(
            at,
            "must be an object with products and product_models lists, not "
                + JsonTypes.name(entry.getValue())
                + ".");
        continue;
      }
      for (var list : lists.entrySet()) {
        String where = at + "." + list.getKey();
        Node.Type kind =
            switch (list.getKey()) {
              case "products" -> Node.Type.PRODUCT;
              case "product_models" -> Node.Type.MODEL;
              default -> null;
            };
        if (kind == null) {
          if (!(list.getKey().equals("groups") && isEmptyList(list.getValue()))) {
            violations.add(
                where,
                "is not part of an association; an association has products and product_models"
                    + " lists.");
          }
          continue;
        }
        List<Target> targets = targets(list.getValue(), where, quantified, violations);
        if (targets != null) {
          slots.put(new Slot(type, kind), targets);
        }
      }
    }
  }

  private static boolean isEmptyList(JsonValue value) {
    return JsonTypes.isNull(value)
        || (value.getValueType() == JsonValue.ValueType.ARRAY && value.asJsonArray().isEmpty());
  }

  private static List<Target> targets(
      JsonValue raw, String where, boolean quantified, Violations violations) {
    if (JsonTypes.isNull(raw)) {
      return List.of();
    }
    if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
      violations.add(where, "must be a list, not " + JsonTypes.name(raw) + ".");
      return null;
    }
    var items = raw.asJsonArray();
    if (items.size() > MAX_TARGETS) {
      violations.add(
          where, "lists " + items.size() + " links; at most " + MAX_TARGETS + " are allowed.");
      return null;
    }
    List<Target> targets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String at = where + "[" + i + "]";
      JsonValue item = items.get(i);
      String name;
      Integer quantity = null;
      if (quantified) {
        if (!(item instanceof JsonObject link)) {
          violations.add(
              at,
              "must be an object with identifier and quantity, not " + JsonTypes.name(item) + ".");
          continue;
        }
        if (!(link.get("identifier") instanceof JsonString identifier)) {
          violations.add(at + ".identifier", "is required: the identifier or code of the target.");
          continue;
        }
        name = identifier.getString();
        quantity = quantity(link.get("quantity"), at + ".quantity", violations);
        for (String key : link.keySet()) {
          if (!key.equals("identifier") && !key.equals("quantity")) {
            violations.add(
                at + "." + key,
                "is not part of a quantified link; it has identifier and quantity.");
          }
        }
        if (quantity == null) {
          continue;
        }
      } else if (item instanceof JsonString text) {
        name = text.getString();
      } else {
        violations.add(at, "must be an identifier (a string), not " + JsonTypes.name(item) + ".");
        continue;
      }
      if (!seen.add(Product.key(name))) {
        violations.add(at, "'" + name + "' is listed twice.");
        continue;
      }
      targets.add(new Target(name, quantity, at));
    }
    return targets;
  }

  private static Integer quantity(JsonValue raw, String at, Violations violations) {
    if (!(raw instanceof JsonNumber number)
        || !number.isIntegral()
        || number.bigDecimalValue().signum() <= 0
        || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
      violations.add(
          at,
          "must be a whole number from 1 to "
              + MAX_QUANTITY
              + ", not "
              + (raw == null ? "missing" : raw)
              + ".");
      return null;
    }
    return number.intValue();
  }

  /** The names (identifiers or codes) of every target of {@code kind}. */
  Set<String> names(Node.Type kind) {
    Set<String> names = new HashSet<>();
    slots.forEach(
        (slot, targets) -> {
          if (slot.kind() == kind) {
            targets.forEach(t -> names.add(t.name()));
          }
        });
    return names;
  }
}
