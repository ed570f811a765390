package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestDatabase;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A kill -9 between the database commit and the index commit: at restart the index replays the
 * events it missed, and search agrees with the database again.
 *
 * <p>The shared deployment cannot be killed, so this test starts {@code target/vitrine.jar} (built
 * by the package phase) as a process of its own, on a database of its own of the run's kind. It
 * reads the index's last commit while the server is dead, to prove the crash really left committed
 * products out of the index.
 */
class SearchRecoveryIT {

  private static final int PER_ROUND = 300;

  private final Path data =
      Path.of(System.getProperty("vitrine.it.work", "target/it"))
          .toAbsolutePath()
          .resolve("recovery-" + System.getProperty("vitrine.it.db") + "-" + System.nanoTime());
  private final List<String> database = TestDatabase.anotherServer(data, "vitrine_recovery");
  private Process server;
  private Api api;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void eventsCommittedButNotIndexedAreReplayedAtRestart() throws Exception {
    int written = 0;
    long lastSeq = 0;
    long indexedSeq = 0;
    // The index commits about once a second: a kill right after a write almost always falls
    // before the index's commit. Try a few times before calling it a failure.
    for (int round = 0; round < 5 && indexedSeq >= lastSeq; round++) {
      start();
      var lines = new StringBuilder();
      for (int i = 0; i < PER_ROUND; i++) {
        lines.append(product(written + i)).append('\n');
      }
      var answer = api.patch("api/v1/products", lines.toString(), "Content-Type", Api.NDJSON);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(!answer.body().contains("\"status_code\":4"), answer.body());
      written += PER_ROUND;
      lastSeq = api.get("api/v1/search-index").json().getJsonNumber("last_seq").longValueExact();
      server.destroyForcibly().waitFor();
      server = null;
      indexedSeq = lastIndexCommitSeq();
    }
    assertTrue(
        indexedSeq < lastSeq,
        "the kill should leave committed events out of the index (index at "
            + indexedSeq
            + ", database at "
            + lastSeq
            + ")");

    start();
    for (int n : new int[] {0, written - 1}) {
      assertEquals(
          200,
          api.get("api/v1/products/RECOVER-" + n).status(),
          "the database kept every acknowledged write (see DatabaseUrlDataSource.durable)");
    }
    var found =
        api.get("api/v1/products?q=recoverable&locale=en_US&with_count=true&limit=100").json();
    assertEquals(
        written, found.getInt("items_count"), "every product written before the kill is found");
    var status = api.get("api/v1/search-index").json();
    assertTrue(status.getJsonNumber("applied_seq").longValueExact() >= lastSeq, status.toString());
  }

  private static String product(int n) {
    return Api.json(
        "{'identifier':'RECOVER-"
            + n
            + "','family':'apparel','values':{'name':[{'locale':'en_US','scope':null,"
            + "'data':'Recoverable tee "
            + n
            + "'}]}}");
  }

  /** The event sequence stored in the index's last commit, read while the server is dead. */
  private long lastIndexCommitSeq() throws IOException {
    Path root = data.resolve("index");
    Path live = root.resolve(Files.readString(root.resolve("current")).strip());
    try (var directory = FSDirectory.open(live)) {
      List<IndexCommit> commits = DirectoryReader.listCommits(directory);
      String seq = commits.get(commits.size() - 1).getUserData().get(LiveIndex.APPLIED_SEQ);
      return seq == null ? -1 : Long.parseLong(seq);
    }
  }

  private void start() throws Exception {
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
                "-Dvitrine.sample.load=true"));
    command.addAll(database);
    command.addAll(List.of("-jar", Path.of("target", "vitrine.jar").toAbsolutePath().toString()));
    Files.createDirectories(data);
    server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()))
            .start();
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + port + "/health/ready");
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(server.isAlive(), "the server stopped: see " + data.resolve("server.log"));
      try {
        if (http.send(HttpRequest.newBuilder(ready).build(), BodyHandlers.discarding()).statusCode()
            == 200) {
          api = new Api(URI.create("http://localhost:" + port + "/").toURL());
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the server was not ready within 3 minutes");
  }
}
