package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jp.madoguchi.correspondence.LetterDelivery.Outcome;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox never loses a letter and never sends one twice: a step that rolls back sends nothing, an SMTP outage
 * only delays, two nodes racing for the same letters send each once, a dead node's letters are taken over, and a
 * letter that cannot be sent ends in the failed-mail list from which staff retry it.
 */
@DeskTest
class OutboxReliabilityTest {

  final Smtp smtp = new Smtp();

  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired LetterRetries letterRetries;
  @Autowired PaperDispatch paperDispatch;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired LetterSendScheduler sender;
  @Autowired LetterDelivery delivery;
  @Autowired Outbox outbox;
  @Autowired CorrespondenceProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ScheduledTaskHolder scheduledTasks;

  LetterFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
  }

  @AfterEach
  void realClockAndNoServer() {
    ClockUtil.reset();
    smtp.stop();
  }

  @Test
  void aStepThatFailsAfterQueuingItsLetterSendsNothing() {
    smtp.start();
    DeskRequest request = TestRequests.request(register).register();
    BpmnModelInstance model = Bpmn.createExecutableProcess("letter-then-failure")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Task_SendLetter").camundaAsyncBefore()
        .camundaDelegateExpression("${sendLetterDelegate}")
        .camundaInputParameter("letterKind", "ACKNOWLEDGEMENT")
        .serviceTask("Task_FailAfterwards").camundaClass(FailingStep.class.getName())
        .endEvent()
        .done();
    String deployment = repositoryService.createDeployment().addModelInstance("letter-then-failure.bpmn", model)
        .deploy().getId();
    try {
      String instance = runtimeService.startProcessInstanceByKey("letter-then-failure", request.reference(),
          Map.of("requestId", request.id())).getId();
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();

      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining(FailingStep.MESSAGE);

      assertThat(outbox.lettersOf(request.id())).isEmpty();
      assertThat(register.events(request.id())).noneMatch(e -> e.eventType().startsWith("LETTER_"));
      sender.sendDue();
      assertThat(smtp.about(request.reference())).isEmpty();
      assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getRetries())
          .as("the job executor tries the step again, as a whole").isLessThan(job.getRetries());
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aStepThatRunsAgainQueuesAndSendsItsLetterOnce() {
    smtp.start();
    DeskRequest request = TestRequests.request(register).register();
    String key = "retried-step:" + request.reference();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    for (int run = 0; run < 3; run++) {
      transaction.executeWithoutResult(status ->
          correspondence.queueToRequester(request.id(), LetterKind.ACKNOWLEDGEMENT, key));
    }

    long letterId = outbox.letterId(key).orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(letterId) == LetterStatus.SENT);
    sender.sendDue();
    assertThat(outbox.lettersOf(request.id())).hasSize(1);
    assertThat(smtp.about(request.reference())).hasSize(1);
  }

  @Test
  void onePollSendsABacklogOfMoreThanOneBatch() {
    // the server is down while the letters are queued: none goes after commit, all wait for the poll
    DeskRequest request = TestRequests.request(register).register();
    List<Long> letters = new java.util.ArrayList<>();
    for (int i = 0; i < properties.batchSize() + 5; i++) {
      letters.add(fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, true));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> letters.stream().allMatch(id -> attempts(id) == 1));

    smtp.start();
    moveClock(Duration.ofMinutes(2));
    sender.poll();

    assertThat(letters).as("more letters due than one batch: the poll went on after the first")
        .allSatisfy(id -> assertThat(status(id)).isEqualTo(LetterStatus.SENT));
    assertThat(smtp.about(request.reference())).hasSize(letters.size());
  }

  @Test
  void anSmtpOutageDelaysLettersWithGrowingWaitsAndLosesNone() {
    DeskRequest request = TestRequests.request(register).register();
    List<Long> letters = List.of(fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, true),
        fixtures.queue(request, LetterKind.REQUEST_FORM_AND_CHECKLIST, true),
        fixtures.queue(request, LetterKind.COMPLAINT_ACKNOWLEDGEMENT, true));

    // the after-commit attempt fails: each letter waits for its next attempt
    await().atMost(Duration.ofSeconds(30)).until(() -> letters.stream().allMatch(id -> attempts(id) == 1));
    Instant firstFailure = Instant.now();
    for (long id : letters) {
      OutboundLetter letter = outbox.find(id).orElseThrow();
      assertThat(letter.status()).isEqualTo(LetterStatus.RETRY);
      assertThat(letter.lastError()).contains("3025");
      assertThat(letter.nextAttemptAt()).isCloseTo(firstFailure.plus(properties.firstRetryAfter()),
          within(20, ChronoUnit.SECONDS));
    }

    // nothing is due before its time
    assertThat(letters).allSatisfy(id -> assertThat(delivery.deliver(id)).isEqualTo(Outcome.NOT_CLAIMED));
    assertThat(letters).allSatisfy(id -> assertThat(attempts(id)).isEqualTo(1));

    // two minutes on, still no server: the second failure waits twice as long
    Instant later = moveClock(Duration.ofMinutes(2));
    assertThat(sender.send(letters)).isZero();
    for (long id : letters) {
      OutboundLetter letter = outbox.find(id).orElseThrow();
      assertThat(letter.attempts()).isEqualTo(2);
      assertThat(letter.status()).isEqualTo(LetterStatus.RETRY);
      assertThat(letter.nextAttemptAt()).isCloseTo(later.plus(properties.firstRetryAfter().multipliedBy(2)),
          within(20, ChronoUnit.SECONDS));
    }

    // the server is back: every letter arrives, once
    smtp.start();
    moveClock(Duration.ofMinutes(5));
    sender.send(letters);
    sender.send(letters);
    sender.sendDue();
    assertThat(letters).allSatisfy(id -> assertThat(status(id)).isEqualTo(LetterStatus.SENT));
    assertThat(smtp.about(request.reference())).hasSize(3);
    assertThat(kinds(smtp.about(request.reference()))).containsExactlyInAnyOrder(
        LetterKind.ACKNOWLEDGEMENT.name(), LetterKind.REQUEST_FORM_AND_CHECKLIST.name(),
        LetterKind.COMPLAINT_ACKNOWLEDGEMENT.name());
  }

  @Test
  void everyNodePollsTheOutboxAtTheConfiguredInterval() {
    assertThat(scheduledTasks.getScheduledTasks()).anySatisfy(task -> {
      assertThat(task.getTask()).isInstanceOf(FixedDelayTask.class);
      assertThat(task.getTask().getRunnable().toString()).contains("LetterSendScheduler.poll");
      assertThat(((FixedDelayTask) task.getTask()).getIntervalDuration()).isEqualTo(properties.pollInterval());
    });
  }

  @Test
  void aPollStopsAfterAFewFailuresInARowAndLeavesTheRestDue() {
    DeskRequest request = TestRequests.request(register).register();
    List<Long> letters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      letters.add(fixtures.queue(request, LetterKind.values()[i], true));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> letters.stream().allMatch(id -> attempts(id) == 1));
    moveClock(Duration.ofMinutes(2));

    assertThat(sender.send(letters)).isZero();

    assertThat(letters.stream().map(this::attempts)).containsExactly(2, 2, 2, 1, 1);
    assertThat(letters).allSatisfy(id -> assertThat(status(id)).isEqualTo(LetterStatus.RETRY));
  }

  @Test
  void twoNodesRacingForTheSameLettersSendEachOnce() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    List<Long> letters = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      letters.add(fixtures.queue(request, LetterKind.values()[i % 8], true));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> letters.stream().allMatch(id -> attempts(id) == 1));
    smtp.start();
    moveClock(Duration.ofMinutes(2));

    CountDownLatch start = new CountDownLatch(1);
    Callable<List<Outcome>> node = () -> {
      start.await();
      List<Outcome> outcomes = new ArrayList<>();
      for (long id : letters) {
        outcomes.add(delivery.deliver(id));
      }
      return outcomes;
    };
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<List<Outcome>> first = nodes.submit(node);
      Future<List<Outcome>> second = nodes.submit(node);
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>(first.get());
      outcomes.addAll(second.get());

      assertThat(outcomes).doesNotContain(Outcome.RETRY, Outcome.FAILED);
      assertThat(outcomes.stream().filter(o -> o == Outcome.SENT).count()).isLessThanOrEqualTo(letters.size());
    } finally {
      nodes.shutdownNow();
    }
    assertThat(letters).allSatisfy(id -> assertThat(status(id)).isEqualTo(LetterStatus.SENT));
    List<MimeMessage> received = smtp.about(request.reference());
    assertThat(received).hasSize(letters.size());
    assertThat(received.stream().map(m -> Smtp.header(m, "Message-ID")).distinct()).hasSize(letters.size());
  }

  @Test
  void theLettersOfANodeThatDiedWhileSendingAreSentByAnotherOnceTheirClaimIsStale() {
    smtp.start();
    DeskRequest request = TestRequests.request(register).register();
    long letterId = fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(letterId) == LetterStatus.SENT);
    // play a node that claimed a second letter and died before sending it
    long orphan = fixtures.queue(request, LetterKind.REMINDER, false);
    await().atMost(Duration.ofSeconds(30)).until(() -> status(orphan) == LetterStatus.SENT);
    jdbc.sql("UPDATE outbound_letter SET status = 'SENDING', claimed_by = 'dead-node/1', claimed_at = ? WHERE id = ?")
        .params(Outbox.utc(Instant.now()), orphan).update();

    assertThat(delivery.deliver(orphan)).as("a fresh claim is respected").isEqualTo(Outcome.NOT_CLAIMED);
    assertThat(takeOvers(request)).isEmpty();
    moveClock(properties.staleClaimAfter().plusMinutes(1));
    assertThat(delivery.deliver(orphan)).isEqualTo(Outcome.SENT);
    assertThat(delivery.deliver(orphan)).as("sent is sent").isEqualTo(Outcome.NOT_CLAIMED);
    assertThat(takeOvers(request)).as("the request's history says who took the letter over from whom")
        .singleElement().satisfies(event -> assertThat(event.detail())
            .startsWith("REMINDER to PRINCIPAL: claimed by dead-node/1 at ")
            .endsWith(", not sent; sent by " + properties.nodeId()));

    assertThat(smtp.about(request.reference(), LetterKind.REMINDER)).hasSize(2);
    assertThat(kinds(smtp.about(request.reference(), LetterKind.REMINDER)).stream().distinct()).hasSize(1);
    assertThat(smtp.about(request.reference(), LetterKind.REMINDER).stream()
        .map(m -> Smtp.header(m, "Message-ID")).distinct())
        .as("the copy sent again is recognisably the same message").hasSize(1);
  }

  List<jp.madoguchi.request.RequestEvent> takeOvers(DeskRequest request) {
    return register.events(request.id()).stream()
        .filter(event -> event.eventType().equals("LETTER_CLAIM_TAKEN_OVER")).toList();
  }

  @Test
  void aLetterThatKeepsFailingEndsAsFailedAfterTheLastAttempt() {
    DeskRequest request = TestRequests.request(register).register();
    long letterId = fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts(letterId) == 1);

    for (int attempt = 2; attempt <= properties.maxAttempts(); attempt++) {
      moveClock(properties.maxRetryAfter().plusMinutes(1));
      assertThat(delivery.deliver(letterId)).isEqualTo(
          attempt == properties.maxAttempts() ? Outcome.FAILED : Outcome.RETRY);
    }

    OutboundLetter failed = outbox.find(letterId).orElseThrow();
    assertThat(failed.status()).isEqualTo(LetterStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
    assertThat(failed.nextAttemptAt()).isNull();
    assertThat(failed.failedAt()).isNotNull();
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("LETTER_FAILED")).hasSize(1);
    moveClock(properties.maxRetryAfter().multipliedBy(10));
    assertThat(delivery.deliver(letterId)).as("a failed letter waits for staff").isEqualTo(Outcome.NOT_CLAIMED);

    smtp.start();
    assertThat(letterRetries.retry(letterId, "desk")).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(letterId) == LetterStatus.SENT);
    assertThat(smtp.about(request.reference())).hasSize(1);
    assertThat(register.events(request.id())).extracting(e -> e.eventType())
        .containsSubsequence("LETTER_FAILED", "LETTER_RETRY_REQUESTED", "LETTER_SENT");
  }

  @Test
  void anAddressThatCannotExistFailsAtOnce() {
    smtp.start();
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    String key = "bad-address:" + request.reference();
    new TransactionTemplate(transactionManager).executeWithoutResult(
        status -> correspondence.queueToClient(request.id(), LetterKind.CLIENT_NOTIFICATION, LetterFixtures.CLIENT,
            "privacy at client", key));
    long letterId = outbox.letterId(key).orElseThrow();

    await().atMost(Duration.ofSeconds(30)).until(() -> status(letterId) == LetterStatus.FAILED);
    OutboundLetter failed = outbox.find(letterId).orElseThrow();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("not valid");
    assertThat(smtp.about(request.reference())).isEmpty();
  }

  @Test
  void paperLettersWaitForRegisteredMailAndAreNeverEmailed() {
    smtp.start();
    DeskRequest request = TestRequests.request(register).withoutEmail().register();
    long letterId = fixtures.queue(request, LetterKind.DISCLOSURE, false);

    assertThat(delivery.deliver(letterId)).isEqualTo(Outcome.NOT_CLAIMED);
    sender.sendDue();
    assertThat(status(letterId)).isEqualTo(LetterStatus.QUEUED);
    paperDispatch.recordReplyDispatched(request.id(), "1234-5678-9012", "desk");
    assertThat(status(letterId)).isEqualTo(LetterStatus.DISPATCHED);
    assertThat(smtp.about(request.reference())).isEmpty();
  }

  private LetterStatus status(long id) {
    return outbox.find(id).orElseThrow().status();
  }

  private int attempts(long id) {
    return outbox.find(id).orElseThrow().attempts();
  }

  private static Instant moveClock(Duration by) {
    Instant moved = ClockUtil.getCurrentTime().toInstant().plus(by);
    ClockUtil.setCurrentTime(Date.from(moved));
    return moved;
  }

  private static List<String> kinds(List<MimeMessage> messages) {
    return messages.stream().map(m -> Smtp.header(m, "X-Madoguchi-Letter")).collect(Collectors.toList());
  }

  /** The step after the letter's, failing: its transaction, the letter's included, rolls back. */
  public static class FailingStep implements JavaDelegate {

    static final String MESSAGE = "the step after the letter fails";

    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
