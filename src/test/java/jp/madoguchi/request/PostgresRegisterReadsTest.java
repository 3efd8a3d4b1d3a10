package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

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
 * it, never lent to a transaction started inside it, and never kept beyond the transaction.
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
}
