package io.vitrine.search;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.Channel;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.quality.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The completeness and data quality dashboard, counted from the index's doc values in one pass over
 * the products: per channel × locale, how many products are complete and how many have each grade,
 * per family too, which attributes most often keep products incomplete and which problems are the
 * most frequent. The index has already applied every change committed before the request, as for
 * searches.
 */
@ApplicationScoped
public class CompletenessSummary {

  static final int MOST_FREQUENT = 10;

  @Inject Indexer indexer;
  @Inject ProductSearch search;
  @Inject Catalog catalog;

  private static final class Counts {
    long complete;
    long incomplete;
    final long[] grades = new long[Grade.values().length];
  }

  private static final class Slot {
    final String channel;
    final String locale;
    final Counts all = new Counts();
    final Map<String, Counts> families = new TreeMap<>();
    final Map<String, Long> missing = new TreeMap<>();
    final Map<String, Long> issues = new TreeMap<>();

    Slot(String channel, String locale) {
      this.channel = channel;
      this.locale = locale;
    }
  }

  public JsonObject summary() {
    search.awaitCommitted();
    List<Slot> slots = new ArrayList<>();
    for (Channel channel : catalog.current().channels().values()) {
      for (String locale : channel.locales()) {
        slots.add(new Slot(channel.code(), locale));
      }
    }
    slots.sort(Comparator.comparing((Slot s) -> s.channel).thenComparing(s -> s.locale));
    try (Indexer.Lease lease = indexer.lease()) {
      for (LeafReaderContext leaf : lease.searcher().getIndexReader().leaves()) {
        count(leaf.reader(), slots);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonArrayBuilder json = Jsonp.arrayBuilder();
    for (Slot slot : slots) {
      JsonArrayBuilder families = Jsonp.arrayBuilder();
      slot.families.forEach((family, counts) -> families.add(counts(counts).add("family", family)));
      JsonArrayBuilder missing = Jsonp.arrayBuilder();
      mostFrequent(slot.missing)
          .forEach(
              e ->
                  missing.add(
                      Jsonp.objectBuilder()
                          .add("attribute", e.getKey())
                          .add("products", e.getValue())));
      JsonArrayBuilder issues = Jsonp.arrayBuilder();
      mostFrequent(slot.issues)
          .forEach(
              e -> {
                String[] ruleAndAttribute = e.getKey().split(" ", 2);
                issues.add(
                    Jsonp.objectBuilder()
                        .add("rule", ruleAndAttribute[0])
                        .add("attribute", ruleAndAttribute[1])
                        .add("products", e.getValue()));
              });
      json.add(
          counts(slot.all)
              .add("scope", slot.channel)
              .add("locale", slot.locale)
              .add("families", families)
              .add("most_missing", missing)
              .add("most_frequent_issues", issues));
    }
    return Jsonp.objectBuilder().add("items", json).build();
  }

  private static java.util.stream.Stream<Map.Entry<String, Long>> mostFrequent(
      Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(MOST_FREQUENT);
  }

  private static jakarta.json.JsonObjectBuilder counts(Counts counts) {
    var grades = Jsonp.objectBuilder();
    for (Grade grade : Grade.values()) {
      grades.add(grade.name(), counts.grades[grade.ordinal()]);
    }
    return Jsonp.objectBuilder()
        .add("products", counts.complete + counts.incomplete)
        .add("complete", counts.complete)
        .add("incomplete", counts.incomplete)
        .add("grades", grades);
  }

  /** Counts by ordinal within the segment, then turns ordinals into codes once. */
  private static void count(LeafReader reader, List<Slot> slots) throws IOException {
    Bits live = reader.getLiveDocs();
    for (Slot slot : slots) {
      NumericDocValues ratios =
          reader.getNumericDocValues(SearchFields.completeness(slot.channel, slot.locale));
      if (ratios == null) {
        continue;
      }
      SortedSetDocValues families = reader.getSortedSetDocValues(SearchFields.FAMILY);
      SortedSetDocValues missing =
          reader.getSortedSetDocValues(SearchFields.missing(slot.channel, slot.locale));
      NumericDocValues scores =
          reader.getNumericDocValues(SearchFields.quality(slot.channel, slot.locale));
      SortedSetDocValues issues =
          reader.getSortedSetDocValues(SearchFields.issues(slot.channel, slot.locale));
      int familyCount = families == null ? 0 : (int) families.getValueCount();
      // Index familyCount stands for products without a family (they have no completeness anyway).
      long[] complete = new long[familyCount + 1];
      long[] incomplete = new long[familyCount + 1];
      long[][] grades = new long[familyCount + 1][Grade.values().length];
      long[] missingCounts = ordinalCounts(missing);
      long[] issueCounts = ordinalCounts(issues);
      for (int doc = ratios.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = ratios.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        int family =
            families != null && families.advanceExact(doc) ? (int) families.nextOrd() : familyCount;
        if (ratios.longValue() == 100) {
          complete[family]++;
        } else {
          incomplete[family]++;
        }
        if (scores != null && scores.advanceExact(doc)) {
          grades[family][Grade.of((int) scores.longValue()).ordinal()]++;
        }
        countOrdinals(missing, doc, missingCounts);
        countOrdinals(issues, doc, issueCounts);
      }
      for (int ord = 0; ord <= familyCount; ord++) {
        if (complete[ord] + incomplete[ord] == 0) {
          continue;
        }
        String family = ord == familyCount ? "" : families.lookupOrd(ord).utf8ToString();
        Counts counts = slot.families.computeIfAbsent(family, f -> new Counts());
        counts.complete += complete[ord];
        counts.incomplete += incomplete[ord];
        slot.all.complete += complete[ord];
        slot.all.incomplete += incomplete[ord];
        for (int g = 0; g < grades[ord].length; g++) {
          counts.grades[g] += grades[ord][g];
          slot.all.grades[g] += grades[ord][g];
        }
      }
      merge(missing, missingCounts, slot.missing);
      merge(issues, issueCounts, slot.issues);
    }
  }

  private static long[] ordinalCounts(SortedSetDocValues values) {
    return new long[values == null ? 0 : (int) values.getValueCount()];
  }

  private static void countOrdinals(SortedSetDocValues values, int doc, long[] counts)
      throws IOException {
    if (values != null && values.advanceExact(doc)) {
      for (int i = 0; i < values.docValueCount(); i++) {
        counts[(int) values.nextOrd()]++;
      }
    }
  }

  private static void merge(SortedSetDocValues values, long[] counts, Map<String, Long> into)
      throws IOException {
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        into.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
      }
    }
  }
}
