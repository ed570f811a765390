package io.vitrine.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

  private static PersistenceException wrapped(SQLException cause) {
    return new PersistenceException("flush failed", new RuntimeException("driver", cause));
  }

  @Test
  void constraintDeadlockAndLockFailuresAreLostRaces() {
    for (String state : new String[] {"23505", "23503", "40001", "40P01", "55P03", "HYT00"}) {
      assertTrue(ConcurrentWrites.lost(wrapped(new SQLException("x", state))), state);
    }
    assertTrue(ConcurrentWrites.lost(new OptimisticLockException("stale")));
  }

  @Test
  void aBatchFailureIsJudgedByTheStatementItCarries() {
    var batch = new BatchUpdateException("batch", null, new int[0]);
    batch.setNextException(new SQLException("duplicate key", "23505"));
    assertTrue(ConcurrentWrites.lost(wrapped(batch)));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(ConcurrentWrites.lost(wrapped(new SQLException("value too long", "22001"))));
    assertFalse(ConcurrentWrites.lost(wrapped(new SQLException("syntax", "42601"))));
    assertFalse(ConcurrentWrites.lost(new IllegalStateException("bug")));
    assertFalse(ConcurrentWrites.lost(wrapped(new SQLException("no state"))));
  }
}
