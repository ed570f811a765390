import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Search speed at scale, against PostgreSQL full-text search on the same data in the same run.
 *
 * <p>Loads --products products of {@link SearchCatalog} into a fresh Vitrine (H2) through the bulk
 * API, and the same products into a PostgreSQL table with a weighted {@code tsvector} column, a GIN
 * index on it and B-tree indexes on the filtered columns: what a team without a search engine would
 * build. Then, for the same deterministic queries (one or two words, the last one also as a prefix,
 * colour IN 3 values, size IN 3 values, facets colour, size and categories, a count, 20 results by
 * relevance):
 *
 * <ol>
 *   <li>latency, one client at a time: Vitrine server-side (from its Server-Timing header) and
 *       round trip; PostgreSQL the time of its five statements (page, count, three facets) on
 *       loopback;
 *   <li>throughput with --clients concurrent clients for --seconds each;
 *   <li>write visibility: while two clients bulk-write new products, a probe renames a product to a
 *       new word and searches that word at once; the time from the write's answer to the search
 *       answer that contains the product.
 * </ol>
 *
 * <pre>
 *   bench/run.sh SearchBench --products 1000000 --pg-url jdbc:postgresql://localhost:5432/vitrine_bench
 * </pre>
 */
public class SearchBench {

  static int products = 100_000;
  static int clients = 4;
  static int seconds = 20;
  static int queries = 200;
  static int writeSeconds = 30;
  static int port = 8097;
  static String pgUrl = "jdbc:postgresql://localhost:5432/vitrine_bench";
  static String pgUser = "postgres";
  static String pgPassword = "postgres";
  static BenchServer server;

  record Query(String text, List<String> colors, List<String> sizes) {
    String path() {
      String search =
          "{\"color\":[{\"operator\":\"IN\",\"value\":"
              + quoted(colors)
              + "}],\"size\":[{\"operator\":\"IN\",\"value\":"
              + quoted(sizes)
              + "}]}";
      return "/api/v1/products?limit=20&locale=en_US&with_count=true&facets=color,size,categories"
          + "&q="
          + URLEncoder.encode(text, StandardCharsets.UTF_8)
          + "&search="
          + URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    /** Every word must match; the last one also as a prefix, as Vitrine's as-you-type does. */
    String tsquery() {
      String[] words = text.split(" ");
      words[words.length - 1] = words[words.length - 1] + ":*";
      return String.join(" & ", words);
    }

    private static String quoted(List<String> values) {
      return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(" ", "");
    }
  }

  /** A timed search: server-side parts (ms, Vitrine only), round trip, and the count found. */
  record Timing(double serverSearch, double serverTotal, double roundTrip, long count) {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--queries" -> queries = Integer.parseInt(args[i + 1]);
        case "--write-seconds" -> writeSeconds = Integer.parseInt(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--pg-url" -> pgUrl = args[i + 1];
        case "--pg-user" -> pgUser = args[i + 1];
        case "--pg-password" -> pgPassword = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    List<Query> set = querySet(queries);
    server = BenchServer.start(port, "3g", null, null, null);
    try (Connection pg = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
      long start = System.nanoTime();
      loadVitrine();
      double vitrineLoad = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Vitrine: %d products loaded and indexed in %.0f s (%.0f products/s)%n",
          products,
          vitrineLoad,
          products / vitrineLoad);
      start = System.nanoTime();
      loadPostgres(pg);
      double pgLoad = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "PostgreSQL: loaded and indexed in %.0f s%n", pgLoad);

      System.out.println("Warming up both");
      for (int round = 0; round < 2; round++) {
        for (Query q : set) {
          vitrine(q);
          postgres(pg, q);
        }
      }
      compareCounts(pg, set);

      List<Timing> vitrineTimes = new ArrayList<>();
      List<Timing> pgTimes = new ArrayList<>();
      for (Query q : set) {
        vitrineTimes.add(vitrine(q));
        pgTimes.add(postgres(pg, q));
      }
      Load.Result vitrineLoadResult =
          Load.run(
              "Vitrine search",
              clients,
              seconds,
              i ->
                  vitrine(
                      set.get(
                          Math.floorMod(i * 7919 + Thread.currentThread().hashCode(), set.size()))),
              "req/s",
              1);
      Load.Result pgLoadResult = postgresThroughput(set);
      List<Double> visible = writeVisibility();
      report(vitrineTimes, pgTimes, vitrineLoadResult, pgLoadResult, visible, vitrineLoad, pgLoad);
    } finally {
      server.close();
    }
  }

  static List<Query> querySet(int count) {
    var random = new SplittableRandom(7);
    List<Query> set = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String garment = pick(random, SearchCatalog.GARMENTS)[0];
      int kind = random.nextInt(10);
      String text =
          kind < 4
              ? garment
              : kind < 7
                  ? pick(random, SearchCatalog.ADJECTIVES)[0] + " " + garment
                  : pick(random, SearchCatalog.FABRICS)[0] + " " + garment;
      set.add(
          new Query(text, three(random, SearchCatalog.COLORS), three(random, SearchCatalog.SIZES)));
    }
    return set;
  }

  private static String[] pick(SplittableRandom random, String[][] words) {
    return words[random.nextInt(words.length)];
  }

  private static List<String> three(SplittableRandom random, String[] values) {
    List<String> all = new ArrayList<>(List.of(values));
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      chosen.add(all.remove(random.nextInt(all.size())));
    }
    return chosen;
  }

  static void loadVitrine() throws Exception {
    bulkLoad(0, products, 2);
    // The benchmark measures searches, not catching up: wait until the index has everything.
    server.awaitIndexed();
  }

  static void bulkLoad(long from, long to, int concurrent) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    List<Future<?>> futures = new ArrayList<>();
    for (long first = from; first < to; first += 1000) {
      long start = first;
      long end = Math.min(to, first + 1000);
      futures.add(
          pool.submit(
              () -> {
                server.bulk(lines(start, end));
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
  }

  static StringBuilder lines(long from, long to) {
    var body = new StringBuilder();
    for (long n = from; n < to; n++) {
      body.append(SearchCatalog.json(SearchCatalog.product(n))).append('\n');
    }
    return body;
  }

  static void loadPostgres(Connection pg) throws Exception {
    try (var statement = pg.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS search_product");
      statement.execute(
          """
          CREATE TABLE search_product (
            id bigint PRIMARY KEY,
            identifier text NOT NULL,
            name_en text,
            short_en text,
            brand_label text,
            color text,
            size text,
            category_paths text[] NOT NULL,
            price_usd numeric,
            document tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('english', coalesce(name_en, '')), 'A')
              || setweight(to_tsvector('english', coalesce(brand_label, '')), 'B')
              || setweight(to_tsvector('english', coalesce(short_en, '')), 'C')) STORED)
          """);
    }
    var copy = ((PGConnection) pg).getCopyAPI();
    var rows = new StringBuilder();
    for (long n = 0; n < products; n++) {
      var p = SearchCatalog.product(n);
      rows.append(n)
          .append('\t')
          .append(p.identifier())
          .append('\t')
          .append(p.nameEn())
          .append('\t')
          .append(p.shortEn())
          .append('\t')
          .append(SearchCatalog.BRANDS[p.brand()][1])
          .append('\t')
          .append(p.color())
          .append('\t')
          .append(p.size())
          .append('\t')
          .append('{')
          .append(String.join(",", SearchCatalog.categoryPaths(p)))
          .append('}')
          .append('\t')
          .append(p.priceUsd())
          .append('\n');
      if (rows.length() > 4_000_000 || n == products - 1) {
        copy.copyIn(
            "COPY search_product (id, identifier, name_en, short_en, brand_label, color, size,"
                + " category_paths, price_usd) FROM STDIN",
            new java.io.StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    try (var statement = pg.createStatement()) {
      statement.execute(
          "CREATE INDEX search_product_document ON search_product USING gin (document)");
      statement.execute("CREATE INDEX search_product_color ON search_product (color)");
      statement.execute("CREATE INDEX search_product_size ON search_product (size)");
      statement.execute(
          "CREATE INDEX search_product_categories ON search_product USING gin (category_paths)");
      statement.execute("VACUUM ANALYZE search_product");
    }
  }

  private static final Pattern SERVER_TIMING = Pattern.compile("([a-z-]+);dur=([0-9.]+)");
  private static final Pattern COUNT = Pattern.compile("\"items_count\":(\\d+)");

  static Timing vitrine(Query q) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = server.send("GET", q.path(), null, null);
    double roundTrip = (System.nanoTime() - start) / 1e6;
    double search = 0;
    double total = 0;
    var parts = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
    while (parts.find()) {
      double ms = Double.parseDouble(parts.group(2));
      total += ms;
      if (!parts.group(1).equals("read")) {
        search += ms;
      }
    }
    var count = COUNT.matcher(response.body());
    return new Timing(search, total, roundTrip, count.find() ? Long.parseLong(count.group(1)) : -1);
  }

  private static final String MATCHES = "document @@ to_tsquery('english', ?)";
  private static final String FILTERS = " AND color = ANY (?) AND size = ANY (?)";

  /** The same search as five statements: the page by rank, the count, and the three facets. */
  static Timing postgres(Connection pg, Query q) throws SQLException {
    long start = System.nanoTime();
    run(
        pg,
        "SELECT identifier FROM search_product WHERE "
            + MATCHES
            + FILTERS
            + " ORDER BY ts_rank(document, to_tsquery('english', ?)) DESC, id LIMIT 21",
        q,
        true,
        true,
        true);
    long count;
    try (PreparedStatement count0 =
        pg.prepareStatement("SELECT count(*) FROM search_product WHERE " + MATCHES + FILTERS)) {
      bind(pg, count0, q, true, true, false);
      try (ResultSet rows = count0.executeQuery()) {
        rows.next();
        count = rows.getLong(1);
      }
    }
    // Drill-sideways like Vitrine's: each filtered facet counts without its own filter.
    run(
        pg,
        "SELECT color, count(*) FROM search_product WHERE "
            + MATCHES
            + " AND size = ANY (?) GROUP BY color",
        q,
        false,
        true,
        false);
    run(
        pg,
        "SELECT size, count(*) FROM search_product WHERE "
            + MATCHES
            + " AND color = ANY (?) GROUP BY size",
        q,
        true,
        false,
        false);
    run(
        pg,
        "SELECT c, count(*) FROM search_product, unnest(category_paths) c WHERE "
            + MATCHES
            + FILTERS
            + " GROUP BY c",
        q,
        true,
        true,
        false);
    double ms = (System.nanoTime() - start) / 1e6;
    return new Timing(ms, ms, ms, count);
  }

  private static void run(
      Connection pg, String sql, Query q, boolean colors, boolean sizes, boolean rank)
      throws SQLException {
    try (PreparedStatement statement = pg.prepareStatement(sql)) {
      bind(pg, statement, q, colors, sizes, rank);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          rows.getString(1);
        }
      }
    }
  }

  private static void bind(
      Connection pg,
      PreparedStatement statement,
      Query q,
      boolean colors,
      boolean sizes,
      boolean rank)
      throws SQLException {
    int i = 1;
    statement.setString(i++, q.tsquery());
    if (colors) {
      statement.setArray(i++, pg.createArrayOf("text", q.colors().toArray()));
    }
    if (sizes) {
      statement.setArray(i++, pg.createArrayOf("text", q.sizes().toArray()));
    }
    if (rank) {
      statement.setString(i, q.tsquery());
    }
  }

  /** Both engines should find about the same products; typo tolerance lets Vitrine find more. */
  static void compareCounts(Connection pg, List<Query> set) throws Exception {
    int same = 0;
    int more = 0;
    int checked = Math.min(20, set.size());
    for (Query q : set.subList(0, checked)) {
      long vitrine = vitrine(q).count();
      long postgres = postgres(pg, q).count();
      if (vitrine == postgres) {
        same++;
      } else if (vitrine > postgres) {
        more++;
      } else {
        System.out.println(
            "Vitrine found fewer than PostgreSQL for '"
                + q.text()
                + "': "
                + vitrine
                + " vs "
                + postgres);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Counts: equal for %d of %d queries, Vitrine more for %d%n",
        same,
        checked,
        more);
  }

  static Load.Result postgresThroughput(List<Query> set) throws Exception {
    ThreadLocal<Connection> connections =
        ThreadLocal.withInitial(
            () -> {
              try {
                return DriverManager.getConnection(pgUrl, pgUser, pgPassword);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    return Load.run(
        "PostgreSQL search",
        clients,
        seconds,
        i ->
            postgres(
                connections.get(),
                set.get(Math.floorMod(i * 7919 + Thread.currentThread().hashCode(), set.size()))),
        "req/s",
        1);
  }

  /**
   * While two clients bulk-write new products, renames a random product to a fresh word every 100
   * ms and searches that word at once. Returns, per probe, the ms from the write's answer to the
   * answer of the search that finds it; a probe whose first search misses it is an error.
   */
  static List<Double> writeVisibility() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong next = new AtomicLong(products);
    AtomicLong written = new AtomicLong();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      running.add(
          writers.submit(
              () -> {
                while (writing.get()) {
                  long first = next.getAndAdd(1000);
                  server.bulk(lines(first, first + 1000));
                  written.addAndGet(1000);
                }
                return null;
              }));
    }
    var random = new SplittableRandom(11);
    List<Double> visible = new ArrayList<>();
    int misses = 0;
    long end = System.nanoTime() + Duration.ofSeconds(writeSeconds).toNanos();
    long started = System.nanoTime();
    while (System.nanoTime() < end) {
      long n = random.nextLong(products);
      var word = new StringBuilder("zq");
      for (int i = 0; i < 8; i++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      String identifier = SearchCatalog.identifier(n);
      server.send(
          "PATCH",
          "/api/v1/products/" + identifier,
          "{\"values\":{\"name\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\"Probe "
              + word
              + "\"}]}}",
          "application/json");
      long written0 = System.nanoTime();
      String page = server.get("/api/v1/products?limit=20&locale=en_US&q=" + word);
      double ms = (System.nanoTime() - written0) / 1e6;
      if (page.contains("\"identifier\":\"" + identifier + "\"")) {
        visible.add(ms);
      } else {
        misses++;
      }
      Thread.sleep(100);
    }
    writing.set(false);
    for (Future<?> f : running) {
      f.get();
    }
    writers.shutdown();
    double elapsed = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Write visibility: %d probes, %d misses, while bulk writes ran at %.0f products/s%n",
        visible.size() + misses,
        misses,
        written.get() / elapsed);
    if (misses > 0) {
      throw new IllegalStateException(misses + " probes were not found by the search right after");
    }
    bulkRate = written.get() / elapsed;
    return visible;
  }

  static double bulkRate;

  static void report(
      List<Timing> vitrine,
      List<Timing> postgres,
      Load.Result vitrineQps,
      Load.Result pgQps,
      List<Double> visible,
      double vitrineLoad,
      double pgLoad)
      throws Exception {
    double searchP50 = Load.percentile(vitrine.stream().map(Timing::serverSearch).toList(), 0.5);
    double searchP99 = Load.percentile(vitrine.stream().map(Timing::serverSearch).toList(), 0.99);
    double totalP50 = Load.percentile(vitrine.stream().map(Timing::serverTotal).toList(), 0.5);
    double totalP99 = Load.percentile(vitrine.stream().map(Timing::serverTotal).toList(), 0.99);
    double tripP50 = Load.percentile(vitrine.stream().map(Timing::roundTrip).toList(), 0.5);
    double tripP99 = Load.percentile(vitrine.stream().map(Timing::roundTrip).toList(), 0.99);
    double pgP50 = Load.percentile(postgres.stream().map(Timing::roundTrip).toList(), 0.5);
    double pgP99 = Load.percentile(postgres.stream().map(Timing::roundTrip).toList(), 0.99);
    double visibleP50 = Load.percentile(visible, 0.5);
    double visibleP99 = Load.percentile(visible, 0.99);
    double ratioP50 = pgP50 / totalP50;
    double ratioQps = vitrineQps.perSecond() / pgQps.perSecond();
    String table =
        String.format(
            Locale.ROOT,
            """
            | %,d products, %d queries (text, 2 filters, 3 facets, count) | Vitrine | PostgreSQL tsvector + GIN | PostgreSQL / Vitrine |
            |---|---:|---:|---:|
            | median, one client (Vitrine: server-side, index only) | %.1f ms | | |
            | p99, one client (Vitrine: server-side, index only) | %.1f ms | | |
            | median, one client (Vitrine: server-side with the 20 products read) | %.1f ms | %.1f ms | %.1f× |
            | p99, one client (Vitrine: server-side with the 20 products read) | %.1f ms | %.1f ms | %.1f× |
            | median / p99 round trip, one client | %.1f / %.1f ms | %.1f / %.1f ms | |
            | throughput, %d clients, %d s | %.0f req/s | %.0f req/s | %.1f× (Vitrine / PostgreSQL) |
            | write visible to search, p50 / p99 (%d probes, bulk writes at %.0f products/s) | %.0f / %.0f ms | | |
            | load (Vitrine: bulk API and indexing; PostgreSQL: COPY and index builds) | %.0f s | %.0f s | |
            """,
            products,
            vitrine.size(),
            searchP50,
            searchP99,
            totalP50,
            pgP50,
            ratioP50,
            totalP99,
            pgP99,
            pgP99 / totalP99,
            tripP50,
            tripP99,
            pgP50,
            pgP99,
            clients,
            seconds,
            vitrineQps.perSecond(),
            pgQps.perSecond(),
            ratioQps,
            visible.size(),
            bulkRate,
            visibleP50,
            visibleP99,
            vitrineLoad,
            pgLoad);
    System.out.println();
    System.out.println(table);
    Results.of("search")
        .put("products", products)
        .put(
            "figure",
            Results.map(
                "median_ms", totalP50,
                "p99_ms", totalP99,
                "qps", vitrineQps.perSecond(),
                "index_only_median_ms", searchP50,
                "index_only_p99_ms", searchP99))
        .put(
            "baseline",
            Results.map(
                "name",
                "PostgreSQL tsvector + GIN",
                "median_ms",
                pgP50,
                "p99_ms",
                pgP99,
                "qps",
                pgQps.perSecond()))
        .put("ratio", Results.map("median", ratioP50, "qps", ratioQps))
        .put(
            "write_visible_ms",
            Results.map("p50", visibleP50, "p99", visibleP99, "probes", visible.size()))
        .put(
            "target",
            Results.map("median_ms", 10, "p99_ms", 50, "ratio", 10, "write_visible_p99_ms", 1000))
        .put("command", "bench/run.sh SearchBench --products " + products + " --queries " + queries)
        .write("search-" + products);
  }
}
