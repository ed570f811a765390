import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How fast a family's completeness is recomputed after its requirements change.
 *
 * <p>Loads --products apparel products (ProductBench's) into a fresh server (H2, or --db-url
 * PostgreSQL), waits until search has them, then makes the ecommerce channel require one more
 * attribute of the family and measures until the job has finished, and until search agrees (the
 * job's change events indexed). The baseline, in the same run, is the initial bulk load: writing
 * the same products through the bulk API (which computes their completeness too).
 *
 * <pre>
 *   bench/run.sh CompletenessBench --products 200000
 * </pre>
 */
public class CompletenessBench {

  static int products = 200_000;
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static int port = 8097;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    try (BenchServer server = BenchServer.start(port, "2g", dbUrl, dbUser, dbPassword)) {
      long start = System.nanoTime();
      server.loadApparel(products);
      double load = (System.nanoTime() - start) / 1e9;
      server.awaitIndexed();
      System.out.printf(
          Locale.ROOT, "Loaded %d products in %.1f s (%.0f/s)%n", products, load, products / load);

      String family = server.get("/api/v1/families/apparel");
      var ecommerce = Pattern.compile("\"ecommerce\":\\[([^\\]]*)\\]").matcher(family);
      if (!ecommerce.find()) {
        throw new IllegalStateException("No ecommerce requirements in " + family);
      }
      String required = ecommerce.group(1) + ",\"care_instructions\"";
      start = System.nanoTime();
      server.send(
          "PATCH",
          "/api/v1/families/apparel",
          "{\"attribute_requirements\":{\"ecommerce\":[" + required + "]}}",
          "application/json");
      var state = Pattern.compile("\"state\":\"(\\w+)\"");
      var done = Pattern.compile("\"done\":(\\d+)");
      String job;
      while (true) {
        job = server.get("/api/v1/jobs?kind=completeness&limit=1");
        var s = state.matcher(job);
        if (s.find() && (s.group(1).equals("finished") || s.group(1).equals("failed"))) {
          break;
        }
        Thread.sleep(200);
      }
      double recompute = (System.nanoTime() - start) / 1e9;
      server.awaitIndexed();
      double searchable = (System.nanoTime() - start) / 1e9;
      var d = done.matcher(job);
      long items = d.find() ? Long.parseLong(d.group(1)) : -1;
      System.out.println(job);
      System.out.printf(
          Locale.ROOT,
          "%n| %,d apparel products, %s | seconds | products/s | vs bulk load |%n|---|---:|---:|---:|%n"
              + "| bulk load (baseline) | %.1f | %.0f | 1.00 |%n"
              + "| recompute job, from the family PATCH to the job finished | %.1f | %.0f | %.2f |%n"
              + "| ... and search agreeing (the job's events indexed) | %.1f | %.0f | %.2f |%n",
          items,
          dbUrl == null ? "H2" : "PostgreSQL",
          load,
          products / load,
          recompute,
          items / recompute,
          (items / recompute) / (products / load),
          searchable,
          items / searchable,
          (items / searchable) / (products / load));
    }
  }
}
