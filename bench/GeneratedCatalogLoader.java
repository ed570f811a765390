import java.io.BufferedReader;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Loads a catalog written by {@link CatalogGenerator} into a running server: the schema through the
 * catalog endpoints, in the order of its file names (each item a merge-patch upsert, so a server
 * that already has the sample catalog, or this catalog, takes it too), then the products through
 * {@code PATCH /api/v1/products} in NDJSON requests of 1,000 lines, two in flight. Any refused item
 * or product line stops the load with the server's answer.
 *
 * <p>Its {@code main} starts target/vitrine.jar on a free port (H2, or --db-url), loads the
 * catalog, prints products/s, checks that search finds exactly the generated products, and removes
 * the server's data directory (unless {@code --keep-data true}):
 *
 * <pre>
 *   bench/run.sh CatalogGenerator --size small
 *   VITRINE_BENCH_NO_BUILD=1 bench/run.sh GeneratedCatalogLoader --catalog target/bench/catalog-small
 * </pre>
 */
public class GeneratedCatalogLoader {

  static final int BATCH = 1000;

  /** Where each schema file's items go; {@code {x}} is the item's field x. */
  static final Map<String, String> ENDPOINTS =
      Map.of(
          "locales", "/api/v1/locales/{code}",
          "currencies", "/api/v1/currencies/{code}",
          "attribute-groups", "/api/v1/attribute-groups/{code}",
          "attributes", "/api/v1/attributes/{code}",
          "attribute-options", "/api/v1/attributes/{attribute}/options/{code}",
          "categories", "/api/v1/categories/{code}",
          "channels", "/api/v1/channels/{code}",
          "families", "/api/v1/families/{code}");

  /** Loads the schema, then the products; returns the number of products sent. */
  static long load(BenchServer server, Path catalog) throws Exception {
    long started = System.nanoTime();
    int items = loadSchema(server, catalog.resolve("schema"));
    System.out.printf(
        Locale.ROOT, "Schema: %,d items in %.1f s%n", items, (System.nanoTime() - started) / 1e9);
    return loadProducts(server, catalog.resolve("products.ndjson"));
  }

  /**
   * PATCHes one schema item. A catalog write that collides with a concurrent one (the server's own
   * background work included) is answered 409 {@code conflict}, "send it again": this does, as any
   * client should, up to five times.
   */
  static HttpResponse<String> sendAgainOnConflict(BenchServer server, String path, String item)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return server.send("PATCH", path, item, "application/json");
      } catch (IllegalStateException e) {
        if (attempt == 5 || !e.getMessage().contains("urn:vitrine:problem:conflict")) {
          throw e;
        }
        Thread.sleep(50L * attempt);
      }
    }
  }

  /** Sends every schema file's items, file by file in name order. */
  static int loadSchema(BenchServer server, Path schema) throws Exception {
    List<Path> files;
    try (var listing = Files.list(schema)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int sent = 0;
    for (Path file : files) {
      String resource = file.getFileName().toString().replaceAll("^\\d+-|\\.json$", "");
      String endpoint = ENDPOINTS.get(resource);
      if (endpoint == null) {
        throw new IllegalArgumentException("No endpoint for " + file);
      }
      List<String> items = objects(Files.readString(file));
      // A category needs its parent: those go one at a time, in file order.
      int inFlight = resource.equals("categories") ? 1 : 2;
      ExecutorService pool = Executors.newFixedThreadPool(inFlight);
      try {
        List<Future<?>> done = new ArrayList<>();
        var slots = new Semaphore(inFlight);
        for (String item : items) {
          String path = path(endpoint, item);
          slots.acquire();
          done.add(
              pool.submit(
                  () -> {
                    try {
                      return sendAgainOnConflict(server, path, item);
                    } finally {
                      slots.release();
                    }
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      sent += items.size();
    }
    return sent;
  }

  /** Streams the NDJSON file in requests of 1,000 lines, two in flight; fails on any refusal. */
  static long loadProducts(BenchServer server, Path ndjson) throws Exception {
    long started = System.nanoTime();
    var accepted = new AtomicLong();
    var failure = new AtomicReference<Exception>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var slots = new Semaphore(2);
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
      var batch = new StringBuilder();
      int inBatch = 0;
      String line;
      while (failure.get() == null) {
        line = reader.readLine();
        if (line != null) {
          batch.append(line).append('\n');
          inBatch++;
          lines++;
        }
        if (inBatch == BATCH || line == null && inBatch > 0) {
          String body = batch.toString();
          int count = inBatch;
          batch.setLength(0);
          inBatch = 0;
          slots.acquire();
          pool.submit(
              () -> {
                try {
                  accepted.addAndGet(bulk(server, body, count));
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                } finally {
                  slots.release();
                }
              });
        }
        if (line == null) {
          break;
        }
      }
      slots.acquire(2);
    } finally {
      pool.shutdown();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Products: %,d lines sent, %,d accepted, 0 refused, in %.1f s: %,.0f products/s%n",
        lines,
        accepted.get(),
        seconds,
        accepted.get() / seconds);
    return accepted.get();
  }

  /** Sends one bulk request; the number of lines accepted, or an exception naming a refused one. */
  static int bulk(BenchServer server, String body, int lines) throws Exception {
    String answer = server.send("PATCH", "/api/v1/products", body, "application/x-ndjson").body();
    int accepted = 0;
    for (String status : answer.split("\n")) {
      if (status.isBlank()) {
        continue;
      }
      if (status.contains("\"status_code\":200") || status.contains("\"status_code\":201")) {
        accepted++;
      } else {
        throw new IllegalStateException("A product line was refused: " + status);
      }
    }
    if (accepted != lines) {
      throw new IllegalStateException(accepted + " answers for " + lines + " product lines");
    }
    return accepted;
  }

  /** The endpoint with {@code {field}} replaced by the item's field. */
  static String path(String endpoint, String item) {
    var placeholder = Pattern.compile("\\{(\\w+)}").matcher(endpoint);
    var path = new StringBuilder();
    while (placeholder.find()) {
      String value = field(item, placeholder.group(1));
      placeholder.appendReplacement(
          path, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    placeholder.appendTail(path);
    return path.toString();
  }

  /** The top-level JSON objects of a JSON array, as text. */
  static List<String> objects(String array) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 0; i < array.length(); i++) {
      char c = array.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth == 1 && c == '{') {
          start = i;
        }
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 1 && c == '}') {
          items.add(array.substring(start, i + 1));
        }
      }
    }
    return items;
  }

  /** A top-level string field of a JSON object (the generator writes no escapes in codes). */
  static String field(String object, String name) {
    int depth = 0;
    for (int i = 0; i < object.length(); i++) {
      char c = object.charAt(i);
      if (c == '"') {
        int end = object.indexOf('"', i + 1);
        while (object.charAt(end - 1) == '\\') {
          end = object.indexOf('"', end + 1);
        }
        if (depth == 1
            && object.substring(i + 1, end).equals(name)
            && object.startsWith(":\"", end + 1)) {
          return object.substring(end + 3, object.indexOf('"', end + 3));
        }
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new IllegalArgumentException("No field " + name + " in " + object);
  }

  static long count(BenchServer server, String search) throws Exception {
    String answer =
        server.get(
            "/api/v1/products?limit=1&with_count=true"
                + (search == null
                    ? ""
                    : "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
    var found = Pattern.compile("\"items_count\":(\\d+)").matcher(answer);
    if (!found.find()) {
      throw new IllegalStateException("No items_count in " + answer);
    }
    return Long.parseLong(found.group(1));
  }

  public static void main(String[] args) throws Exception {
    Path catalog = Path.of("target", "bench", "catalog-small");
    int port = 0;
    String heap = "2g";
    String dbUrl = null;
    String dbUser = "postgres";
    String dbPassword = "postgres";
    boolean keepData = false;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--catalog" -> catalog = Path.of(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--heap" -> heap = args[i + 1];
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--keep-data" -> keepData = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    String manifest = Files.readString(catalog.resolve("manifest.json"));
    long expected = manifestNumber(manifest, "products");
    String prefix = manifestString(manifest, "identifier_prefix");
    if (port == 0) {
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
    }
    BenchServer server = BenchServer.start(port, heap, dbUrl, dbUser, dbPassword);
    try {
      server.awaitIndexed();
      long before = count(server, null);
      long started = System.nanoTime();
      long accepted = load(server, catalog);
      server.awaitIndexed();
      double seconds = (System.nanoTime() - started) / 1e9;
      String ours =
          "{\"identifier\":[{\"operator\":\"STARTS WITH\",\"value\":\"" + prefix + "\"}]}";
      long found = count(server, ours);
      long total = count(server, null);
      long incomplete =
          count(
              server,
              "{\"identifier\":[{\"operator\":\"STARTS WITH\",\"value\":\""
                  + prefix
                  + "\"}],\"completeness\":[{\"operator\":\"<\",\"value\":100,"
                  + "\"scope\":\"ecommerce\"}]}");
      System.out.printf(
          Locale.ROOT,
          "Loaded and indexed in %.1f s. Search: %,d products with prefix %s (generated %,d),"
              + " %,d in all (%,d before); %,d below 100 %% complete on ecommerce%n",
          seconds,
          found,
          prefix,
          expected,
          total,
          before,
          incomplete);
      if (accepted != expected || found != expected || total != before + expected) {
        throw new IllegalStateException("The server does not hold exactly the generated products");
      }
      System.out.println("OK: every generated product was accepted and is found");
    } finally {
      server.close();
      if (keepData) {
        System.out.println("The server's data directory is " + server.data);
      } else {
        deleteTree(server.data);
      }
    }
  }

  static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  static long manifestNumber(String manifest, String name) {
    var found = Pattern.compile("\"" + name + "\": (\\d+)").matcher(manifest);
    if (!found.find()) {
      throw new IllegalArgumentException("The manifest has no " + name);
    }
    return Long.parseLong(found.group(1));
  }

  static String manifestString(String manifest, String name) {
    var found = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(manifest);
    if (!found.find()) {
      throw new IllegalArgumentException("The manifest has no " + name);
    }
    return found.group(1);
  }
}
