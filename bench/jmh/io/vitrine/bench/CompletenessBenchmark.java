package io.vitrine.bench;

import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Family;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.completeness.Completeness;
import io.vitrine.product.ValueKey;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-write cost of completeness: one product with 204 values in a catalog of 3 channels and 4
 * locales whose family requires all of its 64 attributes on every channel (768 required values).
 * The baseline, in the same run, is copying the product's values into a new map: the least any
 * write does with them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompletenessBenchmark {

  static final List<String> LOCALES = List.of("en_US", "fr_FR", "de_DE", "es_ES");
  static final List<String> CHANNELS = List.of("ecommerce", "marketplace", "print");

  CatalogSnapshot schema;
  Map<ValueKey, JsonValue> values;

  @Setup
  public void setUp() {
    var catalog =
        TestCatalogs.catalog()
            .empty()
            .locales(LOCALES.toArray(String[]::new))
            .currency("EUR", 2)
            .currency("USD", 2);
    for (String channel : CHANNELS) {
      catalog.channel(TestCatalogs.channel(channel, LOCALES, List.of("EUR", "USD")));
    }
    Set<String> attributes = new HashSet<>();
    values = new HashMap<>();
    catalog.attribute(TestCatalogs.attribute("sku", AttributeType.IDENTIFIER).unique().build());
    attributes.add("sku");
    // 40 localizable texts: 160 values, each a few words.
    for (int i = 0; i < 40; i++) {
      String code = "text_" + i;
      catalog.attribute(TestCatalogs.attribute(code, AttributeType.TEXT).localizable().build());
      attributes.add(code);
      for (String locale : LOCALES) {
        values.put(new ValueKey(code, locale, null), Json.createValue("Organic cotton tee " + i));
      }
    }
    // 2 localizable and scopable rich texts: 24 values.
    for (int i = 0; i < 2; i++) {
      String code = "description_" + i;
      catalog.attribute(
          TestCatalogs.attribute(code, AttributeType.TEXTAREA)
              .localizable()
              .scopable()
              .richText()
              .build());
      attributes.add(code);
      for (String channel : CHANNELS) {
        for (String locale : LOCALES) {
          values.put(
              new ValueKey(code, locale, channel),
              Json.createValue("<p>Soft <strong>jersey</strong>, regular fit.</p>"));
        }
      }
    }
    // 20 global values: numbers, prices in both currencies, multi-selects.
    for (int i = 0; i < 20; i++) {
      String code = "global_" + i;
      AttributeType type =
          i % 3 == 0
              ? AttributeType.PRICE_COLLECTION
              : i % 3 == 1 ? AttributeType.NUMBER : AttributeType.MULTISELECT;
      catalog.attribute(
          TestCatalogs.attribute(code, type)
              .decimalsAllowed(type != AttributeType.MULTISELECT ? true : null)
              .build());
      attributes.add(code);
      JsonValue data =
          switch (type) {
            case PRICE_COLLECTION ->
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("amount", "19.90").add("currency", "EUR"))
                    .add(Json.createObjectBuilder().add("amount", "21.90").add("currency", "USD"))
                    .build();
            case NUMBER -> Json.createValue(12);
            default -> Json.createArrayBuilder().add("cotton").add("linen").build();
          };
      values.put(new ValueKey(code, null, null), data);
    }
    // One more required attribute per kind that the product lacks, so slots have missing values.
    catalog.attribute(TestCatalogs.attribute("care", AttributeType.TEXT).localizable().build());
    attributes.add("care");
    Set<Family.Requirement> requirements = new HashSet<>();
    for (String channel : CHANNELS) {
      attributes.forEach(a -> requirements.add(new Family.Requirement(channel, a)));
    }
    catalog.family(TestCatalogs.family("clothing", attributes, requirements, null, null));
    schema = catalog.build();
    if (values.size() != 204) {
      throw new IllegalStateException("expected 204 values, built " + values.size());
    }
  }

  @Benchmark
  public List<Completeness.Slot> completeness() {
    return Completeness.of("clothing", values, schema);
  }

  @Benchmark
  public Map<ValueKey, JsonValue> baselineCopyValues() {
    return new HashMap<>(values);
  }
}
