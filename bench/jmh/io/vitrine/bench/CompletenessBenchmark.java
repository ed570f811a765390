package io.vitrine.bench;

import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Family;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.completeness.Completeness;
import io.vitrine.product.ValueKey;
import io.vitrine.quality.OptionLabels;
import io.vitrine.quality.ProductQuality;
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
 * The per-write cost of completeness and data quality: one product with 204 values in a catalog of
 * 3 channels and 4 locales whose family requires all of its 64 attributes on every channel (768
 * required values). Texts are of real lengths (titles, sentences, HTML descriptions), the
 * marketplace bounds its titles, ean holds GTINs, options lack a label in one locale, and weights
 * mix units, so every rule has work. The baseline, in the same run, is copying the product's values
 * into a new map: the least any write does with them.
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
  OptionLabels labels;

  static final String SENTENCE =
      "A midweight organic cotton tee with a clean crew neck and a regular fit that keeps its"
          + " shape wash after wash";
  static final String DESCRIPTION =
      "<p>Cut from 180 g/m² combed organic cotton jersey, the Essential Crew is the T-shirt you"
          + " reach for every morning. A narrow ribbed collar holds its shape, taped shoulders stay"
          + " comfortable under a backpack strap, and the side-seamed body falls straight without"
          + " twisting.</p><ul><li>100% certified organic cotton, 180 g/m²</li><li>Regular fit,"
          + " true to size</li><li>Pre-shrunk: less than 3% shrinkage</li></ul>";

  @Setup
  public void setUp() {
    var catalog =
        TestCatalogs.catalog()
            .empty()
            .locales(LOCALES.toArray(String[]::new))
            .currency("EUR", 2)
            .currency("USD", 2);
    for (String channel : CHANNELS) {
      catalog.channel(
          TestCatalogs.titleLength(
              TestCatalogs.channel(channel, LOCALES, List.of("EUR", "USD")),
              channel.equals("marketplace") ? 20 : null,
              channel.equals("marketplace") ? 150 : null));
    }
    Set<String> attributes = new HashSet<>();
    values = new HashMap<>();
    catalog.attribute(TestCatalogs.attribute("sku", AttributeType.IDENTIFIER).unique().build());
    attributes.add("sku");
    // 40 localizable texts: 160 values, titles and sentences of 20 to 110 characters.
    for (int i = 0; i < 40; i++) {
      String code = "text_" + i;
      catalog.attribute(TestCatalogs.attribute(code, AttributeType.TEXT).localizable().build());
      attributes.add(code);
      for (String locale : LOCALES) {
        values.put(
            new ValueKey(code, locale, null),
            Json.createValue(SENTENCE.substring(0, 20 + (i * 7 + locale.length()) % 85)));
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
          values.put(new ValueKey(code, locale, channel), Json.createValue(DESCRIPTION));
        }
      }
    }
    // 15 global values: numbers, prices in both currencies, multi-selects.
    for (int i = 0; i < 15; i++) {
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
    // A GTIN, three weights in two units, and the image.
    catalog.attribute(TestCatalogs.attribute("ean", AttributeType.TEXT).gtin().build());
    attributes.add("ean");
    values.put(new ValueKey("ean", null, null), Json.createValue("4006381333931"));
    catalog.measurementFamily(TestCatalogs.weight());
    for (String code : List.of("weight", "net_weight", "gross_weight")) {
      catalog.attribute(
          TestCatalogs.attribute(code, AttributeType.METRIC).metric("Weight", "KILOGRAM").build());
      attributes.add(code);
      values.put(
          new ValueKey(code, null, null),
          Json.createObjectBuilder()
              .add("amount", "1.2")
              .add("unit", code.equals("weight") ? "GRAM" : "KILOGRAM")
              .build());
    }
    catalog.attribute(TestCatalogs.attribute("images", AttributeType.ASSET_COLLECTION).build());
    attributes.add("images");
    values.put(new ValueKey("images", null, null), Json.createArrayBuilder().add("tee_1").build());
    Map<String, Map<String, String>> materials = new HashMap<>();
    for (String option : List.of("cotton", "linen")) {
      materials.put(option, Map.of("en_US", option, "fr_FR", option, "de_DE", option));
    }
    Map<String, Map<String, Map<String, String>>> byAttribute = new HashMap<>();
    for (int i = 0; i < 15; i++) {
      byAttribute.put("global_" + i, materials);
    }
    labels = new OptionLabels(byAttribute);
    // One more required attribute per kind that the product lacks, so slots have missing values.
    catalog.attribute(TestCatalogs.attribute("care", AttributeType.TEXT).localizable().build());
    attributes.add("care");
    Set<Family.Requirement> requirements = new HashSet<>();
    for (String channel : CHANNELS) {
      attributes.forEach(a -> requirements.add(new Family.Requirement(channel, a)));
    }
    catalog.family(TestCatalogs.family("clothing", attributes, requirements, "text_0", "images"));
    schema = catalog.build();
    if (values.size() != 204) {
      throw new IllegalStateException("expected 204 values, built " + values.size());
    }
  }

  /** What a write computes: completeness and data quality of every channel × locale. */
  @Benchmark
  public List<Completeness.Slot> completenessAndQuality() {
    return Completeness.of("clothing", values, schema, labels);
  }

  /** The data quality share of it. */
  @Benchmark
  public int qualityOnly() {
    var quality = new ProductQuality(schema.families().get("clothing"), values, schema, labels);
    int issues = 0;
    for (Channel channel : schema.channels().values()) {
      for (String locale : channel.locales()) {
        issues += quality.issues(channel, locale).size();
      }
    }
    return issues;
  }

  @Benchmark
  public Map<ValueKey, JsonValue> baselineCopyValues() {
    return new HashMap<>(values);
  }
}
