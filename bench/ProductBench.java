import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *   java bench/ProductBench.java [--products 20000] [--seconds 15] [--clients 4] [--db-url jdbc:postgresql://...]
 * </pre>
 */
public class ProductBench {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static int products = 20_000;
  static int seconds = 15;
  static int clients = 4;
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static int port = 8097;
  static String base;

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
    base = "http://localhost:" + port;
    Process server = start();
    try {
      waitReady();
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
      List<Result> results = new ArrayList<>();
      Result baseline = measure("baseline: GET /health/live", i -> get("/health/live"));
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
      server.destroy();
      server.waitFor();
    }
  }

  record Result(
      String name,
      double perSecond,
      double p50,
      double p99,
      long count,
      long errors,
      String unit) {}

  static Process start() throws IOException {
    Path data = Files.createTempDirectory("vitrine-bench");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dvitrine.data.dir=" + data,
                "-Dvitrine.sample.load=true",
                "-Dvitrine.port=" + port));
    if (dbUrl != null) {
      command.add("-Dvitrine.db.url=" + dbUrl);
      command.add("-Dvitrine.db.user=" + dbUser);
      command.add("-Dvitrine.db.password=" + dbPassword);
    }
    command.addAll(List.of("-jar", "target/vitrine.jar"));
    System.out.println("Starting " + String.join(" ", command));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("server.log").toFile())
        .start();
  }

  static void waitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The server did not become ready");
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
                String answer =
                    send("PATCH", "/api/v1/products", body.toString(), "application/x-ndjson");
                if (answer.contains("\"status_code\":4") || answer.contains("\"status_code\":5")) {
                  throw new IllegalStateException(
                      "Bulk load refused lines: "
                          + answer.substring(0, Math.min(800, answer.length())));
                }
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

  interface Call {
    void run(int i) throws Exception;
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
    return send("GET", path, null, null);
  }

  static String patch(long n) throws Exception {
    return send(
        "PATCH",
        "/api/v1/products/" + sku(n),
        "{\"values\":{\"name\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\"Bench tee "
            + n
            + " v"
            + System.nanoTime()
            + "\"}]}}",
        "application/json");
  }

  static String post(long n) throws Exception {
    return send("POST", "/api/v1/products", product(n), "application/json");
  }

  static String send(String method, String path, String body, String type) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.method(method, BodyPublishers.ofString(body)).header("Content-Type", type);
    }
    var response = HTTP.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static Result measure(String name, Call call) throws Exception {
    return run(name, call, "req/s", 1);
  }

  static Result measureBulk(String name, AtomicLong next) throws Exception {
    return run(
        name,
        i -> {
          long first = next.getAndAdd(1000);
          var body = new StringBuilder();
          for (long n = first; n < first + 1000; n++) {
            body.append(product(n)).append('\n');
          }
          send("PATCH", "/api/v1/products", body.toString(), "application/x-ndjson");
        },
        "products/s",
        1000);
  }

  static Result run(String name, Call call, String unit, int itemsPerCall) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<List<Long>>> futures = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                  long t = System.nanoTime();
                  try {
                    call.run(i++);
                    latencies.add(System.nanoTime() - t);
                  } catch (Exception e) {
                    if (errors.incrementAndGet() == 1) {
                      System.err.println(name + ": " + e.getMessage());
                    }
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : futures) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    all.sort(null);
    double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
    double p99 =
        all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
    var result =
        new Result(
            name, all.size() * itemsPerCall / elapsed, p50, p99, all.size(), errors.get(), unit);
    System.out.printf(
        Locale.ROOT,
        "%-45s %10.1f %-10s p50 %7.1f ms  p99 %7.1f ms  (%d calls, %d errors)%n",
        name,
        result.perSecond(),
        unit,
        p50,
        p99,
        all.size(),
        errors.get());
    return result;
  }

  static void print(List<Result> results, Result baseline, double loadSeconds) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "| operation (%d clients, %d s each, %d products, %s) | throughput | vs baseline | p50 | p99 |%n",
        clients,
        seconds,
        products,
        dbUrl == null ? "H2" : "PostgreSQL");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Result r : results) {
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
