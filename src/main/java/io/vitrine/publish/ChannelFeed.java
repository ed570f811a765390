package io.vitrine.publish;

import io.vitrine.asset.AssetUrls;
import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.CatalogTerms;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Eligibility;
import io.vitrine.events.ChangeEvent;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Digests;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import io.vitrine.product.AssociationRows;
import io.vitrine.product.ProductDocuments;
import io.vitrine.product.Products;
import io.vitrine.search.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A channel's products for a storefront that keeps a copy: the full pull, a page at a time in id
 * order from the index (DESIGN decision 6), then the changes since, read from the change events, as
 * upserts and tombstones. A reader that applies the pages in order holds exactly the products the
 * channel publishes.
 */
@ApplicationScoped
public class ChannelFeed {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  private static final int EVENTS_PER_READ = 1000;

  @Inject Catalog catalog;
  @Inject CatalogTerms terms;
  @Inject ProductSearch search;
  @Inject ChangeEventLog events;
  @Inject ProductDocuments documents;
  @Inject AssociationRows associations;
  @Inject Products products;
  @Inject ChannelEligibility eligibility;
  @Inject AssetUrls assetUrls;

  /** A page of the full pull; {@code next} goes on with it, or to the changes after the last. */
  public record ProductsPage(List<JsonObject> products, FeedCursor next) {}

  /** A product to add or replace ({@code product} set), or an identifier to remove and why. */
  public record Change(String identifier, JsonObject product, String reason) {

    public JsonObject toJson() {
      return product != null
          ? Jsonp.objectBuilder()
              .add("action", "upsert")
              .add("identifier", identifier)
              .add("product", product)
              .build()
          : Jsonp.objectBuilder()
              .add("action", "delete")
              .add("identifier", identifier)
              .add("reason", reason)
              .build();
    }
  }

  /** A page of changes; {@code next} always continues after it, even when it is empty. */
  public record ChangesPage(List<Change> changes, FeedCursor.Changes next) {}

  public Channel channel(String code) {
    Channel channel = catalog.current().channels().get(code);
    if (channel == null) {
      throw new ProblemException(Problem.notFound("channel", code));
    }
    return channel;
  }

  public CatalogSnapshot schema() {
    return catalog.current();
  }

  /** The last committed event: a feed page's answer stays the same as long as this does. */
  public long head() {
    return events.lastSeq();
  }

  /**
   * What the channel's products read like depends on: its locales, currencies, tree, units and
   * eligibility rule (not its labels), as 16 hex digits. A cursor made under another key is stale.
   */
  public static String publishingKey(Channel channel) {
    Eligibility rule = channel.eligibility();
    String definition =
        String.join(
            "\n",
            channel.code(),
            String.join(",", channel.locales()),
            String.join(",", channel.currencies()),
            String.valueOf(channel.categoryTree()),
            new TreeMap<>(channel.conversionUnits()).toString(),
            rule.enabledOnly()
                + " "
                + rule.inTreeOnly()
                + " "
                + rule.minCompleteness()
                + " "
                + rule.minQualityGrade()
                + " "
                + rule.allLocales());
    return Digests.sha256(definition, 8);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProductsPage products(Channel channel, FeedCursor.Products cursor, int limit) {
    String key = publishingKey(channel);
    if (cursor != null && !cursor.publishingKey().equals(key)) {
      throw reset(channel);
    }
    long committed = search.awaitCommitted();
    long from = cursor == null ? committed : cursor.from();
    String rule = EligibilitySearch.of(channel);
    List<Long> ids = search.walk(rule, cursor == null ? 0 : cursor.after(), limit + 1);
    boolean more = ids.size() > limit;
    List<Long> shown = more ? ids.subList(0, limit) : ids;
    FeedCursor next =
        more
            ? new FeedCursor.Products(from, shown.get(shown.size() - 1), key)
            : new FeedCursor.Changes(from, null, key);
    return new ProductsPage(resolved(channel, shown), next);
  }

  /**
   * The products of {@code ids}, in that order, as {@code channel} publishes them. One deleted
   * since the index read it is left out: its event comes later.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<JsonObject> resolved(Channel channel, List<Long> ids) {
    Map<Long, JsonObject> found = documents.withModels(ids);
    List<JsonObject> page = ids.stream().map(found::get).filter(Objects::nonNull).toList();
    return resolve(channel, page, EligibilitySearch.of(channel));
  }

  /**
   * The changes after {@code cursor}: the products that changed, with their state now (an upsert
   * when the channel publishes it, a tombstone when not), and the identifiers deleted or renamed,
   * in the order of their last change.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ChangesPage changes(Channel channel, FeedCursor.Changes cursor, int limit) {
    if (!cursor.publishingKey().equals(publishingKey(channel))) {
      throw reset(channel);
    }
    long head = search.awaitCommitted();
    if (cursor.seq() > head) {
      new Violations()
          .add(
              "since",
              "is ahead of this server's changes (its last is event "
                  + head
                  + "): a cursor of another server?")
          .throwIfAny();
    }
    ChangedProducts changed = new ChangedProducts();
    Map<String, List<Long>> below = new HashMap<>();
    long done = cursor.seq();
    // A page reads a bounded number of events, so that every page costs about the same even
    // when most events touch the same few products.
    long lastToRead = Math.min(head, done + Math.max(EVENTS_PER_READ, 10L * limit));
    Long partial = null;
    reading:
    while (done < lastToRead) {
      List<ChangeEvent> batch = events.since(done, EVENTS_PER_READ);
      if (batch.isEmpty()) {
        break;
      }
      Map<Long, AssociationRows.Linkers> linkers =
          associations.linkingTo(
              batch.stream()
                  .filter(e -> e.entityType().equals("product") && e.entityId() != null)
                  .map(ChangeEvent::entityId)
                  .collect(Collectors.toSet()));
      for (ChangeEvent event : batch) {
        if (event.seq() > lastToRead || changed.size() >= limit) {
          break reading;
        }
        switch (event.entityType()) {
          case "product" -> {
            // The products linking to it read differently too: their associations keep only
            // published products, under their current identifiers.
            List<Long> also = linking(linkers.get(event.entityId()), below);
            long added =
                also.stream().distinct().filter(id -> !changed.has(id)).count()
                    + (changed.has(event.entityId()) ? 0 : 1);
            if (changed.size() > 0 && changed.size() + added > limit) {
              break reading;
            }
            changed.product(event);
            also.forEach(changed::product);
          }
          case "category", "attribute_option", "measurement_family", "asset", "asset_family" -> {
            long after =
                cursor.partial() != null && event.seq() == cursor.seq() + 1 ? cursor.partial() : 0;
            int room = limit - changed.size();
            // An asset's new bytes, or a family's new renditions, change the addresses products
            // show; the database knows who shows them, the index does not.
            List<Long> reached =
                event.entityType().startsWith("asset")
                    ? assetUrls.holders(event.entityType(), event.entityCode(), after, room + 1)
                    : search.reachedBy(event.entityType(), event.entityCode(), after, room + 1);
            if (reached.size() > room) {
              reached.subList(0, room).forEach(changed::product);
              partial = reached.get(room - 1);
              break reading;
            }
            reached.forEach(changed::product);
          }
          default -> {
            // The rest does not change how a product reads on a channel, reaches products through
            // their own events (a family's requirements recompute their completeness), or changes
            // the channel's publishing key (checked above).
          }
        }
        done = event.seq();
      }
    }
    return new ChangesPage(
        changed.resolve(channel), new FeedCursor.Changes(done, partial, cursor.publishingKey()));
  }

  /** One published product, resolved; a 404 that says why when the channel does not publish it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public JsonObject product(Channel channel, String identifier) {
    Verdict verdict = eligibility.judge(channel.code(), identifier);
    if (!verdict.eligible()) {
      List<String> reasons =
          verdict.checks().stream().filter(c -> !c.passed()).map(Verdict.Check::reason).toList();
      throw new ProblemException(
          Problem.of(
              "not-published",
              "Not published on this channel",
              404,
              "The channel "
                  + channel.code()
                  + " does not publish '"
                  + verdict.product()
                  + "'. "
                  + String.join(" ", reasons)));
    }
    search.awaitCommitted();
    long id = products.get(identifier).id();
    JsonObject document = documents.withModels(List.of(id)).get(id);
    return resolve(channel, List.of(document), EligibilitySearch.of(channel)).get(0);
  }

  /**
   * The products of {@code linkers}: product owners, and the products below model owners (read once
   * a page into {@code below}).
   */
  private List<Long> linking(AssociationRows.Linkers linkers, Map<String, List<Long>> below) {
    if (linkers == null) {
      return List.of();
    }
    List<Long> products = new ArrayList<>(new TreeSet<>(linkers.products()));
    for (String model : new TreeSet<>(linkers.models())) {
      products.addAll(below.computeIfAbsent(model, this::allBelow));
    }
    return products;
  }

  private List<Long> allBelow(String model) {
    List<Long> all = new ArrayList<>();
    List<Long> page;
    do {
      page = search.below(model, all.isEmpty() ? 0 : all.get(all.size() - 1), EVENTS_PER_READ);
      all.addAll(page);
    } while (page.size() == EVENTS_PER_READ);
    return all;
  }

  private static ProblemException reset(Channel channel) {
    return new ProblemException(
        Problem.of(
                "feed-reset",
                "The channel publishes differently",
                410,
                "The channel "
                    + channel.code()
                    + " changed how it publishes (its locales, currencies, tree, units or"
                    + " eligibility rule) after this cursor, so any of its products may now read"
                    + " differently or enter or leave it. Pull the feed again from its first page.")
            .with(Jsonp.objectBuilder().add("channel", channel.code())));
  }

  /** {@code page} (documents with their models) as {@code channel} publishes them. */
  private List<JsonObject> resolve(Channel channel, List<JsonObject> page, String rule) {
    var schema = catalog.current();
    ChannelView view = new ChannelView(schema, channel);
    Map<String, Map<String, Map<String, String>>> labels = new HashMap<>();
    view.options(page)
        .forEach((attribute, codes) -> labels.put(attribute, terms.optionLabels(attribute, codes)));
    var lookups =
        new ChannelView.Lookups(
            labels,
            terms.categoryParents(schema.generation()),
            search.matchingIdentifiers(rule, ChannelView.linked(page, "products")),
            search.modelsWithMatch(rule, ChannelView.linked(page, "product_models")),
            assetUrls.forChannel(view.assets(page), channel.code()));
    return page.stream().map(d -> view.resolve(d, lookups)).toList();
  }

  /**
   * The products and identifiers a page of events touched, each at the place of its last touch: so
   * a rename's tombstone for the old identifier comes before the product's upsert, and a deleted
   * identifier taken again by a new product is deleted before it is added back.
   */
  private final class ChangedProducts {
    /**
     * "p<id>" for a product (with the identifier its last event gave), "d<identifier>" for a gone
     * one.
     */
    private final Map<String, Change> touched = new LinkedHashMap<>();

    private final Map<Long, String> identifiers = new HashMap<>();

    int size() {
      return touched.size();
    }

    boolean has(Long id) {
      return id != null && touched.containsKey("p" + id);
    }

    void product(ChangeEvent event) {
      switch (event.action()) {
        case "deleted", "renamed" -> {
          Long id = event.entityId();
          if (event.action().equals("deleted") && id != null) {
            touched.remove("p" + id);
          }
          touch("d" + event.entityCode(), new Change(event.entityCode(), null, event.action()));
        }
        default -> {
          identifiers.put(event.entityId(), event.entityCode());
          touch("p" + event.entityId(), null);
        }
      }
    }

    void product(long id) {
      touch("p" + id, null);
    }

    private void touch(String key, Change change) {
      touched.remove(key);
      touched.put(key, change);
    }

    List<Change> resolve(Channel channel) {
      List<Long> ids = new ArrayList<>();
      touched.forEach(
          (key, change) -> {
            if (change == null) {
              ids.add(Long.parseLong(key.substring(1)));
            }
          });
      String rule = EligibilitySearch.of(channel);
      Map<Long, JsonObject> found = documents.withModels(ids);
      Set<Long> published = search.matching(rule, ids);
      List<JsonObject> upserts = new ArrayList<>();
      for (Long id : ids) {
        if (found.containsKey(id) && published.contains(id)) {
          upserts.add(found.get(id));
        }
      }
      Map<String, JsonObject> resolved = new HashMap<>();
      ChannelFeed.this
          .resolve(channel, upserts, rule)
          .forEach(p -> resolved.put(p.getString("identifier"), p));
      List<Change> changes = new ArrayList<>(touched.size());
      touched.forEach(
          (key, change) -> {
            if (change != null) {
              changes.add(change);
              return;
            }
            long id = Long.parseLong(key.substring(1));
            JsonObject document = found.get(id);
            if (document == null) {
              String identifier = identifiers.get(id);
              if (identifier != null) {
                changes.add(new Change(identifier, null, "deleted"));
              }
            } else if (published.contains(id)) {
              String identifier = document.getString("identifier");
              changes.add(new Change(identifier, resolved.get(identifier), null));
            } else {
              boolean disabled =
                  !document.getBoolean("enabled", true) && channel.eligibility().enabledOnly();
              changes.add(
                  new Change(
                      document.getString("identifier"),
                      null,
                      disabled ? "disabled" : "not_eligible"));
            }
          });
      return changes;
    }
  }
}
