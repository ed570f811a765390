package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.OwnServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The shared deployment cannot be killed: this test runs an {@link OwnServer}. It reads the
 * index's last commit while the server is dead, to prove the crash really left committed products
 * out of the index.
 */
class SearchRecoveryIT {

  private static final int PER_ROUND = 300;

  private final OwnServer server = new OwnServer("search-recovery");
  private Api api;

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
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
      server.kill();
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
    Path root = server.data.resolve("index");
    Path live = root.resolve(Files.readString(root.resolve("current")).strip());
    try (var directory = FSDirectory.open(live)) {
      List<IndexCommit> commits = DirectoryReader.listCommits(directory);
      String seq = commits.get(commits.size() - 1).getUserData().get(LiveIndex.APPLIED_SEQ);
      return seq == null ? -1 : Long.parseLong(seq);
    }
  }

  private void start() throws Exception {
    api = server.start();
  }
}
