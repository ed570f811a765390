import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

/**
 * Bulk import of a generated catalog (scenario 1): its schema through the catalog endpoints, then
 * its products through {@code PATCH /api/v1/products} (NDJSON, 1,000 a request, two in flight), on
 * H2 or, with {@code --db-url}, PostgreSQL. Baseline, in the same run: PostgreSQL's {@code COPY} of
 * the same products ({@code products.tsv}: identifier, family, enabled, values as JSON, categories)
 * into a table with a {@code jsonb} column, on {@code --pg-url} (by default the {@code --db-url}).
 *
 * <pre>
 *   bench/run.sh ImportBench --size small --pg-url jdbc:postgresql://localhost:5432/vitrine_bench
 *   bench/run.sh ImportBench --size small --db-url jdbc:postgresql://localhost:5432/vitrine_import
 * </pre>
 */
public class ImportBench {

  static String size = "small";
  static String dbUrl;
  static String pgUrl;
  static String pgUser = "postgres";
  static String pgPassword = "postgres";
  static int port = 8093;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = args[i + 1];
        case "--db-url" -> dbUrl = args[i + 1];
        case "--pg-url" -> pgUrl = args[i + 1];
        case "--pg-user" -> pgUser = args[i + 1];
        case "--pg-password" -> pgPassword = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (pgUrl == null) {
      pgUrl = dbUrl;
    }
    Path catalog = generated(size);
    long products;
    double seconds;
    try (BenchServer server = BenchServer.start(port, "3g", dbUrl, pgUser, pgPassword)) {
      int items = GeneratedCatalogLoader.loadSchema(server, catalog.resolve("schema"));
      long started = System.nanoTime();
      products = GeneratedCatalogLoader.loadProducts(server, catalog.resolve("products.ndjson"));
      seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Vitrine (%s): %,d schema items, then %,d products in %.1f s: %.0f products/s%n",
          dbUrl == null ? "H2" : "PostgreSQL",
          items,
          products,
          seconds,
          products / seconds);
    }
    double copySeconds = pgUrl == null ? Double.NaN : copy(catalog.resolve("products.tsv"));
    double rate = products / seconds;
    double copyRate = products / copySeconds;
    String database = dbUrl == null ? "h2" : "postgres";
    System.out.printf(
        Locale.ROOT,
        "%n| %s catalog, %,d products | seconds | products/s | ratio |%n|---|---:|---:|---:|%n"
            + "| `PATCH /api/v1/products` (NDJSON, 1,000 a request, 2 in flight), %s | %.1f |"
            + " %.0f | %s |%n",
        size,
        products,
        database.equals("h2") ? "H2" : "PostgreSQL",
        seconds,
        rate,
        Double.isNaN(copySeconds) ? "" : String.format(Locale.ROOT, "%.3f", rate / copyRate));
    if (!Double.isNaN(copySeconds)) {
      System.out.printf(
          Locale.ROOT,
          "| baseline: PostgreSQL `COPY` of `products.tsv` into a table with a `jsonb` column |"
              + " %.1f | %.0f | 1.00 |%n",
          copySeconds,
          copyRate);
    }
    Results.of("import")
        .put("size", size)
        .put("database", database)
        .put("products", products)
        .put("figure", Results.map("products_per_s", rate))
        .put(
            "baseline",
            Double.isNaN(copySeconds)
                ? null
                : Results.map(
                    "name", "PostgreSQL COPY into a jsonb table", "products_per_s", copyRate))
        .put("ratio", Double.isNaN(copySeconds) ? null : rate / copyRate)
        .put("target", 0.25)
        .put(
            "command",
            "bench/run.sh ImportBench --size "
                + size
                + (dbUrl == null ? "" : " --db-url " + dbUrl)
                + (pgUrl == null || pgUrl.equals(dbUrl) ? "" : " --pg-url " + pgUrl))
        .write("import-" + size + "-" + database);
  }

  /** The generated catalog of {@code size} (seed 42), made now unless an earlier run made it. */
  static Path generated(String size) throws Exception {
    Path catalog = Path.of("target/bench/catalog-" + size);
    if (!Files.exists(catalog.resolve("manifest.json"))) {
      CatalogGenerator.main(new String[] {"--size", size, "--out", catalog.toString()});
    }
    return catalog;
  }

  /** Seconds for PostgreSQL to COPY the catalog's TSV into a fresh table with a jsonb column. */
  static double copy(Path tsv) throws Exception {
    try (Connection connection = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        Statement sql = connection.createStatement()) {
      sql.execute("DROP TABLE IF EXISTS bench_import_copy");
      sql.execute(
          "CREATE TABLE bench_import_copy (identifier text PRIMARY KEY, family text, enabled"
              + " boolean, values_json jsonb, categories text)");
      var copy =
          new org.postgresql.copy.CopyManager((org.postgresql.core.BaseConnection) connection);
      long started = System.nanoTime();
      long rows;
      try (Reader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
        rows = copy.copyIn("COPY bench_import_copy FROM STDIN", reader);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Baseline: COPY of %,d rows in %.2f s: %.0f rows/s%n",
          rows,
          seconds,
          rows / seconds);
      sql.execute("DROP TABLE bench_import_copy");
      return seconds;
    }
  }
}
