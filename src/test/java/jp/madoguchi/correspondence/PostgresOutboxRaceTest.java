package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.madoguchi.correspondence.LetterDelivery.Outcome;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The claim on the production database: four nodes (threads with their own connections) race for the same letters
 * on PostgreSQL, and each letter is sent once. Same context configuration as {@code PostgresApplicationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresOutboxRaceTest {

  final Smtp smtp = new Smtp();

  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired LetterDelivery delivery;
  @Autowired Outbox outbox;

  @AfterEach
  void realClockAndNoServer() {
    ClockUtil.reset();
    smtp.stop();
  }

  @Test
  void nodesRacingForTheSameLettersOnPostgresqlSendEachOnce() throws Exception {
    LetterFixtures fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
    DeskRequest request = TestRequests.request(register).register();
    List<Long> letters = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      letters.add(fixtures.queue(request, i % 2 == 0 ? LetterKind.ACKNOWLEDGEMENT : LetterKind.REMINDER, true));
    }
    // no server yet: the after-commit attempts fail, and every letter waits for its next attempt
    await().atMost(Duration.ofSeconds(60))
        .until(() -> letters.stream().allMatch(id -> outbox.find(id).orElseThrow().attempts() == 1));
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));

    CountDownLatch start = new CountDownLatch(1);
    Callable<List<Outcome>> node = () -> {
      start.await();
      List<Outcome> outcomes = new ArrayList<>();
      for (long id : letters) {
        outcomes.add(delivery.deliver(id));
      }
      return outcomes;
    };
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      List<Future<List<Outcome>>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        running.add(nodes.submit(node));
      }
      start.countDown();
      for (Future<List<Outcome>> each : running) {
        outcomes.addAll(each.get());
      }
    } finally {
      nodes.shutdownNow();
    }

    assertThat(outcomes).hasSize(80).doesNotContain(Outcome.RETRY, Outcome.FAILED);
    assertThat(outcomes.stream().filter(o -> o == Outcome.SENT).count()).isLessThanOrEqualTo(letters.size());
    assertThat(letters).allSatisfy(id ->
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(LetterStatus.SENT));
    List<MimeMessage> received = smtp.about(request.reference());
    assertThat(received).hasSize(letters.size());
    assertThat(received.stream().map(m -> Smtp.header(m, "Message-ID")).distinct()).hasSize(letters.size());
  }
}
