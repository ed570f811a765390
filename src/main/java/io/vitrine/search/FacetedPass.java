package io.vitrine.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;

/**
 * A page, its count and its facets in one pass over the index, drill-sideways included.
 *
 * <p>The filters on faceted fields ("sideways" filters) are not all required: the pass visits the
 * products that match the text and the other filters and fail at most one sideways filter. A
 * product that fails none is a match (page, count, facets of unfiltered fields); a product that
 * fails exactly one counts only for the facets of that filter's field, which must count as if their
 * own filter were off. Lucene's own DrillSideways works the same way; ours counts with {@link
 * Facets} from doc values, without a side index.
 */
final class FacetedPass {

  /** The page, the number of matches and each facet's counter. */
  record Outcome(TopFieldDocs page, long count, Map<Facets.Facet, Facets.Counter> counters) {}

  private final IndexSearcher searcher;
  private final List<Facets.Facet> facets;
  private final List<String> sideways = new ArrayList<>();
  private final List<Weight> sidewaysWeights = new ArrayList<>();
  private final Query query;

  /**
   * {@code base} is the text query or, without text, a match-all; {@code filters} are by field, and
   * {@code facets} say which of them are sideways.
   */
  FacetedPass(
      IndexSearcher searcher, Query base, Map<String, Query> filters, List<Facets.Facet> facets)
      throws IOException {
    this.searcher = searcher;
    this.facets = facets;
    BooleanQuery.Builder builder = new BooleanQuery.Builder().add(base, Occur.MUST);
    BooleanQuery.Builder atMostOneFails = new BooleanQuery.Builder();
    for (var filter : filters.entrySet()) {
      boolean faceted = facets.stream().anyMatch(f -> f.filter().equals(filter.getKey()));
      if (faceted) {
        sideways.add(filter.getKey());
        sidewaysWeights.add(
            searcher.createWeight(
                searcher.rewrite(filter.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f));
        atMostOneFails.add(filter.getValue(), Occur.SHOULD);
      } else {
        builder.add(filter.getValue(), Occur.FILTER);
      }
    }
    // With one sideways filter, every product may fail it: nothing to require.
    if (sideways.size() > 1) {
      builder.add(
          atMostOneFails.setMinimumNumberShouldMatch(sideways.size() - 1).build(), Occur.FILTER);
    }
    this.query = builder.build();
  }

  Outcome run(TopFieldCollectorManager page) throws IOException {
    return searcher.search(
        query,
        new CollectorManager<PassCollector, Outcome>() {
          @Override
          public PassCollector newCollector() throws IOException {
            return new PassCollector(page.newCollector());
          }

          @Override
          public Outcome reduce(Collection<PassCollector> collectors) throws IOException {
            List<TopFieldCollector> pages = new ArrayList<>();
            long count = 0;
            Map<Facets.Facet, Facets.Counter> counters = new HashMap<>();
            for (PassCollector collector : collectors) {
              pages.add(collector.page);
              count += collector.count;
              for (Facets.Collector group : collector.groups.values()) {
                for (int i = 0; i < group.facets.size(); i++) {
                  counters.merge(group.facets.get(i), group.counters[i], Facets.Counter::merge);
                }
              }
            }
            return new Outcome(page.reduce(pages), count, counters);
          }
        });
  }

  /** Sends each visited product to the page and facets it belongs to. */
  private final class PassCollector implements Collector {
    final TopFieldCollector page;
    long count;

    /** The facets counted over the matches (key null), and those of each sideways filter. */
    final Map<String, Facets.Collector> groups = new LinkedHashMap<>();

    PassCollector(TopFieldCollector page) {
      this.page = page;
      Map<String, List<Facets.Facet>> byGroup = new LinkedHashMap<>();
      for (Facets.Facet facet : facets) {
        String group = sideways.contains(facet.filter()) ? facet.filter() : null;
        byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(facet);
      }
      byGroup.forEach((group, members) -> groups.put(group, new Facets.Collector(members)));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector pageLeaf = page.getLeafCollector(context);
      Facets.Collector matches = groups.get(null);
      LeafCollector matchesLeaf = matches == null ? null : matches.getLeafCollector(context);
      LeafCollector[] sidewaysLeaves = new LeafCollector[sideways.size()];
      DocIdSetIterator[] passes = new DocIdSetIterator[sideways.size()];
      for (int i = 0; i < sideways.size(); i++) {
        sidewaysLeaves[i] = groups.get(sideways.get(i)).getLeafCollector(context);
        Scorer scorer = sidewaysWeights.get(i).scorer(context);
        passes[i] = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          pageLeaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          int failed = -1;
          for (int i = 0; i < passes.length; i++) {
            DocIdSetIterator pass = passes[i];
            if (pass.docID() < doc) {
              pass.advance(doc);
            }
            if (pass.docID() != doc) {
              if (failed >= 0) {
                return; // cannot happen: the query requires all sideways filters but one
              }
              failed = i;
            }
          }
          if (failed >= 0) {
            sidewaysLeaves[failed].collect(doc);
            return;
          }
          count++;
          pageLeaf.collect(doc);
          if (matchesLeaf != null) {
            matchesLeaf.collect(doc);
          }
          for (LeafCollector leaf : sidewaysLeaves) {
            leaf.collect(doc);
          }
        }

        @Override
        public void finish() throws IOException {
          pageLeaf.finish();
          if (matchesLeaf != null) {
            matchesLeaf.finish();
          }
          for (LeafCollector leaf : sidewaysLeaves) {
            leaf.finish();
          }
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return page.scoreMode();
    }
  }
}
