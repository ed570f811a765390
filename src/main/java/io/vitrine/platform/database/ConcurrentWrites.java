package io.vitrine.platform.database;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/** Tells a write that lost to a concurrent one in the database from any other failure. */
public final class ConcurrentWrites {

  private ConcurrentWrites() {}

  /**
   * True when {@code failure} comes from the database refusing a write because of another one: a
   * stale version, a lock, a unique or foreign key constraint (SQLSTATE class 23), a deadlock or a
   * serialization failure (class 40). Such a write can be retried and will then see the winner.
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
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("23") || state.startsWith("40"))) {
          return true;
        }
      }
    }
    return false;
  }
}
