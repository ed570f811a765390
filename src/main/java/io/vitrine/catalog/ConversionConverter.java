package io.vitrine.catalog;

import io.vitrine.platform.json.Decimals;
import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

/** Conversion steps stored as [{"operator":"mul","value":"0.001"}], the API's own format. */
@Converter
public class ConversionConverter implements AttributeConverter<List<Conversion.Step>, String> {

  @Override
  public String convertToDatabaseColumn(List<Conversion.Step> steps) {
    var json = Jsonp.arrayBuilder();
    for (var step : steps) {
      json.add(
          Jsonp.objectBuilder()
              .add("operator", step.operator().code())
              .add("value", Decimals.plain(step.value())));
    }
    return json.build().toString();
  }

  @Override
  public List<Conversion.Step> convertToEntityAttribute(String column) {
    try (var reader = Jsonp.reader(new StringReader(column))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              step ->
                  new Conversion.Step(
                      Conversion.Operator.valueOf(
                          step.getString("operator").toUpperCase(java.util.Locale.ROOT)),
                      new BigDecimal(step.getString("value"))))
          .toList();
    }
  }
}
