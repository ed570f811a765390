package io.vitrine.catalog;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** A family variant's levels, stored as the JSON list the API shows. */
@Converter
public class VariantLevelsConverter implements AttributeConverter<List<VariantLevel>, String> {

  @Override
  public String convertToDatabaseColumn(List<VariantLevel> levels) {
    var json = Jsonp.arrayBuilder();
    for (VariantLevel level : levels == null ? List.<VariantLevel>of() : levels) {
      json.add(
          Jsonp.objectBuilder()
              .add("level", level.level())
              .add("axes", Jsonp.arrayBuilder(level.axes()))
              .add("attributes", Jsonp.arrayBuilder(level.attributes())));
    }
    return json.build().toString();
  }

  @Override
  public List<VariantLevel> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    try (var reader = Jsonp.reader(new StringReader(column))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              level ->
                  new VariantLevel(
                      level.getInt("level"), codes(level, "axes"), codes(level, "attributes")))
          .toList();
    }
  }

  private static List<String> codes(JsonObject level, String field) {
    return level.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
