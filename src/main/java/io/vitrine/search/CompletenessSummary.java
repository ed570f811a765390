package io.vitrine.search;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.Channel;
import io.vitrine.platform.json.Jsonp;
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
 * The completeness dashboard, counted from the index's doc values in one pass over the products:
 * per channel × locale, how many products are complete, per family too, and which attributes most
 * often keep products incomplete. The index has already applied every change committed before the
 * request, as for searches.
 */
@ApplicationScoped
public class CompletenessSummary {

  static final int MOST_MISSING = 10;

  @Inject Indexer indexer;
  @Inject ProductSearch search;
  @Inject Catalog catalog;

  private static final class Counts {
    long complete;
    long incomplete;
  }

  private static final class Slot {
    final String channel;
    final String locale;
    final Counts all = new Counts();
    final Map<String, Counts> families = new TreeMap<>();
    final Map<String, Long> missing = new TreeMap<>();

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
      slot.missing.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(MOST_MISSING)
          .forEach(
              e ->
                  missing.add(
                      Jsonp.objectBuilder()
                          .add("attribute", e.getKey())
                          .add("products", e.getValue())));
      json.add(
          counts(slot.all)
              .add("scope", slot.channel)
              .add("locale", slot.locale)
              .add("families", families)
              .add("most_missing", missing));
    }
    return Jsonp.objectBuilder().add("items", json).build();
  }

  private static jakarta.json.JsonObjectBuilder counts(Counts counts) {
    return Jsonp.objectBuilder()
        .add("products", counts.complete + counts.incomplete)
        .add("complete", counts.complete)
        .add("incomplete", counts.incomplete);
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
      int familyCount = families == null ? 0 : (int) families.getValueCount();
      // Index familyCount stands for products without a family (they have no completeness anyway).
      long[] complete = new long[familyCount + 1];
      long[] incomplete = new long[familyCount + 1];
      long[] missingCounts = new long[missing == null ? 0 : (int) missing.getValueCount()];
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
        if (missing != null && missing.advanceExact(doc)) {
          for (int i = 0; i < missing.docValueCount(); i++) {
            missingCounts[(int) missing.nextOrd()]++;
          }
        }
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
      }
      for (int ord = 0; ord < missingCounts.length; ord++) {
        if (missingCounts[ord] > 0) {
          slot.missing.merge(missing.lookupOrd(ord).utf8ToString(), missingCounts[ord], Long::sum);
        }
      }
    }
  }
}
