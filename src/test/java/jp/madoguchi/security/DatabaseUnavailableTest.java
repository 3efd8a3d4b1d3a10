package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean the database is unavailable (a 503 with Retry-After), and which are errors (a 500). */
class DatabaseUnavailableTest {

  @Test
  void noConnectionNoTransactionAndAResourceFailureAreUnavailability() {
    SQLTransientConnectionException poolTimedOut =
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");

    assertThat(DatabaseUnavailable.in(new CannotGetJdbcConnectionException("no connection", poolTimedOut))).isTrue();
    assertThat(DatabaseUnavailable.in(new CannotCreateTransactionException("no transaction", poolTimedOut)))
        .isTrue();
    assertThat(DatabaseUnavailable.in(new DataAccessResourceFailureException("gone"))).isTrue();
  }

  @Test
  void aServerThatWentAwayIsUnavailabilityWhereverTheEngineOrATransactionWrapsIt() {
    SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
    SQLException closed = new SQLException("This connection has been closed.", "08003");
    SQLException starting = new SQLException("the database system is starting up", "57P03");

    assertThat(DatabaseUnavailable.in(
        new ProcessEngineException("insert failed", new PersistenceException("flush", terminated)))).isTrue();
    assertThat(DatabaseUnavailable.in(new TransactionSystemException("Could not roll back", closed))).isTrue();
    assertThat(DatabaseUnavailable.in(new UncategorizedSQLException("select", "SELECT 1", starting))).isTrue();
  }

  @Test
  void aRollbackThatFailedOnTheClosedConnectionIsJudgedByWhatMadeItRollBack() {
    // Hikari's answer on a connection it found broken has no SQL state
    SQLException poolClosedIt = new SQLException("Connection is closed");
    TransactionSystemException serverWentAway = new TransactionSystemException("JDBC rollback failed", poolClosedIt);
    serverWentAway.initApplicationException(new DataAccessResourceFailureException("DELETE failed",
        new SQLException("terminating connection due to administrator command", "57P01")));
    TransactionSystemException wrongInsert = new TransactionSystemException("JDBC rollback failed", poolClosedIt);
    wrongInsert.initApplicationException(new DataIntegrityViolationException("duplicate"));

    assertThat(DatabaseUnavailable.in(serverWentAway)).isTrue();
    assertThat(DatabaseUnavailable.in(wrongInsert)).isFalse();
  }

  @Test
  void theDriversExceptionBehindAFailedBatchCounts() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "", new int[0]);
    batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    assertThat(DatabaseUnavailable.in(new ProcessEngineException("flush", new PersistenceException(batch))))
        .isTrue();
  }

  @Test
  void errorsInWhatWasAskedAreNot() {
    SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
    SQLException syntax = new SQLException("syntax error at or near", "42601");

    assertThat(DatabaseUnavailable.in(new DataIntegrityViolationException("duplicate", duplicate))).isFalse();
    assertThat(DatabaseUnavailable.in(new ProcessEngineException("bad SQL", new PersistenceException(syntax))))
        .isFalse();
    assertThat(DatabaseUnavailable.in(new OptimisticLockingException("concurrent update"))).isFalse();
    assertThat(DatabaseUnavailable.in(new TransactionSystemException("Could not commit", duplicate))).isFalse();
    assertThat(DatabaseUnavailable.in(new IllegalStateException("a bug"))).isFalse();
  }

  @Test
  void aCycleOfCausesEnds() {
    SQLException first = new SQLException("first", "23505");
    SQLException second = new SQLException("second", "23505");
    first.setNextException(second);
    second.setNextException(first);

    assertThat(DatabaseUnavailable.in(first)).isFalse();
  }
}
