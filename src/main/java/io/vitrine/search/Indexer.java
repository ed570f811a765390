package io.vitrine.search;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.CatalogTerms;
import io.vitrine.completeness.CompletenessStore;
import io.vitrine.events.ChangeEvent;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.events.ChangesAppended;
import io.vitrine.platform.BackgroundThread;
import io.vitrine.product.IndexableProducts;
import io.vitrine.product.IndexableProducts.Indexable;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.AlreadyClosedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one writer of the search index. It applies the change events in sequence order: a product's
 * event re-reads the product (with what it inherits) and replaces its document; a catalog event
 * that changes what documents hold (a category moved, an option relabelled, an attribute or a
 * measurement family changed) re-reads the products it touches. After each batch, searchers see the
 * new documents; every second or so, a commit records the sequence reached, from which a restart
 * replays. A rebuild fills a new directory beside the live one, catches up, and is swapped in by
 * this thread, so searches never see a half-built index.
 */
@ApplicationScoped
public class Indexer {

  private static final Logger LOG = Logger.getLogger(Indexer.class.getName());
  private static final int EVENTS_PER_BATCH = 500;
  private static final int PRODUCTS_PER_READ = 1000;
  private static final long COMMIT_EVERY_MS = 1000;
  private static final long IDLE_POLL_MS = 500;

  @Inject ChangeEventLog events;
  @Inject IndexableProducts products;
  @Inject CompletenessStore completeness;
  @Inject CatalogTerms terms;
  @Inject Catalog catalog;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "vitrine.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "vitrine.search.rebuild", defaultValue = "false")
  boolean rebuildAtStart;

  final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final BackgroundThread worker = new BackgroundThread("vitrine-indexer");
  private volatile LiveIndex live;
  private volatile Rebuild rebuild;
  private volatile LiveIndex rebuilt;
  private volatile String failure;

  /** Progress of a rebuild, for the status endpoint. */
  public record RebuildProgress(Instant started, long indexed, boolean catchingUp) {}

  /** What the status endpoint and the readiness check show. */
  public record Status(
      boolean open,
      long appliedSeq,
      long lastSeq,
      int documents,
      RebuildProgress rebuild,
      String failure) {

    public long lag() {
      return open ? Math.max(0, lastSeq - appliedSeq) : lastSeq;
    }
  }

  /** Creates the indexer's thread: see {@link BackgroundThread#prepare} for when. */
  public void prepare() {
    worker.prepare(threads, this::run);
  }

  /** Starts indexing; the database must be migrated. */
  public void start() {
    prepare();
    worker.start();
  }

  @PreDestroy
  void stop() {
    worker.stop();
  }

  void onChanges(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangesAppended appended) {
    worker.wake();
  }

  /**
   * Waits until searchers see every event up to {@code seq}; false when {@code timeoutMs} passed
   * first.
   */
  public boolean awaitApplied(long seq, long timeoutMs) {
    return worker.await(() -> live != null && live.appliedSeq() >= seq, timeoutMs);
  }

  /** A searcher of the live index (open once {@link #awaitApplied} said so); close it after use. */
  Lease lease() {
    while (true) {
      LiveIndex index = live;
      try {
        return new Lease(index, index.acquire());
      } catch (AlreadyClosedException e) {
        // Swapped for a rebuilt index between reading live and acquiring: take the new one.
        if (live == index) {
          throw e;
        }
      }
    }
  }

  /** A searcher and the index it must go back to. */
  record Lease(LiveIndex index, IndexSearcher searcher) implements AutoCloseable {
    @Override
    public void close() {
      index.release(searcher);
    }
  }

  public Status status() {
    LiveIndex index = live;
    Rebuild r = rebuild;
    return new Status(
        index != null,
        index == null ? -1 : index.appliedSeq(),
        events.lastSeq(),
        index == null ? 0 : index.documents(),
        r == null ? null : r.progress(),
        failure);
  }

  /**
   * Starts a rebuild in the background; false if one is running. Its thread takes the caller's
   * context: call it before the caller reads the database (see {@link #prepare}).
   */
  public synchronized boolean rebuild() {
    if (rebuild != null) {
      return false;
    }
    Rebuild r = new Rebuild(newDirectory());
    rebuild = r;
    Thread t = threads.newThread(r::run);
    t.setName("vitrine-index-rebuild");
    t.start();
    return true;
  }

  private void run() {
    CatalogCache cache = new CatalogCache(terms);
    while (live == null && worker.running()) {
      try {
        open(cache);
      } catch (RuntimeException e) {
        // The database may not answer yet, or not this thread's first call: try again.
        failure = "The search index could not be opened yet (retrying): " + e;
        LOG.log(Level.WARNING, failure, e);
        cache = new CatalogCache(terms);
        pause(1000);
      }
    }
    failure = null;
    long lastCommit = System.currentTimeMillis();
    boolean dirty = false;
    while (worker.running()) {
      try {
        if (rebuilt != null) {
          swap(cache);
        }
        List<ChangeEvent> batch = events.since(live.appliedSeq(), EVENTS_PER_BATCH);
        if (!batch.isEmpty()) {
          apply(live, batch, cache);
          dirty = true;
          failure = null;
          worker.wake();
        }
        if (dirty && System.currentTimeMillis() - lastCommit >= COMMIT_EVERY_MS) {
          live.commit();
          lastCommit = System.currentTimeMillis();
          dirty = false;
        }
        if (batch.isEmpty()) {
          worker.idle(IDLE_POLL_MS, () -> rebuilt == null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        // The database may be away for a moment: nothing is lost, the same events come again.
        failure = "The indexer failed and retries: " + e;
        LOG.log(Level.WARNING, failure, e);
        cache = new CatalogCache(terms);
        pause(1000);
      }
    }
    LiveIndex index = live;
    if (index != null) {
      index.close();
    }
  }

  /**
   * Opens the live index named by the pointer file. A missing index, one of another format, or a
   * rebuild asked for at start-up, is built first from the database.
   */
  private void open(CatalogCache cache) {
    Path pointer = root().resolve("current");
    LiveIndex index = null;
    try {
      if (Files.exists(pointer)) {
        Path path = root().resolve(Files.readString(pointer).strip());
        index = new LiveIndex(path, analyzers.perField);
        if (!index.compatible() || rebuildAtStart) {
          LOG.info("Rebuilding the search index " + (rebuildAtStart ? "(asked at start-up)" : ""));
          index.abandon();
          index = null;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "The search index cannot be read; rebuilding it", e);
      index = null;
    }
    if (index == null) {
      Rebuild first = new Rebuild(newDirectory());
      rebuild = first;
      try {
        index = first.build(cache);
      } finally {
        rebuild = null;
      }
      point(index);
    }
    live = index;
    deleteOthers(index.path());
    LOG.info(
        "Search index open at "
            + index.path()
            + ": "
            + index.documents()
            + " products, event "
            + index.appliedSeq());
  }

  /** Applies the rebuilt index's remaining events and makes it the live one. */
  private void swap(CatalogCache cache) {
    LiveIndex fresh = rebuilt;
    catchUp(fresh, cache);
    fresh.commit();
    point(fresh);
    LiveIndex old = live;
    live = fresh;
    rebuilt = null;
    worker.wake();
    old.close();
    deleteOthers(fresh.path());
  }

  private void catchUp(LiveIndex index, CatalogCache cache) {
    List<ChangeEvent> batch;
    while (!(batch = events.since(index.appliedSeq(), EVENTS_PER_BATCH)).isEmpty()) {
      apply(index, batch, cache);
    }
  }

  /** Applies {@code batch} to {@code index} and makes it visible as of its last event. */
  private void apply(LiveIndex index, List<ChangeEvent> batch, CatalogCache cache) {
    CatalogSnapshot schema = catalog.current();
    Set<Long> reload = new HashSet<>();
    Set<Long> deleted = new HashSet<>();
    BooleanQuery.Builder touched = new BooleanQuery.Builder();
    boolean anyTouched = false;
    for (ChangeEvent event : batch) {
      String code = event.entityCode();
      switch (event.entityType()) {
        case "product" -> {
          if ("deleted".equals(event.action())) {
            deleted.add(event.entityId());
            reload.remove(event.entityId());
          } else {
            reload.add(event.entityId());
            deleted.remove(event.entityId());
          }
        }
        default -> {
          if (event.entityType().equals("category")) {
            cache.forgetCategories();
          } else if (event.entityType().equals("attribute_option")) {
            cache.forgetOption(code);
          }
          Query reached = ReachedProducts.of(event.entityType(), code, schema);
          if (reached != null) {
            touched.add(reached, BooleanClause.Occur.SHOULD);
            anyTouched = true;
          }
        }
      }
    }
    if (anyTouched) {
      for (Long id : index.ids(touched.build())) {
        if (!deleted.contains(id)) {
          reload.add(id);
        }
      }
    }
    deleted.forEach(index::delete);
    List<Long> ids = List.copyOf(reload);
    for (int from = 0; from < ids.size(); from += PRODUCTS_PER_READ) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + PRODUCTS_PER_READ));
      List<Indexable> found = products.byIds(chunk);
      var documents =
          new IndexDocuments(schema, cache)
              .build(found, completeness.slots(found.stream().map(Indexable::id).toList()));
      Set<Long> missing = new HashSet<>(chunk);
      for (int i = 0; i < found.size(); i++) {
        index.replace(found.get(i).id(), documents.get(i));
        missing.remove(found.get(i).id());
      }
      // Deleted after its event was read: its own delete event follows.
      missing.forEach(index::delete);
    }
    index.refresh(batch.get(batch.size() - 1).seq());
  }

  /** A full build into a new directory, caught up with the events and ready to swap in. */
  private final class Rebuild {
    private final Path path;
    private final Instant started = Instant.now();
    private volatile long indexed;
    private volatile boolean catchingUp;

    Rebuild(Path path) {
      this.path = path;
    }

    RebuildProgress progress() {
      return new RebuildProgress(started, indexed, catchingUp);
    }

    void run() {
      try {
        LiveIndex fresh = build(new CatalogCache(terms));
        rebuilt = fresh;
        worker.wake();
      } catch (RuntimeException e) {
        failure = "The rebuild failed: " + e;
        LOG.log(Level.SEVERE, failure, e);
      } finally {
        rebuild = null;
      }
    }

    /**
     * Reads every product into the new index. Every event up to {@code start} is in what the walk
     * reads; the events after it are applied again, which is harmless: each re-reads its product.
     */
    LiveIndex build(CatalogCache cache) {
      long start = events.lastSeq();
      LiveIndex fresh = new LiveIndex(path, analyzers.perField);
      try {
        long after = 0;
        List<Indexable> page;
        while (!(page = products.after(after, PRODUCTS_PER_READ)).isEmpty()) {
          fresh.add(
              new IndexDocuments(catalog.current(), cache)
                  .build(page, completeness.slots(page.stream().map(Indexable::id).toList())));
          after = page.get(page.size() - 1).id();
          indexed += page.size();
        }
        fresh.refresh(start);
        catchingUp = true;
        catchUp(fresh, cache);
        fresh.commit();
        return fresh;
      } catch (RuntimeException e) {
        fresh.abandon();
        throw e;
      }
    }
  }

  private Path root() {
    return Path.of(dataDir).resolve("index");
  }

  private Path newDirectory() {
    return root()
        .resolve("index-" + Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT));
  }

  /** Names {@code index} as the live one, atomically: a crash leaves the old name or the new. */
  private void point(LiveIndex index) {
    try {
      Files.createDirectories(root());
      Path next = root().resolve("current.next");
      Files.writeString(next, index.path().getFileName().toString());
      Files.move(
          next,
          root().resolve("current"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the directories of replaced or abandoned indexes. */
  private void deleteOthers(Path keep) {
    try (Stream<Path> children = Files.list(root())) {
      for (Path child : children.toList()) {
        if (Files.isDirectory(child) && !child.equals(keep) && !child.equals(rebuildPath())) {
          deleteTree(child);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not remove old search indexes", e);
    }
  }

  private Path rebuildPath() {
    Rebuild r = rebuild;
    return r == null ? null : r.path;
  }

  private static void deleteTree(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
