package io.vitrine.platform.database;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/** Tells a write that lost to a concurrent one in the database from any other failure. */
public final class ConcurrentWrites {

  private ConcurrentWrites() {}

  /**
   * True when {@code failure} comes from the database refusing a write because of another one: a
   * stale version, a lock not obtained, a unique or foreign key constraint, a deadlock or a
   * serialization failure. Such a write can be retried and will then see the winner.
   */
  public static boolean lost(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
        return true;
      }
      // A batch failure carries the statement's own failure as its next exception.
      for (SQLException sql = cause instanceof SQLException s ? s : null;
          sql != null;
          sql = sql.getNextException()) {
        if (isConflictState(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  // 23: integrity constraint; 40: deadlock or serialization failure; 55P03 (PostgreSQL) and HYT00
  // (H2, which has no deadlock detection for row locks): a lock not obtained in time.
  private static boolean isConflictState(String state) {
    return state != null
        && (state.startsWith("23")
            || state.startsWith("40")
            || state.equals("55P03")
            || state.equals("HYT00"));
  }
}
