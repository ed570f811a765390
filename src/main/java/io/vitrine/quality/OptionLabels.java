package io.vitrine.quality;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.product.ProductValues;
import io.vitrine.product.ValueKey;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The labels of the options some products select, read once for a batch of products (the catalog
 * snapshot has no options: a catalog may have hundreds of thousands).
 */
public final class OptionLabels {

  /** No labels known: every option counts as labelled. */
  public static final OptionLabels UNKNOWN = new OptionLabels(Map.of());

  // attribute code -> option code -> locale -> label
  private final Map<String, Map<String, Map<String, String>>> labels;

  public OptionLabels(Map<String, Map<String, Map<String, String>>> labels) {
    this.labels = labels;
  }

  /** Whether {@code option} of {@code attribute} has a label in {@code locale}; unknown: yes. */
  boolean labelled(String attribute, String option, String locale) {
    Map<String, Map<String, String>> options = labels.get(attribute);
    Map<String, String> byLocale = options == null ? null : options.get(option);
    if (byLocale == null) {
      return true;
    }
    String label = byLocale.get(locale);
    return label != null && !label.isBlank();
  }

  /** The options each select attribute has in {@code values}, by attribute code. */
  public static Map<String, Set<String>> selected(
      Collection<Map<ValueKey, JsonValue>> values, CatalogSnapshot schema) {
    Map<String, Set<String>> options = new HashMap<>();
    for (Map<ValueKey, JsonValue> product : values) {
      product.forEach(
          (key, data) -> {
            Attribute attribute = schema.attributes().get(key.attribute());
            if (attribute != null && attribute.type().hasOptions()) {
              options
                  .computeIfAbsent(key.attribute(), a -> new HashSet<>())
                  .addAll(ProductValues.optionCodes(data));
            }
          });
    }
    return options;
  }
}
