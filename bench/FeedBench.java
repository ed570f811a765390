import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Scenario 5, publish: a storefront's full pull of a channel's feed and the channel's Google
 * Merchant export, on a generated catalog ({@link CatalogGenerator}, {@code --size
 * small|medium|large}), with the server's heap capped.
 *
 * <p>Loads the catalog into Vitrine on PostgreSQL with a roomy heap: by default a fresh database
 * {@code vitrine_feed} on the server of --pg-url, or on an embedded PostgreSQL started for the run
 * ({@link BenchPostgres}); --db-url names a database instead. The ecommerce channel publishes with
 * the default rule (enabled, in its tree, complete on every locale). The server is then restarted
 * with -Xmx of --heap (512m) and each round follows the NDJSON feed's next links in pages of 1,000
 * until the changes link, counting products and bytes, then runs the channel's Google Merchant
 * export as a job, from the POST that starts it until its file is whole. The server's heap is
 * sampled over JMX every 100 ms throughout the rounds (peak used), and its peak resident memory is
 * read from /proc.
 *
 * <p>The baseline, after each round, is PostgreSQL's {@code COPY (SELECT …) TO STDOUT} of the rows
 * the feed publishes (the same products, decided in SQL by the same rule), with the columns a feed
 * item carries: the ceiling of a hand-written SQL dump. Its row count must equal the feed's.
 *
 * <pre>
 *   bench/run.sh FeedBench --size small
 *   bench/run.sh FeedBench --size large --pg-url jdbc:postgresql://localhost:5432/postgres
 *   bench/run.sh FeedBench --size large --db-url jdbc:postgresql://localhost:5432/vitrine_feed
 * </pre>
 */
public class FeedBench {

  static final String CHANNEL = "ecommerce";
  static final double TARGET_PRODUCTS_PER_S = 20_000;
  static final double TARGET_RATIO = 0.3;

  static String size = "small";
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static String pgUrl;
  static String pgUser = "postgres";
  static String pgPassword = "postgres";
  static String heap = "512m";
  static int port;
  static int rounds = 2;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = args[i + 1];
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--pg-url" -> pgUrl = args[i + 1];
        case "--pg-user" -> pgUser = args[i + 1];
        case "--pg-password" -> pgPassword = args[i + 1];
        case "--heap" -> heap = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    Path catalog = ImportBench.generated(size);
    port = BenchServer.freePort(port);
    String command =
        "bench/run.sh FeedBench --size "
            + size
            + (dbUrl != null ? " --db-url " + dbUrl : pgUrl != null ? " --pg-url " + pgUrl : "")
            + (rounds == 2 ? "" : " --rounds " + rounds);
    try (BenchPostgres postgres =
        dbUrl == null ? BenchPostgres.of(pgUrl, pgUser, pgPassword) : null) {
      String database = "PostgreSQL at " + dbUrl;
      if (postgres != null) {
        dbUrl = postgres.freshDatabase("vitrine_feed");
        dbUser = postgres.user;
        dbPassword = postgres.password;
        database = postgres.description();
      }
      BenchServer loading = BenchServer.start(port, "3g", dbUrl, dbUser, dbPassword);
      Path data = loading.data;
      try {
        try (loading) {
          load(loading, catalog);
        }
        try (BenchServer server = BenchServer.start(port, heap, dbUrl, dbUser, dbPassword, data)) {
          measure(server, database, command);
        }
      } finally {
        GeneratedCatalogLoader.deleteTree(data);
      }
    }
  }

  /** Loads the catalog and makes the channel publish with the default rule, stated in full. */
  static void load(BenchServer server, Path catalog) throws Exception {
    long start = System.nanoTime();
    long products = GeneratedCatalogLoader.load(server, catalog);
    // Whatever the sample catalog's channel said: CHANNEL_PRODUCTS is this rule in SQL.
    server.send(
        "PATCH",
        "/api/v1/channels/" + CHANNEL,
        "{\"eligibility\":{\"enabled_only\":true,\"in_category_tree\":true,"
            + "\"min_completeness\":100,\"min_quality_grade\":null,\"locales\":\"all\"}}",
        "application/json");
    server.awaitIndexed(Duration.ofMinutes(30));
    System.out.printf(
        Locale.ROOT,
        "Loaded %,d products in %.0f s%n",
        products,
        (System.nanoTime() - start) / 1e9);
  }

  static void measure(BenchServer server, String database, String command) throws Exception {
    server.awaitIndexed(Duration.ofMinutes(30));
    createGoogleProfile(server);
    Pull pull = null;
    Export export = null;
    Copy copy = null;
    try (HeapWatch heapWatch = HeapWatch.attach(server.pid())) {
      for (int round = 1; round <= rounds; round++) {
        pull = pull(server);
        print(round, "feed", pull.products, pull.bytes, pull.seconds);
        export = googleExport(server);
        print(round, "Google Merchant export", export.products(), export.bytes, export.seconds);
        copy = copy();
        print(round, "COPY TO STDOUT", copy.rows, copy.bytes, copy.seconds);
        if (copy.rows != pull.products || export.products() != pull.products) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "Not the same products: feed %d, export %d, COPY %d",
                  pull.products,
                  export.products(),
                  copy.rows));
        }
      }
      report(pull, export, copy, heapWatch, database, command);
    }
  }

  static void report(
      Pull pull, Export export, Copy copy, HeapWatch heapWatch, String database, String command)
      throws Exception {
    double feedRate = pull.products / pull.seconds;
    double exportRate = export.products() / export.seconds;
    double copyRate = copy.rows / copy.seconds;
    long peakHeap = heapWatch.peakUsed() >> 20;
    long peakRss = heapWatch.peakResident() >> 20;
    System.out.printf(
        Locale.ROOT,
        "%n| %s catalog, %,d products published, %s, server -Xmx%s (peak heap used %,d MB,"
            + " peak RSS %,d MB) | seconds | products/s | MB | ratio to COPY |%n"
            + "|---|---:|---:|---:|---:|%n"
            + "| full NDJSON feed, pages of 1,000 | %.2f | %.0f | %,d | %.3f |%n"
            + "| Google Merchant export job (%,d refused) | %.2f | %.0f | %,d | %.3f |%n"
            + "| baseline: `COPY (SELECT …) TO STDOUT` of the same rows | %.2f | %.0f | %,d | 1.00 |%n",
        size,
        pull.products,
        database,
        heap,
        peakHeap,
        peakRss,
        pull.seconds,
        feedRate,
        pull.bytes >> 20,
        feedRate / copyRate,
        export.rejected,
        export.seconds,
        exportRate,
        export.bytes >> 20,
        exportRate / copyRate,
        copy.seconds,
        copyRate,
        copy.bytes >> 20);
    Results.of("publish")
        .put("size", size)
        .put("database", database)
        .put("heap", "-Xmx" + heap)
        .put("products", pull.products)
        .put("rounds", rounds)
        .put(
            "figure",
            Results.map(
                "feed_products_per_s", feedRate,
                "feed_mb", pull.bytes >> 20,
                "export_products_per_s", exportRate,
                "export_refused", export.rejected,
                "peak_heap_used_mb", peakHeap,
                "peak_rss_mb", peakRss))
        .put(
            "baseline",
            Results.map(
                "name",
                "PostgreSQL COPY (SELECT the channel's products) TO STDOUT",
                "products_per_s",
                copyRate,
                "mb",
                copy.bytes >> 20))
        .put("ratio", Results.map("feed", feedRate / copyRate, "export", exportRate / copyRate))
        .put("target", Results.map("products_per_s", TARGET_PRODUCTS_PER_S, "ratio", TARGET_RATIO))
        .put("command", command)
        .write("publish-" + size);
  }

  private static void print(int round, String what, long products, long bytes, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "round %d: %s %,d products, %,d MB in %.2f s: %.0f products/s%n",
        round,
        what,
        products,
        bytes >> 20,
        seconds,
        products / seconds);
  }

  record Pull(long products, long bytes, double seconds) {}

  record Export(long written, long rejected, long bytes, double seconds) {
    long products() {
      return written + rejected;
    }
  }

  record Copy(long rows, long bytes, double seconds) {}

  /**
   * A Google feed of the generated products: their name, description, USD list price, brand
   * (manufacturer) and GTIN, the identifier as MPN for those without a GTIN, and product and image
   * links by template (the generated catalog has no images).
   */
  static void createGoogleProfile(BenchServer server) throws Exception {
    var created =
        server.send(
            "POST",
            "/api/v1/channels/" + CHANNEL + "/export-profiles",
            "{\"code\":\"bench_google\",\"format\":\"google_merchant\",\"currency\":\"USD\","
                + "\"mapping\":{\"title\":\"name\",\"description\":\"product_description\","
                + "\"price\":\"list_price\",\"brand\":\"manufacturer\",\"gtin\":\"gtin\","
                + "\"mpn\":\"identifier\","
                + "\"link\":{\"template\":\"https://shop.example/p/{identifier}\"},"
                + "\"image_link\":{\"template\":\"https://cdn.example/{identifier}.jpg\"}}}",
            "application/json");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("profile: " + created.statusCode() + " " + created.body());
    }
  }

  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
  private static final Pattern COUNT = Pattern.compile("\"(written|rejected|size)\":(\\d+)");

  /**
   * Starts the export and waits (polling every 100 ms, 30 minutes at most) until its file is whole.
   */
  static Export googleExport(BenchServer server) throws Exception {
    long start = System.nanoTime();
    var started =
        server.send(
            "POST",
            "/api/v1/channels/" + CHANNEL + "/export-profiles/bench_google/exports",
            "{}",
            "application/json");
    if (started.statusCode() != 202) {
      throw new IllegalStateException("export: " + started.statusCode() + " " + started.body());
    }
    String self = started.headers().firstValue("Location").orElseThrow();
    String path = self.substring(self.indexOf("/api/v1/"));
    long deadline = start + Duration.ofMinutes(30).toNanos();
    while (System.nanoTime() < deadline) {
      String run = server.get(path);
      Matcher state = STATE.matcher(run);
      state.find();
      if (state.group(1).equals("failed")) {
        throw new IllegalStateException("export failed: " + run);
      }
      if (state.group(1).equals("finished")) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counts = new HashMap<>();
        Matcher count = COUNT.matcher(run);
        while (count.find()) {
          counts.put(count.group(1), Long.parseLong(count.group(2)));
        }
        server.send("DELETE", path, null, null);
        return new Export(
            counts.get("written"), counts.get("rejected"), counts.get("size"), seconds);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The export did not finish in 30 minutes: " + path);
  }

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  /**
   * Follows the feed's next links, NDJSON, until the link to the changes (a million pages at most),
   * counting lines and bytes without decoding them: the client takes the least of the two cores.
   */
  static Pull pull(BenchServer server) throws Exception {
    String href = server.base + "/api/v1/channels/" + CHANNEL + "/products?limit=1000";
    long count = 0;
    long bytes = 0;
    long start = System.nanoTime();
    for (int page = 0; !href.contains("since="); page++) {
      if (page == 1_000_000) {
        throw new IllegalStateException("The feed did not end after a million pages");
      }
      HttpResponse<InputStream> response =
          BenchServer.HTTP.send(
              HttpRequest.newBuilder(URI.create(href))
                  .header("Accept", "application/x-ndjson")
                  .timeout(Duration.ofMinutes(2))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(href + " -> " + response.statusCode());
      }
      try (InputStream body = response.body()) {
        byte[] buffer = new byte[1 << 16];
        int read;
        int last = '\n';
        while ((read = body.read(buffer)) > 0) {
          bytes += read;
          for (int i = 0; i < read; i++) {
            count += buffer[i] == '\n' ? 1 : 0;
          }
          last = buffer[read - 1];
        }
        count += last == '\n' ? 0 : 1;
      }
      Matcher next = NEXT.matcher(response.headers().firstValue("Link").orElseThrow());
      if (!next.find()) {
        throw new IllegalStateException("No next link at " + href);
      }
      href = next.group(1);
    }
    return new Pull(count, bytes, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The channel's products by the default eligibility rule, decided in SQL as the server decides
   * them: enabled, one of their categories in the channel's tree, complete (100) on every locale of
   * the channel. The columns a feed item carries: identifier, family, enabled, the categories in
   * the tree, the values, created and updated.
   */
  static final String CHANNEL_PRODUCTS =
      "WITH RECURSIVE tree (code) AS ("
          + " SELECT category_tree FROM channel WHERE code = '"
          + CHANNEL
          + "'"
          + " UNION ALL SELECT c.code FROM category c JOIN tree t ON c.parent_code = t.code)"
          + " SELECT p.identifier, p.family_code, p.enabled,"
          + " ARRAY(SELECT pc.category_code FROM product_category pc JOIN tree t"
          + " ON t.code = pc.category_code WHERE pc.product_id = p.id ORDER BY 1),"
          + " p.values_json, p.created, p.updated"
          + " FROM product p"
          + " WHERE p.enabled AND p.family_code IS NOT NULL"
          + " AND EXISTS (SELECT 1 FROM product_category pc JOIN tree t"
          + " ON t.code = pc.category_code WHERE pc.product_id = p.id)"
          + " AND NOT EXISTS (SELECT 1 FROM completeness c JOIN channel_locale l"
          + " ON l.channel_code = c.channel_code AND l.locale_code = c.locale_code"
          + " WHERE c.product_id = p.id AND c.channel_code = '"
          + CHANNEL
          + "' AND c.ratio < 100)"
          + " ORDER BY p.id";

  /** The same products dumped by PostgreSQL itself: rows (lines), bytes and seconds. */
  static Copy copy() throws Exception {
    try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
      var copy =
          new org.postgresql.copy.CopyManager((org.postgresql.core.BaseConnection) connection);
      var counting = new CountingStream();
      long start = System.nanoTime();
      copy.copyOut("COPY (" + CHANNEL_PRODUCTS + ") TO STDOUT", counting);
      return new Copy(counting.lines, counting.bytes, (System.nanoTime() - start) / 1e9);
    }
  }

  /** Counts bytes and lines (COPY's text format escapes newlines in values: a line is a row). */
  static final class CountingStream extends OutputStream {
    long bytes;
    long lines;

    @Override
    public void write(int b) {
      bytes++;
      lines += b == '\n' ? 1 : 0;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        lines += b[i] == '\n' ? 1 : 0;
      }
    }
  }

  /**
   * The server's heap, read over JMX (the attach API starts the server's local management agent,
   * loopback only) every 100 ms: the peak used. Sampling misses spikes between two reads; the peak
   * resident memory comes from the kernel and misses nothing.
   */
  static final class HeapWatch implements AutoCloseable {
    private final long pid;
    private final JMXConnector connector;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakUsed = new AtomicLong();

    private HeapWatch(long pid, JMXConnector connector) {
      this.pid = pid;
      this.connector = connector;
    }

    /** Watches the server process {@code pid}. */
    static HeapWatch attach(long pid) throws Exception {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MemoryMXBean memory =
          ManagementFactory.newPlatformMXBeanProxy(
              connector.getMBeanServerConnection(),
              ManagementFactory.MEMORY_MXBEAN_NAME,
              MemoryMXBean.class);
      HeapWatch watch = new HeapWatch(pid, connector);
      watch.sampler.scheduleAtFixedRate(
          () -> {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            watch.peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
          },
          0,
          100,
          TimeUnit.MILLISECONDS);
      return watch;
    }

    long peakUsed() {
      return peakUsed.get();
    }

    /** VmHWM: the most memory the server process has had resident since it started. */
    long peakResident() throws Exception {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("No VmHWM for process " + pid);
    }

    @Override
    public void close() throws Exception {
      sampler.shutdownNow();
      sampler.awaitTermination(5, TimeUnit.SECONDS);
      connector.close();
    }
  }
}
