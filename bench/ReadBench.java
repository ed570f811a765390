import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading one product by identifier, measured by {@code wrk} (from Debian) after a warm-up, against
 * a trivial JAX-RS endpoint of the same server: {@code GET /api/v1}, the API's entry point, which
 * reads nothing. Both go through the same server, filters and JSON writer, so the ratio is what
 * reading and writing a product costs over a request that does no work.
 *
 * <p>With {@code --size}, the products are a generated catalog's ({@link CatalogGenerator});
 * without, {@code --products} of {@link ProductBench}'s apparel.
 *
 * <pre>
 *   bench/run.sh ReadBench --size small --seconds 20
 *   bench/run.sh ReadBench --products 50000 --seconds 20
 * </pre>
 */
public class ReadBench {

  static int products = 50_000;
  static String size;
  static int seconds = 20;
  static int warmup = 30;
  static int connections = 16;
  static int threads = 2;
  static int port = 8096;

  record Wrk(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors) {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--size" -> size = args[i + 1];
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    try (BenchServer server = BenchServer.start(port, "2g", null, null, null)) {
      long start = System.nanoTime();
      String pattern;
      if (size == null) {
        server.loadApparel(products);
        pattern = "BENCH-%%08d";
      } else {
        products = (int) GeneratedCatalogLoader.load(server, ImportBench.generated(size));
        pattern = CatalogGenerator.IDENTIFIER_PREFIX + "%%07d";
      }
      server.awaitIndexed();
      System.out.printf(
          Locale.ROOT,
          "Loaded %d products in %.1f s%n",
          products,
          (System.nanoTime() - start) / 1e9);
      // Each request reads a product picked at random, so caches see the catalog, not one row.
      Path script = Files.createTempFile("vitrine-read", ".lua");
      Files.writeString(
          script,
          String.format(
              Locale.ROOT,
              "math.randomseed(os.time())%n"
                  + "request = function()%n"
                  + "  return wrk.format(\"GET\", string.format(\"/api/v1/products/"
                  + pattern
                  + "\", math.random(0, %d)))%n"
                  + "end%n",
              products - 1));
      String product = server.base + "/api/v1/products/" + identifier(0);
      String root = server.base + "/api/v1";
      wrk(product, warmup, script);
      wrk(root, warmup, null);
      List<Wrk> reads = new ArrayList<>();
      List<Wrk> baselines = new ArrayList<>();
      // Alternated, twice: a noisy neighbour hurts both sides alike.
      for (int round = 0; round < 2; round++) {
        reads.add(wrk(product, seconds, script));
        baselines.add(wrk(root, seconds, null));
      }
      Wrk read = best(reads);
      Wrk baseline = best(baselines);
      double ratio = read.requestsPerSecond() / baseline.requestsPerSecond();
      System.out.printf(
          Locale.ROOT,
          "%n| %,d products, H2, wrk -t%d -c%d -d%ds, better of 2 rounds | req/s | p50 ms | p99 ms"
              + " | ratio |%n|---|---:|---:|---:|---:|%n"
              + "| `GET /api/v1/products/{identifier}`, random among all | %.0f | %.2f | %.2f |"
              + " %.2f |%n"
              + "| baseline: `GET /api/v1` (the entry point, reads nothing) | %.0f | %.2f | %.2f |"
              + " 1.00 |%n",
          products,
          threads,
          connections,
          seconds,
          read.requestsPerSecond(),
          read.p50Ms(),
          read.p99Ms(),
          ratio,
          baseline.requestsPerSecond(),
          baseline.p50Ms(),
          baseline.p99Ms());
      if (read.errors() > 0 || baseline.errors() > 0) {
        System.out.println(
            "Non-2xx answers: " + read.errors() + " (reads), " + baseline.errors() + " (baseline)");
      }
      Results.of("read")
          .put("size", size == null ? "apparel" : size)
          .put("products", products)
          .put(
              "figure",
              Results.map(
                  "requests_per_s", read.requestsPerSecond(),
                  "p50_ms", read.p50Ms(),
                  "p99_ms", read.p99Ms()))
          .put(
              "baseline",
              Results.map(
                  "name", "GET /api/v1",
                  "requests_per_s", baseline.requestsPerSecond(),
                  "p50_ms", baseline.p50Ms(),
                  "p99_ms", baseline.p99Ms()))
          .put("ratio", ratio)
          .put("target", 0.6)
          .put(
              "command",
              "bench/run.sh ReadBench "
                  + (size == null ? "--products " + products : "--size " + size)
                  + " --seconds "
                  + seconds)
          .write("read-" + (size == null ? String.valueOf(products) : size));
    }
  }

  private static String identifier(int n) {
    return size == null ? ProductBench.sku(n) : CatalogGenerator.identifier(n);
  }

  private static Wrk best(List<Wrk> runs) {
    return runs.stream()
        .max(java.util.Comparator.comparingDouble(Wrk::requestsPerSecond))
        .orElseThrow();
  }

  /** Runs wrk against {@code url} for {@code seconds}, with {@code script} when given. */
  static Wrk wrk(String url, int seconds, Path script) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency"));
    if (script != null) {
      command.add("-s");
      command.add(script.toString());
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return new Wrk(
        number(output, "Requests/sec:\\s+([\\d.]+)"),
        millis(output, "50%"),
        millis(output, "99%"),
        (long) number(output, "(\\d+) requests in"),
        output.contains("Non-2xx or 3xx responses:")
            ? (long) number(output, "Non-2xx or 3xx responses:\\s+(\\d+)")
            : 0);
  }

  private static double number(String output, String regex) {
    Matcher found = Pattern.compile(regex).matcher(output);
    if (!found.find()) {
      throw new IllegalStateException("No " + regex + " in wrk's output: " + output);
    }
    return Double.parseDouble(found.group(1));
  }

  /** A latency percentile of wrk's --latency table, in milliseconds. */
  private static double millis(String output, String percentile) {
    Matcher found =
        Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)")
            .matcher(output);
    if (!found.find()) {
      throw new IllegalStateException("No " + percentile + " latency in wrk's output: " + output);
    }
    double value = Double.parseDouble(found.group(1));
    return switch (found.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
