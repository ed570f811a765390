import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * Bulk import of a generated catalog (scenario 1): its schema through the catalog endpoints, then
 * its products through {@code PATCH /api/v1/products} (NDJSON, 1,000 a request, two in flight), on
 * H2 or, with {@code --database postgres}, a fresh PostgreSQL database ({@code --db-url} names
 * another). Baseline, in the same run: PostgreSQL's {@code COPY} of the same products ({@code
 * products.tsv}: identifier, family, enabled, values as JSON, categories) into a table with a
 * {@code jsonb} column. PostgreSQL is the server of {@code --pg-url}, else an embedded one started
 * for the run ({@link BenchPostgres}).
 *
 * <pre>
 *   bench/run.sh ImportBench --size small
 *   bench/run.sh ImportBench --size small --database postgres
 * </pre>
 */
public class ImportBench {

  static String size = "small";
  static String database = "h2";
  static String dbUrl;
  static String pgUrl;
  static String pgUser = "postgres";
  static String pgPassword = "postgres";
  static int port = 8093;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = args[i + 1];
        case "--database" -> database = args[i + 1];
        case "--db-url" -> dbUrl = args[i + 1];
        case "--pg-url" -> pgUrl = args[i + 1];
        case "--pg-user" -> pgUser = args[i + 1];
        case "--pg-password" -> pgPassword = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    String command =
        "bench/run.sh import "
            + size
            + (dbUrl != null ? " --db-url " + dbUrl : "")
            + (dbUrl == null && database.equals("postgres") ? " --database postgres" : "")
            + (pgUrl == null ? "" : " --pg-url " + pgUrl);
    if (dbUrl != null) {
      database = "postgres";
    }
    Path catalog = generated(size);
    try (BenchPostgres postgres = BenchPostgres.of(pgUrl, pgUser, pgPassword)) {
      if (dbUrl == null && database.equals("postgres")) {
        dbUrl = postgres.freshDatabase("vitrine_import");
      }
      run(catalog, postgres, command);
    }
  }

  static void run(Path catalog, BenchPostgres postgres, String command) throws Exception {
    long products;
    double seconds;
    try (BenchServer server =
        BenchServer.start(port, "3g", dbUrl, postgres.user, postgres.password)) {
      int items = GeneratedCatalogLoader.loadSchema(server, catalog.resolve("schema"));
      long started = System.nanoTime();
      products = GeneratedCatalogLoader.loadProducts(server, catalog.resolve("products.ndjson"));
      seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Vitrine (%s): %,d schema items, then %,d products in %.1f s: %.0f products/s%n",
          database.equals("h2") ? "H2" : "PostgreSQL",
          items,
          products,
          seconds,
          products / seconds);
    }
    // COPY takes about a second for the small catalog: the median of three takes out a hiccup.
    double[] copies = new double[3];
    for (int i = 0; i < copies.length; i++) {
      copies[i] = copy(postgres, catalog.resolve("products.tsv"));
    }
    java.util.Arrays.sort(copies);
    double copySeconds = copies[1];
    double rate = products / seconds;
    double copyRate = products / copySeconds;
    System.out.printf(
        Locale.ROOT,
        "%n| %s catalog, %,d products | seconds | products/s | ratio |%n|---|---:|---:|---:|%n"
            + "| `PATCH /api/v1/products` (NDJSON, 1,000 a request, 2 in flight), %s | %.1f |"
            + " %.0f | %.3f |%n"
            + "| baseline: `COPY` of `products.tsv` into a table with a `jsonb` column, %s,"
            + " median of 3 | %.1f | %.0f | 1.00 |%n",
        size,
        products,
        database.equals("h2") ? "H2" : "PostgreSQL",
        seconds,
        rate,
        rate / copyRate,
        postgres.description(),
        copySeconds,
        copyRate);
    Results.of("import")
        .put("size", size)
        .put("database", database)
        .put("products", products)
        .put("figure", Results.map("products_per_s", rate))
        .put(
            "baseline",
            Results.map(
                "name",
                "COPY into a jsonb table, " + postgres.description(),
                "products_per_s",
                copyRate))
        .put("ratio", rate / copyRate)
        .put("target", 0.25)
        .put("command", command)
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
  static double copy(BenchPostgres postgres, Path tsv) throws Exception {
    try (Connection connection = postgres.connect();
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
