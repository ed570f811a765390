import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Asset ingest and renditions on real product photos, against ImageMagick in the same run.
 *
 * <p>Ingest: every photo uploaded with {@code PUT /api/v1/assets/{code}} (streamed, hashed,
 * type-checked, decoded to check it is whole, described), one request at a time, under a new code
 * each round: files/s and MB/s. Renditions: the same photos in a family whose one rendition is a
 * 300 px JPEG thumbnail at quality 85; each round deletes the made files and asks for every
 * thumbnail in turn, so the server makes them in the request: renditions/s. Baseline, on the same
 * photos in the same round: {@code convert photo -thumbnail 300x300 -quality 85 out.jpg} per photo
 * (what a script around ImageMagick does), and {@code mogrify} over all of them in one process.
 * Quote the ratio to {@code convert} as the issue asks; the one to {@code mogrify} shows what is
 * left once process start-up is not counted.
 *
 * <pre>
 *   bench/run.sh AssetBench --photos ../shared/datasets/product-photos --rounds 5
 * </pre>
 */
public class AssetBench {

  static Path photosDir = Path.of("../shared/datasets/product-photos");
  static int rounds = 5;
  static int port = 8097;
  static String spec = "300x300";

  /**
   * ImageMagick's own binaries: a wrapper earlier on the PATH (some machines put a script there)
   * would add its start-up to every baseline call.
   */
  static final String CONVERT_BIN =
      Files.isExecutable(Path.of("/usr/bin/convert")) ? "/usr/bin/convert" : "convert";

  static final String MOGRIFY_BIN =
      Files.isExecutable(Path.of("/usr/bin/mogrify")) ? "/usr/bin/mogrify" : "mogrify";

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--photos" -> photosDir = Path.of(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    List<Path> photos;
    try (Stream<Path> all = Files.list(photosDir)) {
      photos =
          all.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
              .sorted()
              .toList();
    }
    if (photos.isEmpty()) {
      throw new IllegalStateException("No photos in " + photosDir);
    }
    long bytes = 0;
    for (Path photo : photos) {
      bytes += Files.size(photo);
    }
    System.out.printf(
        Locale.ROOT, "%d photos, %.1f MB, in %s%n", photos.size(), bytes / 1e6, photosDir);
    String imageMagick = version(CONVERT_BIN, "-version");
    try (BenchServer server = BenchServer.start(port, "1g", null, null, null)) {
      awaitQuiet(server.data.resolve("renditions"));
      server.send(
          "POST",
          "/api/v1/asset-families",
          "{\"code\":\"bench\",\"media_kinds\":[\"image\"],\"renditions\":{\"thumb\":"
              + "{\"mode\":\"fit\",\"width\":300,\"height\":300,\"format\":\"jpeg\",\"quality\":85}}}",
          "application/json");
      List<Double> ingest = new ArrayList<>();
      List<Double> made = new ArrayList<>();
      List<Double> convert = new ArrayList<>();
      List<Double> mogrify = new ArrayList<>();
      List<Double> hinted = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        // Ingest: a new code per photo and round; the bytes are known after round 1, so later
        // rounds store nothing new but still hash, check and describe every byte.
        long t = System.nanoTime();
        for (int i = 0; i < photos.size(); i++) {
          put(server, "r" + round + "_" + i, photos.get(i), round == 1 ? "bench" : null);
        }
        double ingestSeconds = (System.nanoTime() - t) / 1e9;
        ingest.add(ingestSeconds);
        if (round == 1) {
          awaitQuiet(server.data.resolve("renditions"));
        }

        deleteTree(server.data.resolve("renditions"));
        t = System.nanoTime();
        for (int i = 0; i < photos.size(); i++) {
          download(server, "/api/v1/assets/r1_" + i + "/renditions/thumb");
        }
        double renditionSeconds = (System.nanoTime() - t) / 1e9;
        made.add(renditionSeconds);

        Path out = Files.createTempDirectory("vitrine-bench-im");
        t = System.nanoTime();
        for (int i = 0; i < photos.size(); i++) {
          run(
              CONVERT_BIN,
              photos.get(i).toString(),
              "-thumbnail",
              spec,
              "-quality",
              "85",
              out.resolve(i + ".jpg").toString());
        }
        double convertSeconds = (System.nanoTime() - t) / 1e9;
        convert.add(convertSeconds);
        // ImageMagick told the size it needs: libjpeg then decodes at 1/2, 1/4 or 1/8 scale, as
        // Vitrine's reader skips pixels. The fairer comparison of the two decoders.
        t = System.nanoTime();
        for (int i = 0; i < photos.size(); i++) {
          run(
              CONVERT_BIN,
              "-define",
              "jpeg:size=600x600",
              photos.get(i).toString(),
              "-thumbnail",
              spec,
              "-quality",
              "85",
              out.resolve("h" + i + ".jpg").toString());
        }
        hinted.add((System.nanoTime() - t) / 1e9);
        Path batch = Files.createDirectories(out.resolve("mogrify"));
        List<String> command =
            new ArrayList<>(
                List.of(
                    MOGRIFY_BIN,
                    "-path",
                    batch.toString(),
                    "-format",
                    "jpg",
                    "-thumbnail",
                    spec,
                    "-quality",
                    "85"));
        photos.forEach(p -> command.add(p.toString()));
        t = System.nanoTime();
        run(command.toArray(String[]::new));
        mogrify.add((System.nanoTime() - t) / 1e9);
        deleteTree(out);
        System.out.printf(
            Locale.ROOT,
            "round %d: ingest %.2f s (%.1f files/s, %.1f MB/s); renditions %.2f s (%.1f/s);"
                + " convert %.2f s (%.1f/s); mogrify %.2f s (%.1f/s); hinted convert %.2f s%n",
            round,
            ingestSeconds,
            photos.size() / ingestSeconds,
            bytes / 1e6 / ingestSeconds,
            renditionSeconds,
            photos.size() / renditionSeconds,
            convertSeconds,
            photos.size() / convertSeconds,
            mogrify.get(mogrify.size() - 1),
            photos.size() / mogrify.get(mogrify.size() - 1),
            hinted.get(hinted.size() - 1));
      }
      double n = photos.size();
      double ingestRate = n / median(ingest);
      double renditionRate = n / median(made);
      double convertRate = n / median(convert);
      double mogrifyRate = n / median(mogrify);
      double hintedRate = n / median(hinted);
      System.out.printf(
          Locale.ROOT,
          "%n| %d photos (%.1f MB), medians of %d rounds | per second | ratio to `convert` |"
              + " ratio to `mogrify` |%n"
              + "|---|---:|---:|---:|%n"
              + "| ingest, `PUT /api/v1/assets/{code}` one at a time | %.1f files, %.1f MB | | |%n"
              + "| Vitrine renditions, 300 px JPEG q85, made on request | %.1f | %.2f | %.2f |%n"
              + "| baseline: `convert photo -thumbnail %s -quality 85` per photo | %.1f | 1.00 | |%n"
              + "| baseline: `mogrify -thumbnail %s -quality 85`, all photos in one process |"
              + " %.1f | | 1.00 |%n"
              + "| baseline: `convert -define jpeg:size=600x600 photo -thumbnail %s -quality 85`"
              + " per photo | %.1f | %.2f (Vitrine to it) | |%n",
          photos.size(),
          bytes / 1e6,
          rounds,
          ingestRate,
          bytes / 1e6 / median(ingest),
          renditionRate,
          renditionRate / convertRate,
          renditionRate / mogrifyRate,
          spec,
          convertRate,
          spec,
          mogrifyRate,
          spec,
          hintedRate,
          renditionRate / hintedRate);
      Results.of("assets")
          .put("size", "photos")
          .put("photos", photos.size())
          .put("megabytes", bytes / 1e6)
          .put(
              "figure",
              Results.map(
                  "renditions_per_s", renditionRate,
                  "ingest_files_per_s", ingestRate,
                  "ingest_mb_per_s", bytes / 1e6 / median(ingest)))
          .put(
              "baseline",
              Results.map(
                  "name", imageMagick,
                  "convert_per_s", convertRate,
                  "mogrify_per_s", mogrifyRate,
                  "convert_jpeg_size_hint_per_s", hintedRate))
          .put("ratio", renditionRate / convertRate)
          .put("ratio_to_mogrify", renditionRate / mogrifyRate)
          .put("target", 0.5)
          .put("rounds", rounds)
          .put("command", "bench/run.sh AssetBench --photos " + photosDir + " --rounds " + rounds)
          .write("assets-photos");
    }
  }

  private static void put(BenchServer server, String code, Path photo, String family)
      throws Exception {
    String query = family == null ? "" : "?family=" + family;
    var request =
        HttpRequest.newBuilder(URI.create(server.base + "/api/v1/assets/" + code + query))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", mediaType(photo))
            .PUT(BodyPublishers.ofFile(photo))
            .build();
    var response = BenchServer.HTTP.send(request, BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "PUT " + code + " -> " + response.statusCode() + " " + response.body());
    }
  }

  /** What the file is, by its name: the photos are JPEGs, the sample catalog's pictures PNGs. */
  private static String mediaType(Path photo) {
    return photo.toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
  }

  private static void download(BenchServer server, String path) throws Exception {
    var response =
        BenchServer.HTTP.send(
            HttpRequest.newBuilder(URI.create(server.base + path))
                .timeout(Duration.ofSeconds(120))
                .build(),
            BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || response.body().length == 0) {
      throw new IllegalStateException("GET " + path + " -> " + response.statusCode());
    }
  }

  /** Waits until the background renditions stop adding files (the sample catalog's, round 1's). */
  private static void awaitQuiet(Path renditions) throws Exception {
    long last = -1;
    int still = 0;
    while (still < 6) {
      Thread.sleep(500);
      long count;
      try (Stream<Path> files =
          Files.exists(renditions) ? Files.walk(renditions) : Stream.empty()) {
        count = files.count();
      }
      still = count == last ? still + 1 : 0;
      last = count;
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static String version(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return output.lines().findFirst().orElse("?").strip();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
