package io.vitrine.product;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A product's values, keyed by attribute, locale and scope, in the standard format of DESIGN
 * decision 3: {@code {"name": [{"locale": "en_US", "scope": null, "data": "Cotton tee"}]}}. The
 * data here is already validated and normalised; this class only holds and merges it.
 */
public final class ProductValues {

  public static final ProductValues EMPTY = new ProductValues(new TreeMap<>());

  private final NavigableMap<ValueKey, JsonValue> values;

  private ProductValues(NavigableMap<ValueKey, JsonValue> values) {
    this.values = Collections.unmodifiableNavigableMap(values);
  }

  public static ProductValues of(Map<ValueKey, JsonValue> values) {
    return new ProductValues(new TreeMap<>(values));
  }

  /** Reads values stored by {@link #toJson()}. */
  public static ProductValues parse(String json) {
    if (json == null || json.isBlank()) {
      return EMPTY;
    }
    return fromStandardFormat(document(json));
  }

  /** Values stored by {@link #toJson()}, as the JSON they are. */
  static JsonObject document(String json) {
    if (json == null || json.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (var reader = Jsonp.reader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** Reads values already in the standard format and known to be well formed. */
  public static ProductValues fromStandardFormat(JsonObject json) {
    var values = new TreeMap<ValueKey, JsonValue>();
    json.forEach(
        (attribute, entries) ->
            entries
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .forEach(
                    entry ->
                        values.put(
                            new ValueKey(attribute, text(entry, "locale"), text(entry, "scope")),
                            entry.get("data"))));
    return new ProductValues(values);
  }

  private static String text(JsonObject entry, String field) {
    return entry.get(field) instanceof JsonString s ? s.getString() : null;
  }

  public Map<ValueKey, JsonValue> asMap() {
    return values;
  }

  public JsonValue get(ValueKey key) {
    return values.get(key);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public int size() {
    return values.size();
  }

  /**
   * These values with {@code changes} applied, per attribute × locale × scope: a change with data
   * {@code null} removes that value, any other replaces or adds it; values not mentioned stay.
   */
  public ProductValues merge(Map<ValueKey, JsonValue> changes) {
    var merged = new TreeMap<>(values);
    changes.forEach(
        (key, data) -> {
          if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
            merged.remove(key);
          } else {
            merged.put(key, data);
          }
        });
    return new ProductValues(merged);
  }

  public Set<String> attributes() {
    var attributes = new TreeSet<String>();
    values.keySet().forEach(k -> attributes.add(k.attribute()));
    return attributes;
  }

  public JsonObject toJson() {
    JsonObjectBuilder json = Jsonp.objectBuilder();
    String attribute = null;
    JsonArrayBuilder entries = null;
    for (var value : values.entrySet()) {
      ValueKey key = value.getKey();
      if (!key.attribute().equals(attribute)) {
        if (entries != null) {
          json.add(attribute, entries);
        }
        attribute = key.attribute();
        entries = Jsonp.arrayBuilder();
      }
      var entry = Jsonp.objectBuilder();
      if (key.locale() == null) {
        entry.addNull("locale");
      } else {
        entry.add("locale", key.locale());
      }
      if (key.scope() == null) {
        entry.addNull("scope");
      } else {
        entry.add("scope", key.scope());
      }
      entries.add(entry.add("data", value.getValue()));
    }
    if (entries != null) {
      json.add(attribute, entries);
    }
    return json.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProductValues v && values.equals(v.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toJson().toString();
  }

  /** The option codes of a simple or multi select value. */
  public static List<String> optionCodes(JsonValue data) {
    if (data instanceof JsonString code) {
      return List.of(code.getString());
    }
    return data.asJsonArray().getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
