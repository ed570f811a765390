import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * target/vitrine.jar started on a fresh data directory, and the HTTP calls benchmarks make to it.
 */
final class BenchServer implements AutoCloseable {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final String base;
  final Path data;
  private final Process process;

  private BenchServer(String base, Path data, Process process) {
    this.base = base;
    this.data = data;
    this.process = process;
  }

  /**
   * Starts the server on {@code port} (H2 in its data directory, or the PostgreSQL database of
   * {@code dbUrl}) and waits until it is ready.
   */
  static BenchServer start(int port, String heap, String dbUrl, String dbUser, String dbPassword)
      throws Exception {
    return start(port, heap, dbUrl, dbUser, dbPassword, freshDataDirectory());
  }

  /**
   * A new data directory: under {@code $VITRINE_BENCH_DATA}, which bench/run.sh creates for each
   * run and deletes after it, else in the temporary directory.
   */
  static Path freshDataDirectory() throws IOException {
    String parent = System.getenv("VITRINE_BENCH_DATA");
    return parent == null
        ? Files.createTempDirectory("vitrine-bench")
        : Files.createTempDirectory(Path.of(parent), "vitrine-bench");
  }

  /**
   * As above, on the data directory {@code data} (the one a stopped server left, to restart it).
   */
  static BenchServer start(
      int port, String heap, String dbUrl, String dbUser, String dbPassword, Path data)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dvitrine.data.dir=" + data,
                // Payara unpacks its runtime into the temporary directory: keep it with the data.
                "-Djava.io.tmpdir=" + Files.createDirectories(data.resolve("tmp")),
                "-Dvitrine.sample.load=true",
                "-Dvitrine.port=" + port));
    // Extra JVM options for the server, such as a JFR recording to profile a benchmark with.
    String extra = System.getenv("VITRINE_BENCH_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    if (dbUrl != null) {
      command.add("-Dvitrine.db.url=" + dbUrl);
      command.add("-Dvitrine.db.user=" + dbUser);
      command.add("-Dvitrine.db.password=" + dbPassword);
    }
    command.addAll(List.of("-jar", "target/vitrine.jar"));
    System.out.println("Starting " + String.join(" ", command));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()))
            .start();
    var server = new BenchServer("http://localhost:" + port, data, process);
    // A benchmark stopped with Ctrl-C must not leave its server running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    try {
      server.waitReady();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void waitReady() throws Exception {
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
      if (!process.isAlive()) {
        throw new IllegalStateException("The server stopped: see " + data.resolve("server.log"));
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The server did not become ready");
  }

  /** The server process's resident memory, in bytes, from /proc (Linux). */
  long residentBytes() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("No VmRSS for process " + process.pid());
  }

  String get(String path) throws Exception {
    return send("GET", path, null, null).body();
  }

  /** Sends a request; any status of 400 or more is an exception. */
  HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300));
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
    return response;
  }

  /** Sends one NDJSON bulk request and fails if any line was refused. */
  void bulk(CharSequence lines) throws Exception {
    String answer =
        send("PATCH", "/api/v1/products", lines.toString(), "application/x-ndjson").body();
    if (answer.contains("\"status_code\":4") || answer.contains("\"status_code\":5")) {
      throw new IllegalStateException(
          "Bulk load refused lines: " + answer.substring(0, Math.min(800, answer.length())));
    }
  }

  /** Loads ProductBench's products 0 to count - 1 with the bulk API, two requests at a time. */
  void loadApparel(int count) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int from = 0; from < count; from += 1000) {
      int first = from;
      futures.add(
          pool.submit(
              () -> {
                var lines = new StringBuilder();
                for (int n = first; n < Math.min(count, first + 1000); n++) {
                  lines.append(ProductBench.product(n)).append('\n');
                }
                bulk(lines);
                return null;
              }));
    }
    try {
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Waits (up to half an hour) until the search index has applied every committed change. */
  void awaitIndexed() throws Exception {
    awaitIndexed(Duration.ofMinutes(30));
  }

  /**
   * Waits until the search index has applied every committed change, failing after {@code limit}.
   */
  void awaitIndexed(Duration limit) throws Exception {
    var lag = java.util.regex.Pattern.compile("\"lag\":(\\d+)");
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      var found = lag.matcher(get("/api/v1/search-index"));
      if (found.find() && found.group(1).equals("0")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The search index still lags after " + limit);
      }
      Thread.sleep(100);
    }
  }

  /** The server's process id. */
  long pid() {
    return process.pid();
  }

  /** {@code port}, or a free one when 0: another benchmark may hold the usual ports. */
  static int freePort(int port) throws IOException {
    if (port != 0) {
      return port;
    }
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
