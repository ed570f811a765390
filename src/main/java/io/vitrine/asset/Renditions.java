package io.vitrine.asset;

import io.vitrine.catalog.CatalogChanged;
import io.vitrine.platform.BackgroundThread;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The renditions of image assets, made in the background once an upload commits, again for every
 * asset of a family whose specs change, and at start-up for whatever is missing. A file is named by
 * its source's SHA-256 and its spec's fingerprint ({@code
 * renditions/ab/<sha256>/<fingerprint>.jpg}): assets with the same bytes share their renditions,
 * and a changed spec never serves an old file. A rendition asked for before the background made it
 * is made in the request.
 */
@ApplicationScoped
public class Renditions {

  private static final Logger LOG = Logger.getLogger(Renditions.class.getName());
  private static final int PAGE = 200;

  @Inject AssetRecords records;
  @Inject AssetFiles files;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "vitrine.data.dir")
  String dataDir;

  private final BackgroundThread worker = new BackgroundThread("vitrine-renditions");

  /** Asset codes, and families to sweep as "family:<code>". */
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();

  private final Map<Path, CompletableFuture<Path>> making = new ConcurrentHashMap<>();

  /** Fired inside an upload's transaction: its renditions are made once it commits. */
  public record AssetStored(String code) {}

  /** Creates the thread: see {@link BackgroundThread#prepare} for when. */
  public void prepare() {
    worker.prepare(threads, this::run);
  }

  /** Starts the thread, which first looks for renditions missing since the last run. */
  public void start() {
    records.familyCodes().forEach(family -> queue.add("family:" + family));
    worker.start();
  }

  @PreDestroy
  void stop() {
    worker.stop();
  }

  void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssetStored stored) {
    queue.add(stored.code());
    worker.wake();
  }

  void onFamilyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
    if (change.kind().equals("asset_family")
        && change.after() != null
        && change.changed("renditions")) {
      queue.add("family:" + change.code());
      worker.wake();
    }
  }

  /** Whether the background has nothing left to make (for tests and benchmarks). */
  public boolean idle() {
    return queue.isEmpty() && making.isEmpty();
  }

  /** Deletes every rendition made of the bytes of SHA-256 {@code sha256}. */
  public void forget(String sha256) {
    Path made = Path.of(dataDir, "renditions", sha256.substring(0, 2), sha256);
    if (!Files.isDirectory(made)) {
      return;
    }
    try (var renditions = Files.list(made)) {
      for (Path file : renditions.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(made);
    } catch (IOException e) {
      LOG.warning("Could not delete the renditions in " + made + ": " + e.getMessage());
    }
  }

  /** Whether renditions can be made of {@code asset}: raster images only. */
  public static boolean renderable(Asset asset) {
    return asset.kind() == AssetInspector.Kind.IMAGE && !asset.mediaType().equals("image/svg+xml");
  }

  /**
   * The rendition's entity tag: the source's bytes and the spec; changing either makes a new tag,
   * and so a new address.
   */
  public static String tag(Asset asset, RenditionSpec spec) {
    return asset.sha256().substring(0, 16) + "-" + spec.fingerprint();
  }

  /** Where the rendition of {@code asset} by {@code spec} is, made or not. */
  public Path path(Asset asset, RenditionSpec spec) {
    String sha = asset.sha256();
    return Path.of(dataDir, "renditions", sha.substring(0, 2), sha)
        .resolve(spec.fingerprint() + "." + spec.format().extension);
  }

  /**
   * The rendition's file, made now if it is not there yet. A 404 for assets that are not raster
   * images, a 422 when the image cannot be made into one.
   */
  public Path ready(Asset asset, RenditionSpec spec) {
    if (!renderable(asset)) {
      throw new ProblemException(
          Problem.of(
              "not-found",
              "Not found",
              404,
              "Renditions are made of raster images; the asset '"
                  + asset.code()
                  + "' is "
                  + asset.mediaType()
                  + ": download its file."));
    }
    Path target = path(asset, spec);
    if (Files.exists(target)) {
      return target;
    }
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> theirs = making.putIfAbsent(target, mine);
    if (theirs != null) {
      return await(theirs);
    }
    try {
      if (!Files.exists(target)) {
        RenditionMaker.make(files.path(asset.sha256()), asset.orientation(), spec, target);
        if (!records.anyWith(asset.sha256())) {
          // The asset was deleted or given other bytes while this was being made.
          forget(asset.sha256());
        }
      }
      mine.complete(target);
      return target;
    } catch (IOException unreadable) {
      ProblemException refused = failed(asset, spec, unreadable);
      mine.completeExceptionally(refused);
      throw refused;
    } catch (Throwable failed) {
      // Whatever it is (a codec that cannot load, memory), whoever waits on this rendition learns
      // of it rather than waiting for ever.
      mine.completeExceptionally(failed);
      throw failed;
    } finally {
      making.remove(target, mine);
    }
  }

  private static ProblemException failed(Asset asset, RenditionSpec spec, IOException why) {
    return new ProblemException(
        Problem.of(
            "rendition-failed",
            "The rendition could not be made",
            422,
            "The rendition '"
                + spec.code()
                + "' of the asset '"
                + asset.code()
                + "' could not be made: "
                + why.getMessage()));
  }

  private static Path await(CompletableFuture<Path> making) {
    try {
      return making.get(5, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a rendition was being made", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("A rendition took more than 5 minutes to make", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProblemException problem) {
        throw problem;
      }
      throw new IllegalStateException("The rendition could not be made", e.getCause());
    }
  }

  private void run() {
    while (worker.running()) {
      try {
        String next = queue.poll();
        if (next == null) {
          worker.idle(60_000, queue::isEmpty);
        } else if (next.startsWith("family:")) {
          sweep(next.substring("family:".length()));
        } else {
          make(next);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // The thread goes on with the next asset: one image, or a codec, must not stop them all.
        LOG.log(Level.WARNING, "Renditions: " + e.getMessage(), e);
      }
    }
  }

  /** Makes every missing rendition of the assets of {@code family}, a page at a time. */
  private void sweep(String family) {
    String after = null;
    while (worker.running()) {
      List<String> page = records.codesOfFamily(family, after, PAGE);
      if (page.isEmpty()) {
        return;
      }
      page.forEach(this::make);
      after = page.get(page.size() - 1);
    }
  }

  private void make(String code) {
    AssetRecords.Described described = records.describedOrNull(code);
    if (described == null || described.family() == null || !renderable(described.asset())) {
      return;
    }
    for (RenditionSpec spec : described.family().renditions()) {
      try {
        ready(described.asset(), spec);
      } catch (RuntimeException | Error failed) {
        LOG.warning(
            "Rendition " + spec.code() + " of asset " + code + " failed: " + failed.getMessage());
      }
    }
  }
}
