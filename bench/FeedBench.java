import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A storefront's full pull of a channel's feed, at catalog scale, with the server's heap capped.
 *
 * <p>Loads --products apparel products (ProductBench's) into a fresh server with a roomy heap, lets
 * the ecommerce channel publish them (enabled, in its tree, 50 % complete on one locale: the bench
 * products lack images), restarts the server with -Xmx of --heap (512m), and follows the NDJSON
 * feed's next links in pages of 1,000 until the changes link, counting products and bytes. On Each
 * round then runs the ecommerce channel's Google Merchant export as a job, from the POST that
 * starts it until its file is whole. On PostgreSQL (--db-url), the baseline in the same run is
 * {@code COPY (SELECT identifier, family, enabled, values) TO STDOUT} of the same products, the
 * ceiling of a hand-written SQL dump.
 *
 * <pre>
 *   bench/run.sh FeedBench --products 1000000 --db-url jdbc:postgresql://localhost:5432/vitrine_feed
 * </pre>
 */
public class FeedBench {

  static int products = 1_000_000;
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static String heap = "512m";
  static int port = 8098;
  static int rounds = 2;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--heap" -> heap = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    java.nio.file.Path data;
    try (BenchServer server = BenchServer.start(port, "3g", dbUrl, dbUser, dbPassword)) {
      data = server.data;
      long start = System.nanoTime();
      server.loadApparel(products);
      server.send(
          "PATCH",
          "/api/v1/channels/ecommerce",
          "{\"eligibility\":{\"min_completeness\":50,\"locales\":\"any\"}}",
          "application/json");
      server.awaitIndexed();
      System.out.printf(
          Locale.ROOT,
          "Loaded %d products in %.0f s%n",
          products,
          (System.nanoTime() - start) / 1e9);
    }
    try (BenchServer server = BenchServer.start(port, heap, dbUrl, dbUser, dbPassword, data)) {
      server.awaitIndexed();
      createGoogleProfile(server);
      Pull pull = null;
      Export export = null;
      double copy = 0;
      long copyBytes = 0;
      for (int round = 1; round <= rounds; round++) {
        pull = pull(server);
        System.out.printf(
            Locale.ROOT,
            "round %d: feed %,d products, %,d MB in %.1f s: %.0f products/s%n",
            round,
            pull.products,
            pull.bytes >> 20,
            pull.seconds,
            pull.products / pull.seconds);
        export = googleExport(server);
        System.out.printf(
            Locale.ROOT,
            "round %d: Google Merchant export %,d products (%,d refused), %,d MB in %.1f s:"
                + " %.0f products/s%n",
            round,
            export.written + export.rejected,
            export.rejected,
            export.bytes >> 20,
            export.seconds,
            (export.written + export.rejected) / export.seconds);
        if (dbUrl != null) {
          long t = System.nanoTime();
          copyBytes = copy();
          copy = (System.nanoTime() - t) / 1e9;
          System.out.printf(
              Locale.ROOT,
              "round %d: COPY TO STDOUT %,d MB in %.1f s: %.0f products/s%n",
              round,
              copyBytes >> 20,
              copy,
              products / copy);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%n| %,d products, %s, server -Xmx%s | seconds | products/s | MB | ratio |%n"
              + "|---|---:|---:|---:|---:|%n"
              + "| full NDJSON feed, pages of 1,000 | %.1f | %.0f | %,d | %s |%n",
          pull.products,
          dbUrl == null ? "H2" : "PostgreSQL",
          heap,
          pull.seconds,
          pull.products / pull.seconds,
          pull.bytes >> 20,
          dbUrl == null ? "" : String.format(Locale.ROOT, "%.2f", copy / pull.seconds));
      double exported = export.written + export.rejected;
      System.out.printf(
          Locale.ROOT,
          "| Google Merchant export job (RSS file under the data directory) | %.1f | %.0f | %,d | %s |%n",
          export.seconds,
          exported / export.seconds,
          export.bytes >> 20,
          dbUrl == null ? "" : String.format(Locale.ROOT, "%.2f", copy / export.seconds));
      if (dbUrl != null) {
        System.out.printf(
            Locale.ROOT,
            "| baseline: `COPY (SELECT identifier, family_code, enabled, values_json FROM product"
                + " WHERE enabled ORDER BY id) TO STDOUT` | %.1f | %.0f | %,d | 1.00 |%n",
            copy,
            products / copy,
            copyBytes >> 20);
      }
    }
  }

  record Pull(long products, long bytes, double seconds) {}

  record Export(long written, long rejected, long bytes, double seconds) {}

  /**
   * A Google feed of the bench products: they have no GTIN, brand or images, so the profile gives a
   * brand, the identifier as MPN, and image and product links by template.
   */
  static void createGoogleProfile(BenchServer server) throws Exception {
    var created =
        server.send(
            "POST",
            "/api/v1/channels/ecommerce/export-profiles",
            "{\"code\":\"bench_google\",\"format\":\"google_merchant\",\"mapping\":{"
                + "\"link\":{\"template\":\"https://shop.example/p/{identifier}\"},"
                + "\"image_link\":{\"template\":\"https://cdn.example/{identifier}.jpg\"},"
                + "\"brand\":{\"value\":\"Tidewater Basics\"},\"mpn\":\"identifier\"}}",
            "application/json");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("profile: " + created.statusCode() + " " + created.body());
    }
  }

  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");
  private static final Pattern COUNT = Pattern.compile("\"(written|rejected|size)\":(\\d+)");

  /** Starts the export and waits (polling every 100 ms) until its file is whole. */
  static Export googleExport(BenchServer server) throws Exception {
    long start = System.nanoTime();
    var started =
        server.send(
            "POST",
            "/api/v1/channels/ecommerce/export-profiles/bench_google/exports",
            "{}",
            "application/json");
    if (started.statusCode() != 202) {
      throw new IllegalStateException("export: " + started.statusCode() + " " + started.body());
    }
    String self = started.headers().firstValue("Location").orElseThrow();
    String path = self.substring(self.indexOf("/api/v1/"));
    while (true) {
      String run = server.get(path);
      Matcher state = STATE.matcher(run);
      state.find();
      if (state.group(1).equals("failed")) {
        throw new IllegalStateException("export failed: " + run);
      }
      if (state.group(1).equals("finished")) {
        double seconds = (System.nanoTime() - start) / 1e9;
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
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
  }

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  /** Follows the feed's next links, NDJSON, until the link to the changes. */
  static Pull pull(BenchServer server) throws Exception {
    String href = server.base + "/api/v1/channels/ecommerce/products?limit=1000";
    long count = 0;
    long bytes = 0;
    long start = System.nanoTime();
    while (!href.contains("since=")) {
      HttpResponse<java.io.InputStream> response =
          BenchServer.HTTP.send(
              HttpRequest.newBuilder(URI.create(href))
                  .header("Accept", "application/x-ndjson")
                  .timeout(Duration.ofMinutes(2))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(href + " -> " + response.statusCode());
      }
      try (var lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          count++;
          bytes += line.length() + 1;
        }
      }
      Matcher next = NEXT.matcher(response.headers().firstValue("Link").orElseThrow());
      if (!next.find()) {
        throw new IllegalStateException("No next link at " + href);
      }
      href = next.group(1);
    }
    return new Pull(count, bytes, (System.nanoTime() - start) / 1e9);
  }

  /** The same products dumped by PostgreSQL itself; the bytes it wrote. */
  static long copy() throws Exception {
    try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
      var copy =
          new org.postgresql.copy.CopyManager((org.postgresql.core.BaseConnection) connection);
      var counting =
          new OutputStream() {
            long bytes;

            @Override
            public void write(int b) {
              bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
              bytes += len;
            }
          };
      copy.copyOut(
          "COPY (SELECT identifier, family_code, enabled, values_json FROM product WHERE enabled"
              + " ORDER BY id) TO STDOUT",
          counting);
      return counting.bytes;
    }
  }
}
