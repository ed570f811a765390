package io.vitrine.catalog;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels per locale (or any map of codes to text), stored as a small JSON object; sorted, so that
 * equal maps are stored alike.
 */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

  @Override
  public String convertToDatabaseColumn(Map<String, String> labels) {
    var json = Jsonp.objectBuilder();
    new TreeMap<>(labels == null ? Map.<String, String>of() : labels).forEach(json::add);
    return json.build().toString();
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Map.of();
    }
    var labels = new TreeMap<String, String>();
    try (var reader = Jsonp.reader(new StringReader(column))) {
      reader
          .readObject()
          .forEach((locale, label) -> labels.put(locale, ((JsonString) label).getString()));
    }
    return Collections.unmodifiableMap(labels);
  }
}
