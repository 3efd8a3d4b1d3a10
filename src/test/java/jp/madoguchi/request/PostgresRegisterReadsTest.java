package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Map;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request read in a transaction is kept until the transaction ends, on a real PostgreSQL server (same context
 * configuration as {@code PostgresApplicationTest}): read again as it stands after the register writes it or locks
 * it, never lent to a transaction started inside it, and never kept beyond the transaction. A request is registered
 * with one write of its row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresRegisterReadsTest {

  @Autowired RequestRegister register;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void aRequestReadInATransactionIsKeptUntilItIsWrittenLockedOrTheTransactionEnds() {
    long id = TestRequests.request(register).register().id();
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    outer.executeWithoutResult(status -> {
      DeskRequest first = register.find(id);
      assertThat(register.find(id)).isSameAs(first);

      // the register's own write: read again, as this transaction wrote it
      register.changeStatus(id, RequestStatus.INVESTIGATING, "desk");
      DeskRequest afterWrite = register.find(id);
      assertThat(afterWrite).isNotSameAs(first);
      assertThat(afterWrite.status()).isEqualTo(RequestStatus.INVESTIGATING);

      // a transaction inside this one reads the row as committed (not this one's write), and lends nothing back
      RequestStatus committed = inner.execute(innerStatus -> register.find(id).status());
      assertThat(committed).isEqualTo(RequestStatus.RECEIVED);
      assertThat(register.find(id)).isSameAs(afterWrite);
    });

    // another transaction changes the row meanwhile (as another node's would): a lock reads it again
    outer.executeWithoutResult(status -> {
      DeskRequest before = register.find(id);
      assertThat(before.status()).isEqualTo(RequestStatus.INVESTIGATING);
      inner.executeWithoutResult(innerStatus -> register.changeStatus(id, RequestStatus.DECIDING, "other-node"));
      assertThat(register.find(id)).isSameAs(before);
      register.lock(id);
      assertThat(register.find(id).status()).isEqualTo(RequestStatus.DECIDING);
    });

    // outside a transaction nothing is kept
    DeskRequest one = register.find(id);
    assertThat(register.find(id)).isNotSameAs(one).isEqualTo(one);
    assertThat(jdbc.sql("SELECT status FROM desk_request WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("DECIDING");
  }

  @Test
  void aRequestIsRegisteredWithOneWriteOfItsRowAndTheNextReferenceNumber() {
    long next = jdbc.sql("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END "
        + "FROM request_reference_number").query(Long.class).single();

    // PostgreSQL's counts of this transaction's row writes, read before it ends: as the difference of two readings,
    // for PostgreSQL 15's also hold writes of this connection's earlier transactions not yet flushed to its statistics
    Map<String, Object> written = new TransactionTemplate(transactions).execute(status -> {
      long[] before = desksRowsWrittenPending();
      DeskRequest registered = TestRequests.request(register).register();
      long[] after = desksRowsWrittenPending();
      Map<String, Object> counts = new java.util.HashMap<>(Map.of("n_tup_ins", after[0] - before[0],
          "n_tup_upd", after[1] - before[1], "n_tup_del", after[2] - before[2]));
      counts.put("reference", registered.reference());
      counts.put("year", Year.from(registered.arrivedOn()).getValue());
      counts.put("id", registered.id());
      return counts;
    });

    assertThat(List.of(written.get("n_tup_ins"), written.get("n_tup_upd"), written.get("n_tup_del")))
        .as("rows of desk_request inserted, updated, deleted").containsExactly(1L, 0L, 0L);
    assertThat(written.get("reference")).isEqualTo("MDG-%d-%06d".formatted(written.get("year"), next));
    assertThat(jdbc.sql("SELECT reference FROM desk_request WHERE id = ?").param(written.get("id"))
        .query(String.class).single()).isEqualTo(written.get("reference"));
  }

  /** Rows of desk_request this connection wrote and PostgreSQL has not yet counted in its statistics. */
  private long[] desksRowsWrittenPending() {
    return jdbc.sql("SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables"
            + " WHERE relname = 'desk_request'")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
  }
}
