package io.vitrine.search;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.CatalogTerms;
import io.vitrine.catalog.Channel;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Product lists answered from the index: filters, full text, facets, sort and cursor pages. Each
 * search first waits until the index has every event committed before it began, so a product saved
 * a moment ago is found and a list agrees with the database.
 */
@ApplicationScoped
public class ProductSearch {

  @Inject Indexer indexer;
  @Inject Catalog catalog;
  @Inject CatalogTerms terms;
  @Inject ChangeEventLog events;

  @Inject
  @ConfigProperty(name = "vitrine.search.wait-ms", defaultValue = "5000")
  long waitMs;

  /** What a list request asks for, as given. */
  public record Request(
      String search,
      String q,
      String locale,
      String scope,
      String sort,
      String facets,
      int limit,
      String after,
      boolean withCount) {}

  /** A product of the page and the cursor that starts after it. */
  public record Hit(long id, String cursor) {}

  /**
   * Up to limit + 1 hits (the extra one says there is a next page), the count and facets, and the
   * time spent waiting for the index to catch up and then searching it.
   */
  public record Result(
      List<Hit> hits, Long count, JsonObject facets, long waitNanos, long searchNanos) {}

  public Result search(Request request) {
    CatalogSnapshot schema = catalog.current();
    var violations = new Violations();
    if (request.locale() != null && !schema.locales().contains(request.locale())) {
      violations.add("locale", "there is no locale '" + request.locale() + "'.");
    }
    Channel channel = null;
    if (request.scope() != null) {
      channel = schema.channels().get(request.scope());
      if (channel == null) {
        violations.add("scope", "there is no channel '" + request.scope() + "'.");
      }
    }
    violations.throwIfAny();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Query> filters =
        Filters.parse(
            request.search(), schema, request.locale(), request.scope(), today, violations);
    String q = request.q() == null || request.q().isBlank() ? null : request.q();
    List<String> textLocales =
        request.locale() != null ? List.of(request.locale()) : List.copyOf(schema.activeLocales());
    SortOrder order =
        SortOrder.parse(
            request.sort(), q != null, schema, request.locale(), request.scope(), violations);
    List<Facets.Facet> facets =
        Facets.parse(request.facets(), schema, request.locale(), request.scope(), violations);
    violations.throwIfAny();
    String queryKey = queryKey(request, order);

    long waitStart = System.nanoTime();
    awaitCommitted();
    long searchStart = System.nanoTime();
    try (Indexer.Lease lease = indexer.lease()) {
      IndexSearcher searcher = lease.searcher();
      FieldDoc after = null;
      if (request.after() != null) {
        after =
            order.after(request.after(), queryKey, (id, field) -> Hits.text(searcher, id, field));
        if (after == null) {
          violations.add("search_after", "is not a cursor of this query and sort.");
          violations.throwIfAny();
        }
      }
      // Typos are tolerated only for words the index lacks, so the query depends on the index.
      Query base =
          q == null
              ? new MatchAllDocsQuery()
              : FullText.query(q, textLocales, indexer.analyzers, searcher.getIndexReader());
      TopFieldDocs top;
      Long count = null;
      JsonObject facetCounts = null;
      if (facets.isEmpty()) {
        // Without facets the page may stop early, and Lucene often knows a count from statistics.
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(base, Occur.MUST);
        filters.values().forEach(f -> builder.add(f, Occur.FILTER));
        Query query = builder.build();
        top =
            searcher.search(
                query,
                new TopFieldCollectorManager(
                    order.sort(), request.limit() + 1, after, request.limit() + 1));
        if (request.withCount()) {
          count = (long) searcher.count(query);
        }
      } else {
        var pass =
            new FacetedPass(searcher, base, filters, facets)
                .run(
                    new TopFieldCollectorManager(
                        order.sort(), request.limit() + 1, after, Integer.MAX_VALUE));
        top = pass.page();
        count = request.withCount() ? pass.count() : null;
        facetCounts =
            Facets.json(
                facets,
                pass.counters(),
                new CategoryTree(
                    terms.categoryParents(schema.generation()),
                    channel == null ? null : channel.categoryTree()));
      }
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        FieldDoc field = (FieldDoc) doc;
        long id = Hits.id(searcher, doc.doc);
        hits.add(new Hit(id, order.cursor(field, id, queryKey)));
      }
      return new Result(
          hits, count, facetCounts, searchStart - waitStart, System.nanoTime() - searchStart);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Up to {@code limit} ids of products matching {@code search} (the list grammar) with an id above
   * {@code afterId}, by id: a walk through a whole catalog where every step costs the same, since
   * the index is sorted by id. Call {@link #awaitCommitted} first for an answer as of now.
   */
  public List<Long> walk(String search, long afterId, int limit) {
    return walk(filter(search), afterId, limit);
  }

  private List<Long> walk(Query filter, long afterId, int limit) {
    Query query =
        new BooleanQuery.Builder()
            .add(filter, Occur.FILTER)
            .add(
                new IndexSortSortedNumericDocValuesRangeQuery(
                    SearchFields.ID,
                    afterId + 1,
                    Long.MAX_VALUE,
                    NumericDocValuesField.newSlowRangeQuery(
                        SearchFields.ID, afterId + 1, Long.MAX_VALUE)),
                Occur.FILTER)
            .build();
    try (Indexer.Lease lease = indexer.lease()) {
      TopFieldDocs top =
          lease
              .searcher()
              .search(
                  query,
                  new TopFieldCollectorManager(
                      new Sort(new SortField(SearchFields.ID, SortField.Type.LONG)),
                      limit,
                      null,
                      limit));
      List<Long> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc doc : top.scoreDocs) {
        ids.add((Long) ((FieldDoc) doc).fields[0]);
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many products match {@code search} (the list grammar). */
  public long count(String search) {
    try (Indexer.Lease lease = indexer.lease()) {
      return lease.searcher().count(filter(search));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Those of {@code ids} whose products match {@code search}. */
  public Set<Long> matching(String search, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Query query =
        new BooleanQuery.Builder()
            .add(filter(search), Occur.FILTER)
            .add(
                new TermInSetQuery(
                    SearchFields.ID, ids.stream().map(id -> new BytesRef(id.toString())).toList()),
                Occur.FILTER)
            .build();
    try (Indexer.Lease lease = indexer.lease()) {
      return new HashSet<>(Hits.ids(lease.searcher(), query));
    }
  }

  /** Those of {@code identifiers} whose products match {@code search}. */
  public Set<String> matchingIdentifiers(String search, Collection<String> identifiers) {
    if (identifiers.isEmpty()) {
      return Set.of();
    }
    Map<String, String> byKeyword = new HashMap<>();
    identifiers.forEach(i -> byKeyword.put(ValueForms.keyword(i), i));
    Query query =
        new BooleanQuery.Builder()
            .add(filter(search), Occur.FILTER)
            .add(
                new TermInSetQuery(
                    SearchFields.IDENTIFIER,
                    byKeyword.keySet().stream().map(BytesRef::new).toList()),
                Occur.FILTER)
            .build();
    Set<String> found = new HashSet<>();
    try (Indexer.Lease lease = indexer.lease()) {
      for (String keyword : Hits.keywords(lease.searcher(), query, SearchFields.IDENTIFIER)) {
        found.add(byKeyword.get(keyword));
      }
    }
    return found;
  }

  /** Those of {@code models} with at least one product below them that matches {@code search}. */
  public Set<String> modelsWithMatch(String search, Collection<String> models) {
    Set<String> found = new HashSet<>();
    if (models.isEmpty()) {
      return found;
    }
    Query filter = filter(search);
    try (Indexer.Lease lease = indexer.lease()) {
      for (String model : models) {
        Query below =
            new BooleanQuery.Builder()
                .add(filter, Occur.FILTER)
                .add(
                    new TermQuery(new Term(SearchFields.MODELS, ValueForms.keyword(model))),
                    Occur.FILTER)
                .build();
        if (lease.searcher().count(below) > 0) {
          found.add(model);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * Up to {@code limit} ids above {@code afterId}, by id, of the products a change to a catalog
   * entity reaches (see {@link ReachedProducts}); none for a change that reaches no product.
   */
  public List<Long> reachedBy(String entityType, String code, long afterId, int limit) {
    Query reached = ReachedProducts.of(entityType, code, catalog.current());
    if (reached == null) {
      return List.of();
    }
    return walk(reached, afterId, limit);
  }

  /**
   * Up to {@code limit} ids above {@code afterId}, by id, of the products below model {@code code}.
   */
  public List<Long> below(String model, long afterId, int limit) {
    return walk(
        new TermQuery(new Term(SearchFields.MODELS, ValueForms.keyword(model))), afterId, limit);
  }

  private Query filter(String search) {
    var violations = new Violations();
    Map<String, Query> filters =
        Filters.parse(
            search, catalog.current(), null, null, LocalDate.now(ZoneOffset.UTC), violations);
    violations.throwIfAny();
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
    filters.values().forEach(f -> all.add(f, Occur.FILTER));
    return all.build();
  }

  /**
   * Waits until the index has applied every change committed before now, so what it answers agrees
   * with the database; a 503 after {@code vitrine.search.wait-ms}. Gives the last event it waited
   * for.
   */
  public long awaitCommitted() {
    long committed = events.lastSeq();
    if (!indexer.awaitApplied(committed, waitMs)) {
      throw new ProblemException(
          Problem.of(
              "search-unavailable",
              "Search is catching up",
              503,
              "The search index has not yet applied every change committed before this request"
                  + " (it is at event "
                  + indexer.status().appliedSeq()
                  + " of "
                  + committed
                  + "). Retry in a moment."));
    }
    return committed;
  }

  /** What a cursor must come back with: the same filters, text, locale, scope and sort. */
  private static String queryKey(Request request, SortOrder order) {
    String all =
        String.join(
            "\u0000",
            String.valueOf(request.search()),
            String.valueOf(request.q()),
            String.valueOf(request.locale()),
            String.valueOf(request.scope()),
            order.name());
    return Integer.toHexString(all.hashCode());
  }
}
