package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's poll on PostgreSQL reads the partial index of the letters still to send (V5, ADR 13), not every
 * letter ever sent, both when the planner's statistics are current and when they were taken during a backlog that
 * has since been sent: then, without the index, PostgreSQL walks the primary key through every sent letter. The
 * letters are written in a transaction that is rolled back, so the shared test database keeps none of them; the
 * planner sees them all the same, since ANALYZE in the transaction counts its own rows. Same context configuration as
 * {@code PostgresApplicationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresOutboxPollIndexTest {

  static final String INDEX = "ix_outbound_letter_to_send";
  /** Twice the outbox at which the scale run found the poll walking the primary key (8-10 ms a poll). */
  static final int LETTERS = 20_000;
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  @Autowired JdbcClient jdbc;
  @Autowired Outbox outbox;
  @Autowired RequestRegister register;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void theMigrationIndexesOnlyTheEmailStillToSend() {
    String definition = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = ? AND indexname = ?")
        .params("outbound_letter", INDEX).query(String.class).single();

    assertThat(definition).contains("(id) WHERE", "'EMAIL'", "'QUEUED'", "'RETRY'", "'SENDING'")
        .doesNotContain("'SENT'", "'FAILED'");
  }

  @Test
  void thePollReadsThePartialIndexWhenNearlyEveryLetterWasSent() {
    DeskRequest request = TestRequests.request(register).register();
    Instant now = Instant.now();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> {
      status.setRollbackOnly();
      String batch = "poll-index-" + UUID.randomUUID() + "-";
      // e-mail that other tests left waiting in the shared database (rolled back with the rest): the outbox this
      // test describes has sent everything but the few letters it plants below
      jdbc.sql("UPDATE outbound_letter SET status = 'SENT' WHERE status IN ('QUEUED', 'RETRY', 'SENDING')").update();
      // a backlog: the statistics are taken while every letter waits, then every letter is sent
      jdbc.sql("""
              INSERT INTO outbound_letter (request_id, letter_kind, recipient_role, recipient_email, delivery, language,
                status, letter_key, created_at)
              SELECT ?, 'ACKNOWLEDGEMENT', 'PRINCIPAL', 'taro.yamada@example.jp', 'EMAIL', 'ja', 'QUEUED', ? || n, ?
              FROM generate_series(1, ?) AS n
              """)
          .params(request.id(), batch, Outbox.utc(now), LETTERS)
          .update();
      jdbc.sql("ANALYZE outbound_letter").update();
      jdbc.sql("UPDATE outbound_letter SET status = 'SENT', attempts = 1, sent_at = ? WHERE letter_key LIKE ?")
          .params(Outbox.utc(now), batch + "%")
          .update();
      long queued = letter(request, batch + "queued", "EMAIL", "QUEUED", null, null);
      long retryDue = letter(request, batch + "retry-due", "EMAIL", "RETRY", now.minusSeconds(60), null);
      long retryLater = letter(request, batch + "retry-later", "EMAIL", "RETRY", now.plusSeconds(3600), null);
      long staleClaim = letter(request, batch + "stale", "EMAIL", "SENDING", null,
          now.minus(STALE_AFTER).minusSeconds(60));
      long freshClaim = letter(request, batch + "fresh", "EMAIL", "SENDING", null, now.minusSeconds(5));
      long paper = letter(request, batch + "paper", "PAPER", "QUEUED", null, null);

      String staleCustom = customPlan(now);
      String staleGeneric = genericPlan();
      jdbc.sql("ANALYZE outbound_letter").update();
      String currentCustom = customPlan(now);
      String currentGeneric = genericPlan();
      List<Long> due = outbox.due(now, STALE_AFTER, 100_000);

      // a node runs the poll as a server-side prepared statement after a few executions, and PostgreSQL may then
      // plan it once for any parameters: both plans count. Statistics of the backlog make PostgreSQL expect the
      // batch within the first rows of the primary key: only the partial index keeps it from walking it.
      assertThat(staleCustom).as("statistics of the backlog").contains(INDEX).doesNotContain("outbound_letter_pkey");
      assertThat(staleGeneric).as("statistics of the backlog, generic plan").contains(INDEX)
          .doesNotContain("outbound_letter_pkey");
      // with current statistics, looking the statuses up in ix_outbound_letter_status is as good; here the index
      // still holds the rolled-back backlog's entries, which VACUUM would remove, so either may be chosen
      assertThat(List.of(currentCustom, currentGeneric)).as("current statistics").allSatisfy(plan ->
          assertThat(plan).containsAnyOf(INDEX, "Index Cond: ((status)::text = ANY")
              .doesNotContain("outbound_letter_pkey", "Seq Scan"));
      // the index changes how the letters are found, not which
      assertThat(due).filteredOn(List.of(queued, retryDue, retryLater, staleClaim, freshClaim, paper)::contains)
          .containsExactly(queued, retryDue, staleClaim);
    });
  }

  private long letter(DeskRequest request, String key, String delivery, String status, Instant nextAttempt,
      Instant claimedAt) {
    return jdbc.sql("""
            INSERT INTO outbound_letter (request_id, letter_kind, recipient_role, recipient_email, delivery, language,
              status, letter_key, next_attempt_at, claimed_by, claimed_at, created_at)
            VALUES (?, 'ACKNOWLEDGEMENT', 'PRINCIPAL', 'taro.yamada@example.jp', ?, 'ja', ?, ?, ?, ?, ?, ?)
            RETURNING id
            """)
        .params(request.id(), delivery, status, key, nextAttempt == null ? null : Outbox.utc(nextAttempt),
            claimedAt == null ? null : "poll-index-test/" + key, claimedAt == null ? null : Outbox.utc(claimedAt),
            Outbox.utc(Instant.now()))
        .query(Long.class)
        .single();
  }

  /** The plan PostgreSQL makes for the parameters given, as it does for the first executions. */
  private String customPlan(Instant now) {
    return String.join("\n", jdbc.sql("EXPLAIN " + Outbox.DUE)
        .params(Outbox.utc(now), Outbox.utc(now.minus(STALE_AFTER)), 50).query(String.class).list());
  }

  /** The plan PostgreSQL makes once for every set of parameters, as it may for a prepared statement. */
  private String genericPlan() {
    jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
    jdbc.sql("PREPARE outbox_due (timestamptz, timestamptz, integer) AS " + numberedParameters(Outbox.DUE)).update();
    try {
      return String.join("\n", jdbc.sql("EXPLAIN EXECUTE outbox_due (now(), now() - interval '10 minutes', 50)")
          .query(String.class).list());
    } finally {
      // a prepared statement outlives the transaction, on a connection that goes back to the pool
      jdbc.sql("DEALLOCATE outbox_due").update();
      jdbc.sql("RESET plan_cache_mode").update();
    }
  }

  private static String numberedParameters(String sql) {
    StringBuilder numbered = new StringBuilder();
    int parameter = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?') {
        numbered.append('$').append(++parameter);
      } else {
        numbered.append(c);
      }
    }
    return numbered.toString();
  }
}
