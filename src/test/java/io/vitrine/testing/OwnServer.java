package io.vitrine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/vitrine.jar} (built by the package phase) run as a process of its own, on a data
 * directory and a database of its own of the run's kind: for tests that must kill a server, which
 * the shared deployment cannot be.
 */
public final class OwnServer implements AutoCloseable {

  public final Path data;
  private final List<String> database;
  private Process process;
  private Api api;

  public OwnServer(String name) {
    data =
        Path.of(System.getProperty("vitrine.it.work", "target/it"))
            .toAbsolutePath()
            .resolve(name + "-" + System.getProperty("vitrine.it.db") + "-" + System.nanoTime());
    database = TestDatabase.anotherServer(data, "vitrine_" + name.replace('-', '_'));
  }

  public Api api() {
    return api;
  }

  /** Starts the server (the sample catalog on first start) and waits until it is ready. */
  public Api start() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dvitrine.port=" + port,
                "-Dvitrine.sample.load=true",
                // Payara Micro unpacks itself under java.io.tmpdir and deletes that on a clean
                // stop; these servers are killed (-9), so their copies stay in the test's own
                // directory, not in the machine's /tmp (130 MB each).
                "-Djava.io.tmpdir=" + data.resolve("tmp").toAbsolutePath()));
    command.addAll(database);
    command.addAll(List.of("-jar", Path.of("target", "vitrine.jar").toAbsolutePath().toString()));
    Files.createDirectories(data.resolve("tmp"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()))
            .start();
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + port + "/health/ready");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the server stopped: see " + data.resolve("server.log"));
      try {
        if (http.send(HttpRequest.newBuilder(ready).build(), BodyHandlers.discarding()).statusCode()
            == 200) {
          api = new Api(URI.create("http://localhost:" + port + "/").toURL());
          return api;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the server was not ready within 3 minutes");
  }

  /** kill -9: no shutdown hook, no last commit. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
