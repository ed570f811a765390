package io.vitrine.search;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Conversion;
import io.vitrine.catalog.MeasurementFamily;
import io.vitrine.catalog.MeasurementUnit;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * The forms values take in the index, shared by the documents and the filters so that both sides of
 * a comparison are made the same way: texts in lower case (without HTML for a textarea), numbers as
 * doubles, metrics in their family's standard unit.
 */
final class ValueForms {

  /** Filters and sorts see this much of a text; the rest only counts for full text. */
  static final int KEYWORD_CHARACTERS = 8000;

  private ValueForms() {}

  /** The first {@link #KEYWORD_CHARACTERS} code points, in lower case. */
  static String keyword(String text) {
    String cut = text;
    if (text.codePointCount(0, text.length()) > KEYWORD_CHARACTERS) {
      cut = text.substring(0, text.offsetByCodePoints(0, KEYWORD_CHARACTERS));
    }
    return cut.toLowerCase(Locale.ROOT);
  }

  /** The text a shopper reads in a textarea value: without tags, whitespace collapsed. */
  static String plainText(String html) {
    return Jsoup.parse(html).text();
  }

  static double number(JsonValue data) {
    return decimal(data).doubleValue();
  }

  static BigDecimal decimal(JsonValue data) {
    if (data instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    return new BigDecimal(((JsonString) data).getString().strip());
  }

  /** The unit's conversion, if the attribute's measurement family has the unit. */
  static Optional<List<Conversion.Step>> conversion(
      Attribute attribute, String unit, CatalogSnapshot schema) {
    MeasurementFamily family = schema.measurementFamilies().get(attribute.metricFamily());
    if (family == null) {
      return Optional.empty();
    }
    return family.unit(unit).map(MeasurementUnit::conversion);
  }

  static double standard(BigDecimal amount, List<Conversion.Step> conversion) {
    return Conversion.toStandard(amount, conversion).doubleValue();
  }
}
