package io.vitrine.search;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Facet counts from doc values (no side index to keep in step). A facet on a field that the request
 * filters counts as if that field's filters were off (drill-sideways, one more pass per such
 * field); the others are gathered in the pass that finds the page.
 */
final class Facets {

  static final int MAX_VALUES = 100;
  private static final int MAX_RANGES = 10;

  enum Kind {
    TERMS,
    CATEGORIES,
    RANGES
  }

  /** A facet asked for: its name, the filter it sets aside, and the doc values it counts. */
  record Facet(String name, String filter, Kind kind, String field) {}

  private Facets() {}

  static List<Facet> parse(
      String facets, CatalogSnapshot schema, String locale, String scope, Violations violations) {
    List<Facet> parsed = new ArrayList<>();
    if (facets == null || facets.isBlank()) {
      return parsed;
    }
    for (String raw : facets.split(",")) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      switch (name) {
        case "family" -> parsed.add(new Facet(name, name, Kind.TERMS, SearchFields.FAMILY));
        case "enabled" -> parsed.add(new Facet(name, name, Kind.TERMS, SearchFields.ENABLED));
        case "categories" ->
            parsed.add(new Facet(name, name, Kind.CATEGORIES, SearchFields.CATEGORY_PATHS));
        default -> {
          Facet facet = attribute(name, schema, locale, scope, violations);
          if (facet != null) {
            parsed.add(facet);
          }
        }
      }
    }
    return parsed;
  }

  private static Facet attribute(
      String name, CatalogSnapshot schema, String locale, String scope, Violations violations) {
    NamedAttribute named =
        NamedAttribute.resolve(
            name,
            schema,
            locale,
            scope,
            "facets",
            "is not a facet: use family, enabled, categories, a select, boolean, number or"
                + " metric attribute, or <price attribute>.<currency>.",
            violations);
    if (named == null) {
      return null;
    }
    String code = named.attribute().code();
    return switch (named.attribute().type()) {
      case SIMPLESELECT, MULTISELECT, BOOLEAN -> new Facet(name, code, Kind.TERMS, named.field());
      case NUMBER, METRIC, PRICE_COLLECTION -> new Facet(name, code, Kind.RANGES, named.field());
      default -> {
        violations.add("facets", "'" + code + "' (" + named.typeName() + ") has no facet.");
        yield null;
      }
    };
  }

  /** The facet counts as JSON, in the order asked. */
  static JsonObject json(
      List<Facet> facets, Map<Facet, Counter> counters, CategoryTree categories) {
    JsonObjectBuilder json = Jsonp.objectBuilder();
    for (Facet facet : facets) {
      Counter counter = counters.get(facet);
      json.add(
          facet.name(),
          switch (facet.kind()) {
            case TERMS -> terms(counter.terms);
            case CATEGORIES -> categories.json(counter.terms);
            case RANGES -> ranges(counter.numbers, counter.size);
          });
    }
    return json.build();
  }

  private static jakarta.json.JsonArray terms(Map<String, Integer> counts) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_VALUES)
        .forEach(
            e ->
                array.add(
                    Jsonp.objectBuilder().add("value", e.getKey()).add("count", e.getValue())));
    return array.build();
  }

  /** min, max, and up to 10 ranges of a round width (1, 2 or 5 times a power of ten). */
  private static JsonObject ranges(double[] numbers, int size) {
    JsonObjectBuilder json = Jsonp.objectBuilder();
    JsonArrayBuilder ranges = Jsonp.arrayBuilder();
    if (size == 0) {
      return json.addNull("min").addNull("max").add("ranges", ranges).build();
    }
    double[] values = Arrays.copyOf(numbers, size);
    Arrays.sort(values);
    double min = values[0];
    double max = values[size - 1];
    double width = roundWidth((max - min) / MAX_RANGES);
    double start = Math.floor(min / width) * width;
    int index = 0;
    for (double from = start; index < size; from += width) {
      double to = from + width;
      int count = 0;
      boolean last = to > max;
      while (index < size && (values[index] < to || last)) {
        count++;
        index++;
      }
      if (count > 0) {
        ranges.add(
            Jsonp.objectBuilder()
                .add("from", decimal(from))
                .add("to", decimal(to))
                .add("count", count));
      }
    }
    return json.add("min", decimal(min)).add("max", decimal(max)).add("ranges", ranges).build();
  }

  private static double roundWidth(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= raw) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static BigDecimal decimal(double value) {
    BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** What one facet gathers: term counts, or numbers. */
  static final class Counter {
    final Map<String, Integer> terms = new HashMap<>();
    double[] numbers = new double[64];
    int size;

    Counter merge(Counter other) {
      other.terms.forEach((term, count) -> terms.merge(term, count, Integer::sum));
      for (int i = 0; i < other.size; i++) {
        addNumber(other.numbers[i]);
      }
      return this;
    }

    void addNumber(double value) {
      if (size == numbers.length) {
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      numbers[size++] = value;
    }
  }

  /** One pass over the matches for several facets: per segment ordinals, then terms. */
  static final class Collector extends SimpleCollector {
    final Counter[] counters;
    final List<Facet> facets;
    private SortedSetDocValues[] ordinals;
    private int[][] counts;
    private NumericDocValues[] numbers;

    Collector(List<Facet> facets) {
      this.facets = facets;
      counters = new Counter[facets.size()];
      Arrays.setAll(counters, i -> new Counter());
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      ordinals = new SortedSetDocValues[facets.size()];
      counts = new int[facets.size()][];
      numbers = new NumericDocValues[facets.size()];
      for (int i = 0; i < facets.size(); i++) {
        Facet facet = facets.get(i);
        if (facet.kind() == Kind.RANGES) {
          numbers[i] = context.reader().getNumericDocValues(facet.field());
        } else {
          ordinals[i] = context.reader().getSortedSetDocValues(facet.field());
          if (ordinals[i] != null) {
            counts[i] = new int[(int) ordinals[i].getValueCount()];
          }
        }
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < facets.size(); i++) {
        SortedSetDocValues values = ordinals[i];
        if (values != null && values.advanceExact(doc)) {
          for (int n = 0; n < values.docValueCount(); n++) {
            counts[i][(int) values.nextOrd()]++;
          }
        }
        NumericDocValues number = numbers[i];
        if (number != null && number.advanceExact(doc)) {
          counters[i].addNumber(Double.longBitsToDouble(number.longValue()));
        }
      }
    }

    /** Turns the segment's ordinal counts into term counts: Lucene calls it after each segment. */
    @Override
    public void finish() throws IOException {
      if (counts == null) {
        return;
      }
      for (int i = 0; i < facets.size(); i++) {
        if (counts[i] == null) {
          continue;
        }
        Map<String, Integer> terms = counters[i].terms;
        for (int ord = 0; ord < counts[i].length; ord++) {
          if (counts[i][ord] > 0) {
            terms.merge(ordinals[i].lookupOrd(ord).utf8ToString(), counts[i][ord], Integer::sum);
          }
        }
      }
      counts = null;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
