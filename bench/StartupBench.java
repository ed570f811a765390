import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Start-up and footprint with a catalog loaded: the time from launching the server on an existing
 * data directory until {@code /health/ready} answers UP, and its resident memory (RSS) once ready
 * and after a minute of reads (--read-seconds). In the same run, the same server started on an
 * empty data directory (schema created, sample catalog loaded) gives the reference.
 *
 * <p>With {@code --size}, the products are a generated catalog's ({@link CatalogGenerator});
 * without, {@code --products} of {@link ProductBench}'s apparel.
 *
 * <pre>
 *   bench/run.sh StartupBench --size large
 *   bench/run.sh StartupBench --products 200000
 * </pre>
 */
public class StartupBench {

  static int products = 200_000;
  static String size;
  static int port = 8094;
  static String heap = "2g";
  static int readSeconds = 60;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--size" -> size = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--heap" -> heap = args[i + 1];
        case "--read-seconds" -> readSeconds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    long t = System.nanoTime();
    double emptySeconds;
    long emptyRss;
    Path data;
    try (BenchServer server = BenchServer.start(port, heap, null, null, null)) {
      emptySeconds = (System.nanoTime() - t) / 1e9;
      emptyRss = server.residentBytes();
      data = server.data;
      long loadStart = System.nanoTime();
      if (size == null) {
        server.loadApparel(products);
      } else {
        products = (int) GeneratedCatalogLoader.load(server, ImportBench.generated(size));
      }
      server.awaitIndexed();
      System.out.printf(
          Locale.ROOT,
          "Loaded %,d products in %.0f s%n",
          products,
          (System.nanoTime() - loadStart) / 1e9);
    }
    long dataBytes;
    try (Stream<Path> files = Files.walk(data)) {
      dataBytes =
          files
              .filter(p -> Files.isRegularFile(p) && !p.startsWith(data.resolve("tmp")))
              .mapToLong(p -> p.toFile().length())
              .sum();
    }
    t = System.nanoTime();
    try (BenchServer server = BenchServer.start(port, heap, null, null, null, data)) {
      double loadedSeconds = (System.nanoTime() - t) / 1e9;
      long readyRss = server.residentBytes();
      // A minute of reads of random products: the memory a server in use settles at.
      long deadline = System.nanoTime() + readSeconds * 1_000_000_000L;
      var random = new java.util.SplittableRandom(1);
      int reads = 0;
      while (System.nanoTime() < deadline) {
        int n = random.nextInt(products);
        server.get(
            "/api/v1/products/"
                + (size == null ? ProductBench.sku(n) : CatalogGenerator.identifier(n)));
        reads++;
      }
      long usedRss = server.residentBytes();
      System.out.printf(
          Locale.ROOT,
          "%n| server -Xmx%s, H2 | time to ready | RSS when ready | RSS after %,d reads |%n"
              + "|---|---:|---:|---:|%n"
              + "| %,d products (data directory %,d MB) | %.1f s | %,d MB | %,d MB |%n"
              + "| reference: empty data directory (schema and sample catalog created) | %.1f s |"
              + " %,d MB | |%n",
          heap,
          reads,
          products,
          dataBytes >> 20,
          loadedSeconds,
          readyRss >> 20,
          usedRss >> 20,
          emptySeconds,
          emptyRss >> 20);
      Results.of("startup")
          .put("size", size == null ? "apparel" : size)
          .put("products", products)
          .put(
              "figure",
              Results.map(
                  "ready_s", loadedSeconds,
                  "rss_ready_mb", readyRss >> 20,
                  "rss_after_reads_mb", usedRss >> 20,
                  "data_mb", dataBytes >> 20))
          .put(
              "baseline",
              Results.map(
                  "name",
                  "first start on an empty data directory",
                  "ready_s",
                  emptySeconds,
                  "rss_mb",
                  emptyRss >> 20))
          .put(
              "command",
              "bench/run.sh StartupBench "
                  + (size == null ? "--products " + products : "--size " + size))
          .write("startup-" + (size == null ? String.valueOf(products) : size));
    }
  }
}
