package io.vitrine.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An acknowledged write must survive a killed process, on H2 too. */
class DatabaseUrlDataSourceTest {

  @Test
  void anH2UrlWritesEachCommitAtOnce() {
    assertEquals(
        "jdbc:h2:file:/data/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        DatabaseUrlDataSource.durable("jdbc:h2:file:/data/db;DB_CLOSE_ON_EXIT=FALSE"));
  }

  @Test
  void anH2UrlThatChoosesItsWriteDelayKeepsIt() {
    assertEquals(
        "jdbc:h2:file:/data/db;write_delay=500",
        DatabaseUrlDataSource.durable("jdbc:h2:file:/data/db;write_delay=500"));
  }
}
