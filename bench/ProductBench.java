import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Product write and read throughput, measured against a baseline in the same run.
 *
 * <p>Starts target/vitrine.jar on a fresh data directory (H2, or the PostgreSQL database given with
 * --db-url), loads --products products through the bulk API, then measures each operation for
 * --seconds with --clients concurrent clients. Every figure is also given as a ratio to the
 * baseline (GET /health/live: the same server, HTTP stack and client, no application work), so
 * results from noisy machines stay comparable. Talks to loopback only.
 *
 * <pre>
 *   mvn -q package -DskipTests
 *   bench/run.sh ProductBench [--products 20000] [--seconds 15] [--clients 4] [--db-url jdbc:postgresql://...]
 * </pre>
 */
public class ProductBench {

  static int products = 20_000;
  static int seconds = 15;
  static int clients = 4;
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static int port = 8097;
  static BenchServer server;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = Integer.parseInt(args[i + 1]);
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    server = BenchServer.start(port, "2g", dbUrl, dbUser, dbPassword);
    try {
      long loadStart = System.nanoTime();
      load();
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Loaded %d products with bulk requests in %.1f s: %.0f products/s%n",
          products,
          loadSeconds,
          products / loadSeconds);
      warmUp();
      List<Load.Result> results = new ArrayList<>();
      Load.Result baseline = measure("baseline: GET /health/live", i -> get("/health/live"));
      results.add(baseline);
      results.add(
          measure(
              "GET /api/v1/products/{identifier}",
              i -> get("/api/v1/products/" + sku(random(products)))));
      results.add(
          measure(
              "GET /api/v1/products?limit=100 (first page)",
              i -> get("/api/v1/products?limit=100")));
      // A cursor three quarters into the catalog, found by walking the pages: a deep page should
      // cost what page 1 costs.
      String deep = cursorAt("/api/v1/products?limit=100", products * 3L / 4);
      results.add(
          measure(
              "GET /api/v1/products?limit=100 (page at 75%)",
              i -> get("/api/v1/products?limit=100&search_after=" + deep)));
      // Colour and size both follow n % 5: these filters keep 40 % of the catalog (80,000 of
      // 200,000), and q=tee matches every product, so this is a heavy query, not a typical one.
      String search =
          java.net.URLEncoder.encode(
              "{\"color\":[{\"operator\":\"IN\",\"value\":[\"navy\",\"white\"]}],"
                  + "\"size\":[{\"operator\":\"IN\",\"value\":[\"xs\",\"s\",\"m\"]}]}",
              java.nio.charset.StandardCharsets.UTF_8);
      results.add(
          measure(
              "GET /api/v1/products: full text, 2 filters, 3 facets, count",
              i ->
                  get(
                      "/api/v1/products?limit=20&locale=en_US&with_count=true&q=tee&search="
                          + search
                          + "&facets=color,size,categories")));
      results.add(measure("PATCH one value of a product", i -> patch(random(products))));
      AtomicLong created = new AtomicLong();
      results.add(measure("POST a new product", i -> post(products + created.incrementAndGet())));
      AtomicLong bulkNext = new AtomicLong(10_000_000);
      results.add(measureBulk("PATCH bulk, 1,000 new products per request", bulkNext));
      print(results, baseline, loadSeconds);
    } finally {
      server.close();
    }
  }

  static String sku(long n) {
    return String.format(Locale.ROOT, "BENCH-%08d", n);
  }

  static int random(int bound) {
    return ThreadLocalRandom.current().nextInt(bound);
  }

  /**
   * A believable apparel product of the sample catalog: texts in two locales, options, price,
   * weight.
   */
  static String product(long n) {
    String[] colors = {"navy", "white", "charcoal", "sand", "forest_green"};
    String[] sizes = {"xs", "s", "m", "l", "xl"};
    return "{\"identifier\":\""
        + sku(n)
        + "\",\"family\":\"apparel\",\"categories\":[\"men_t_shirts\"],\"values\":{"
        + "\"name\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\"Bench tee "
        + n
        + "\"},{\"locale\":\"fr_FR\",\"scope\":null,\"data\":\"T-shirt banc "
        + n
        + "\"}],"
        + "\"description\":[{\"locale\":\"en_US\",\"scope\":\"ecommerce\",\"data\":\"<p>Organic cotton jersey, <strong>180 g/m²</strong>, regular fit.</p>\"}],"
        + "\"color\":[{\"locale\":null,\"scope\":null,\"data\":\""
        + colors[(int) (n % colors.length)]
        + "\"}],"
        + "\"size\":[{\"locale\":null,\"scope\":null,\"data\":\""
        + sizes[(int) (n % sizes.length)]
        + "\"}],"
        + "\"material\":[{\"locale\":null,\"scope\":null,\"data\":[\"organic_cotton\"]}],"
        + "\"price\":[{\"locale\":null,\"scope\":null,\"data\":[{\"amount\":\"24.90\",\"currency\":\"USD\"},{\"amount\":\"22.90\",\"currency\":\"EUR\"}]}],"
        + "\"weight\":[{\"locale\":null,\"scope\":null,\"data\":{\"amount\":\"0.2\",\"unit\":\"KILOGRAM\"}}],"
        + "\"machine_washable\":[{\"locale\":null,\"scope\":null,\"data\":true}]}}";
  }

  static void load() throws Exception {
    int batch = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < products; from += batch) {
      int start = from;
      int end = Math.min(products, from + batch);
      futures.add(
          pool.submit(
              () -> {
                var body = new StringBuilder();
                for (int n = start; n < end; n++) {
                  body.append(product(n)).append('\n');
                }
                server.bulk(body);
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
  }

  static void warmUp() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int i = 0;
    while (System.nanoTime() < end) {
      get("/api/v1/products/" + sku(random(products)));
      get("/health/live");
      patch(random(products));
      i++;
    }
  }

  /** The cursor of the page that starts after about {@code items} items of {@code list}. */
  static String cursorAt(String list, long items) throws Exception {
    var next =
        java.util.regex.Pattern.compile(
            "\"next\":\\{\"href\":\"[^\"]*search_after=([A-Za-z0-9_-]+)");
    String cursor = null;
    for (long seen = 0; seen < items; seen += 100) {
      String page = get(list + (cursor == null ? "" : "&search_after=" + cursor));
      var found = next.matcher(page);
      if (!found.find()) {
        break;
      }
      cursor = found.group(1);
    }
    return cursor;
  }

  static String get(String path) throws Exception {
    return server.get(path);
  }

  static String patch(long n) throws Exception {
    return server
        .send(
            "PATCH",
            "/api/v1/products/" + sku(n),
            "{\"values\":{\"name\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\"Bench tee "
                + n
                + " v"
                + System.nanoTime()
                + "\"}]}}",
            "application/json")
        .body();
  }

  static String post(long n) throws Exception {
    return server.send("POST", "/api/v1/products", product(n), "application/json").body();
  }

  static Load.Result measure(String name, Load.Call call) throws Exception {
    return Load.run(name, clients, seconds, call, "req/s", 1);
  }

  static Load.Result measureBulk(String name, AtomicLong next) throws Exception {
    return Load.run(
        name,
        clients,
        seconds,
        i -> {
          long first = next.getAndAdd(1000);
          var body = new StringBuilder();
          for (long n = first; n < first + 1000; n++) {
            body.append(product(n)).append('\n');
          }
          server.send("PATCH", "/api/v1/products", body.toString(), "application/x-ndjson");
        },
        "products/s",
        1000);
  }

  static void print(List<Load.Result> results, Load.Result baseline, double loadSeconds) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "| operation (%d clients, %d s each, %d products, %s) | throughput | vs baseline | p50 | p99 |%n",
        clients,
        seconds,
        products,
        dbUrl == null ? "H2" : "PostgreSQL");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Load.Result r : results) {
      double ratio = baseline.perSecond() == 0 ? 0 : r.perSecond() / baseline.perSecond();
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f %s | %.3f | %.1f ms | %.1f ms |%n",
          r.name(),
          r.perSecond(),
          r.unit(),
          ratio,
          r.p50(),
          r.p99());
    }
    System.out.printf(
        Locale.ROOT,
        "| bulk load of %d products (2 concurrent requests) | %.0f products/s | | | |%n",
        products,
        products / loadSeconds);
  }
}
