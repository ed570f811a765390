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
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
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

  private volatile CategoryCache categories;

  private record CategoryCache(long generation, Map<String, String> parents) {}

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

  /** Up to limit + 1 hits (the extra one says there is a next page), the count and facets. */
  public record Result(List<Hit> hits, Long count, JsonObject facets) {}

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
    Query fullText = null;
    if (q != null) {
      var locales =
          request.locale() != null
              ? List.of(request.locale())
              : List.copyOf(schema.activeLocales());
      fullText = FullText.query(q, locales, indexer.analyzers);
    }
    SortOrder order =
        SortOrder.parse(
            request.sort(), q != null, schema, request.locale(), request.scope(), violations);
    List<Facets.Facet> facets =
        Facets.parse(request.facets(), schema, request.locale(), request.scope(), violations);
    violations.throwIfAny();
    String queryKey = queryKey(request, order);
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    filters.values().forEach(f -> builder.add(f, Occur.FILTER));
    if (fullText != null) {
      builder.add(fullText, Occur.MUST);
    }
    if (filters.isEmpty() && fullText == null) {
      builder.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    Query query = builder.build();

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
      var manager =
          new TopFieldCollectorManager(
              order.sort(), request.limit() + 1, after, request.limit() + 1);
      TopFieldDocs top = searcher.search(query, manager);
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        FieldDoc field = (FieldDoc) doc;
        long id = Hits.id(searcher, doc.doc);
        hits.add(new Hit(id, order.cursor(field, id, queryKey)));
      }
      Long count = request.withCount() ? (long) searcher.count(query) : null;
      JsonObject facetCounts =
          facets.isEmpty()
              ? null
              : Facets.count(
                  searcher,
                  facets,
                  filters,
                  fullText,
                  new CategoryTree(
                      categoryParents(schema), channel == null ? null : channel.categoryTree()));
      return new Result(hits, count, facetCounts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private Map<String, String> categoryParents(CatalogSnapshot schema) {
    CategoryCache cache = categories;
    if (cache == null || cache.generation() != schema.generation()) {
      cache = new CategoryCache(schema.generation(), terms.categoryParents());
      categories = cache;
    }
    return cache.parents();
  }
}
