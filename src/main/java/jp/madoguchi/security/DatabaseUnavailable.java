package jp.madoguchi.security;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached or used at all (down, restarting, refusing connections,
 * the pool out of connections, a connection killed half-way), as opposed to an error in what was asked of it. Only
 * the former is worth a "try again later": the rest stays a 500, looked into by an operator.
 *
 * <p>The failure is judged by what is anywhere in its causes, because the engine wraps the driver's exception in
 * its own (a {@code ProcessEngineException} around MyBatis around the driver's), and Spring wraps a failed commit or
 * rollback in a {@code TransactionSystemException} that keeps the failure which made the transaction roll back.
 */
final class DatabaseUnavailable {

  /**
   * PostgreSQL's SQLSTATEs that mean the server went away: admin_shutdown (a restart or pg_terminate_backend),
   * crash_shutdown, cannot_connect_now (starting up or shutting down). Class 08 (connection exceptions) is taken
   * whole.
   */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  static boolean in(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> toSee = new ArrayDeque<>();
    toSee.add(failure);
    while (!toSee.isEmpty()) {
      Throwable cause = toSee.poll();
      if (!seen.add(cause)) {
        continue;
      }
      if (unavailable(cause)) {
        return true;
      }
      if (cause.getCause() != null) {
        toSee.add(cause.getCause());
      }
      // a failed batch (the engine flushes in batches) carries the driver's own exception as the next one
      if (cause instanceof SQLException sql && sql.getNextException() != null) {
        toSee.add(sql.getNextException());
      }
      // a rollback on a connection the server closed fails too, with only the pool's "Connection is closed" as its
      // cause: what made the transaction roll back tells
      if (cause instanceof TransactionSystemException failedRollback
          && failedRollback.getApplicationException() != null) {
        toSee.add(failedRollback.getApplicationException());
      }
    }
    return false;
  }

  private static boolean unavailable(Throwable cause) {
    if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
        || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || SERVER_GONE.contains(state);
    }
    return false;
  }

  private DatabaseUnavailable() {}
}
