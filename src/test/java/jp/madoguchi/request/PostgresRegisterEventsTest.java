package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history entries a transaction records are written when it commits, in one batch, on a real PostgreSQL server
 * (same context configuration as {@code PostgresRegisterReadsTest}): in the order recorded, seen by the register's
 * own reads before the commit, none when the transaction is rolled back, an entry that cannot be written fails
 * the commit with the transaction's other writes, and one recorded by another synchronization of the transaction
 * (before its commit, too late for the register's own, or after it) is written once it committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresRegisterEventsTest {

  @Autowired RequestRegister register;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void aTransactionsEntriesAreWrittenAtItsCommitInTheOrderTheyWereRecorded() {
    long id = TestRequests.request(register).register().id();
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    transaction.executeWithoutResult(status -> {
      register.changeStatus(id, RequestStatus.VERIFYING_IDENTITY, "desk");
      register.recordEvent(id, "desk", "NOTE", "verify/comment: 本人確認書類の写しを受領");
      // not in the table yet: the transaction's entries wait for its commit
      assertThat(rowsOf(id)).isEqualTo(1);
      // the register's own read writes them first, and sees them
      assertThat(types(register.events(id)))
          .containsExactly("REQUEST_REGISTERED", "STATUS_VERIFYING_IDENTITY", "NOTE");
      assertThat(rowsOf(id)).isEqualTo(3);
      register.changeStatus(id, RequestStatus.INVESTIGATING, "desk");
      register.recordEvent(id, null, "IDENTITY_VERIFIED", null);
    });

    List<RequestEvent> events = register.events(id);
    assertThat(types(events)).containsExactly("REQUEST_REGISTERED", "STATUS_VERIFYING_IDENTITY", "NOTE",
        "STATUS_INVESTIGATING", "IDENTITY_VERIFIED");
    assertThat(events).extracting(RequestEvent::id).isSorted();
    assertThat(events).extracting(RequestEvent::occurredAt).isSorted();
    assertThat(events.get(2).detail()).isEqualTo("verify/comment: 本人確認書類の写しを受領");
    assertThat(events.get(4).actor()).isEqualTo(RequestRegister.SYSTEM_ACTOR);
  }

  @Test
  void aTransactionRolledBackWritesNoneOfItsEntries() {
    long id = TestRequests.request(register).register().id();

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      register.changeStatus(id, RequestStatus.INVESTIGATING, "desk");
      register.recordEvent(id, "desk", "NOTE", "investigate/comment: 取り消される記録");
      status.setRollbackOnly();
    });

    assertThat(types(register.events(id))).containsExactly("REQUEST_REGISTERED");
    assertThat(register.find(id).status()).isEqualTo(RequestStatus.RECEIVED);
  }

  @Test
  void anEntryThatCannotBeWrittenFailsTheCommitAndTheTransactionsOtherWritesWithIt() {
    long id = TestRequests.request(register).register().id();

    // request_event.detail holds at most 4,000 characters
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      register.changeStatus(id, RequestStatus.INVESTIGATING, "desk");
      register.recordEvent(id, "desk", "NOTE", "investigate/comment: " + "長".repeat(4_000));
    })).isInstanceOf(DataIntegrityViolationException.class);

    assertThat(register.find(id).status()).isEqualTo(RequestStatus.RECEIVED);
    assertThat(types(register.events(id))).containsExactly("REQUEST_REGISTERED");
  }

  @Test
  void aTransactionStartedInsideAnotherWritesOnlyItsOwnEntriesAtItsOwnCommit() {
    long id = TestRequests.request(register).register().id();
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    outer.executeWithoutResult(status -> {
      register.recordEvent(id, "desk", "OUTER", null);
      inner.executeWithoutResult(innerStatus -> register.recordEvent(id, "desk", "INNER", null));
      // committed by the inner transaction while the outer one still runs
      assertThat(committedTypes(id)).containsExactly("REQUEST_REGISTERED", "INNER");
      status.setRollbackOnly();
    });

    assertThat(types(register.events(id))).containsExactly("REQUEST_REGISTERED", "INNER");
  }

  @Test
  void entriesRecordedByTheTransactionsOtherSynchronizationsAreWrittenOnceItCommitted() {
    long id = TestRequests.request(register).register().id();
    long untouched = TestRequests.request(register).register().id();

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      register.changeStatus(id, RequestStatus.INVESTIGATING, "desk");
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          // the first use of the register in this transaction, too late for the commit's own callbacks
          register.recordEvent(untouched, "desk", "BEFORE_COMMIT", null);
        }

        @Override
        public void afterCommit() {
          register.recordEvent(id, "desk", "AFTER_COMMIT", null);
        }
      });
    });

    assertThat(types(register.events(id))).containsExactly("REQUEST_REGISTERED", "STATUS_INVESTIGATING",
        "AFTER_COMMIT");
    assertThat(types(register.events(untouched))).containsExactly("REQUEST_REGISTERED", "BEFORE_COMMIT");
  }

  @Test
  void outsideATransactionAnEntryIsWrittenAtOnce() {
    long id = TestRequests.request(register).register().id();

    register.recordEvent(id, "desk", "NOTE", "check/comment: 受付");

    assertThat(rowsOf(id)).isEqualTo(2);
  }

  /** The request's rows in the table, read past the register. */
  private int rowsOf(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM request_event WHERE request_id = ?").param(id).query(Integer.class)
        .single();
  }

  /** The request's entries as committed, read in a transaction of their own. */
  private List<String> committedTypes(long id) {
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return own.execute(status -> types(register.events(id)));
  }

  private static List<String> types(List<RequestEvent> events) {
    return events.stream().map(RequestEvent::eventType).toList();
  }
}
