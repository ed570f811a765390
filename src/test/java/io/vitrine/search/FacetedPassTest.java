package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The one-pass page, count and drill-sideways facets against a brute-force evaluation, over random
 * products and random filters, with several segments.
 */
class FacetedPassTest {

  private static final String[] FIELDS = {"color", "size", "family"};
  private static final String[][] VALUES = {
    {"navy", "white", "coral", "sand"}, {"s", "m", "l"}, {"shirts", "shoes", "mugs"}
  };

  private record Product(int id, String[] values, boolean text) {}

  @Test
  void pageCountAndFacetsMatchBruteForce() throws IOException {
    var random = new Random(42);
    List<Product> products = new ArrayList<>();
    try (var directory = new ByteBuffersDirectory()) {
      try (var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int id = 0; id < 600; id++) {
          String[] values = new String[FIELDS.length];
          var doc = new Document();
          doc.add(new NumericDocValuesField("id", id));
          for (int f = 0; f < FIELDS.length; f++) {
            values[f] = VALUES[f][random.nextInt(VALUES[f].length)];
            doc.add(new StringField(FIELDS[f], values[f], Field.Store.NO));
            doc.add(new SortedSetDocValuesField(FIELDS[f], new BytesRef(values[f])));
          }
          boolean text = random.nextInt(3) > 0;
          if (text) {
            doc.add(new StringField("text", "yes", Field.Store.NO));
          }
          writer.addDocument(doc);
          products.add(new Product(id, values, text));
          if (id % 150 == 149) {
            writer.commit(); // several segments
          }
        }
      }
      try (var reader = DirectoryReader.open(directory)) {
        var searcher = new IndexSearcher(reader);
        for (int round = 0; round < 200; round++) {
          check(searcher, products, random);
        }
      }
    }
  }

  private void check(IndexSearcher searcher, List<Product> products, Random random)
      throws IOException {
    // Random filters: each field filtered or not, with one or two values.
    Map<String, Query> filters = new LinkedHashMap<>();
    Map<Integer, Set<String>> allowed = new HashMap<>();
    for (int f = 0; f < FIELDS.length; f++) {
      if (random.nextBoolean()) {
        String a = VALUES[f][random.nextInt(VALUES[f].length)];
        String b = VALUES[f][random.nextInt(VALUES[f].length)];
        filters.put(
            FIELDS[f],
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(FIELDS[f], a)), Occur.SHOULD)
                .add(new TermQuery(new Term(FIELDS[f], b)), Occur.SHOULD)
                .build());
        allowed.put(f, new java.util.HashSet<>(List.of(a, b)));
      }
    }
    // Random facets: color and size sometimes, family (often filtered) sometimes.
    List<Facets.Facet> facets = new ArrayList<>();
    for (int f = 0; f < FIELDS.length; f++) {
      if (random.nextInt(3) > 0) {
        facets.add(new Facets.Facet(FIELDS[f], FIELDS[f], Facets.Kind.TERMS, FIELDS[f]));
      }
    }
    if (facets.isEmpty()) {
      facets.add(new Facets.Facet("color", "color", Facets.Kind.TERMS, "color"));
    }
    boolean withText = random.nextBoolean();
    Query base = withText ? new TermQuery(new Term("text", "yes")) : new MatchAllDocsQuery();

    var outcome =
        new FacetedPass(searcher, base, filters, facets)
            .run(
                new TopFieldCollectorManager(
                    new Sort(new SortField("id", SortField.Type.LONG)),
                    10,
                    null,
                    Integer.MAX_VALUE));

    Predicate<Product> baseMatch = p -> !withText || p.text();
    List<Integer> expectedMatches =
        products.stream()
            .filter(baseMatch)
            .filter(p -> passes(p, allowed, -1))
            .map(Product::id)
            .toList();
    List<Integer> page = new ArrayList<>();
    for (ScoreDoc doc : outcome.page().scoreDocs) {
      page.add(((Long) ((FieldDoc) doc).fields[0]).intValue());
    }
    String context = "filters " + allowed + ", facets " + facets + ", text " + withText;
    assertEquals(expectedMatches.subList(0, Math.min(10, expectedMatches.size())), page, context);
    assertEquals(expectedMatches.size(), outcome.count(), context);
    for (Facets.Facet facet : facets) {
      int f = List.of(FIELDS).indexOf(facet.field());
      Map<String, Integer> expected = new HashMap<>();
      products.stream()
          .filter(baseMatch)
          .filter(p -> passes(p, allowed, f))
          .forEach(p -> expected.merge(p.values()[f], 1, Integer::sum));
      assertEquals(expected, outcome.counters().get(facet).terms, facet.name() + ": " + context);
    }
  }

  /** Whether the product passes every filter but the one on field {@code except}. */
  private static boolean passes(Product p, Map<Integer, Set<String>> allowed, int except) {
    return allowed.entrySet().stream()
        .allMatch(e -> e.getKey() == except || e.getValue().contains(p.values()[e.getKey()]));
  }
}
