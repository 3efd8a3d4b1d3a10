package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.madoguchi.correspondence.EmailConfirmations.Outcome;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.PersonalDataErasure;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the desk keeps of a confirmation link, and what a link confirms. */
@DeskTest
class EmailConfirmationsTest {

  @Autowired EmailConfirmations confirmations;
  @Autowired EmailConfirmationLetters letters;
  @Autowired RequestRegister register;
  @Autowired PersonalDataErasure erasure;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void theDeskKeepsOnlyHashesAndALinkConfirmsTheAddressItWasSentTo() {
    DeskRequest request = TestRequests.request(register).byAgent(AgentKind.AUTHORISED).register();
    String token = new ConfirmedAddresses(context).link(request.id());

    // (the sender draws a link of its own when it sends the e-mail: every row is hashes only)
    assertThat(jdbc.sql("SELECT token_hash, email_hash FROM email_confirmation WHERE request_id = ?")
        .param(request.id()).query((rs, n) -> rs.getString(1) + rs.getString(2)).list())
        .isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(token)
            .doesNotContain(TestRequests.AGENT.email()).matches("[0-9a-f]{128}"));
    assertThat(confirmations.confirm(token, RequestRegister.now()).outcome()).isEqualTo(Outcome.CONFIRMED);
    // the desk writes to the agent: the agent's address is the one confirmed, not the principal's
    assertThat(letters.addressConfirmed(request.id())).isTrue();
    assertThat(confirmations.isConfirmed(request.id(), " Hanako.Sato@Example.JP ")).isTrue();
    assertThat(confirmations.isConfirmed(request.id(), TestRequests.PRINCIPAL.email())).isFalse();
  }

  @Test
  void theLinksOfARequestGoWithItsPersonalData() {
    DeskRequest request = TestRequests.request(register).register();
    ConfirmedAddresses addresses = new ConfirmedAddresses(context);
    addresses.confirm(request.id());
    String unused = addresses.link(request.id());
    // erasure comes long after the letters went: let the sender finish with the ones this test queued
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> outbox
        .lettersOf(request.id()).stream().noneMatch(letter -> letter.status() == LetterStatus.QUEUED
            || letter.status() == LetterStatus.SENDING));
    register.close(request.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");

    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    assertThat(jdbc.sql("SELECT COUNT(*) FROM email_confirmation WHERE request_id = ?").param(request.id())
        .query(Long.class).single()).isZero();
    assertThat(confirmations.confirm(unused, RequestRegister.now()).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void aLinkASenderDrawsWhileThePersonalDataIsErasedGoesWithTheRest() throws Exception {
    DeskRequest request = TestRequests.request(register).byAgent(AgentKind.AUTHORISED).register();
    new ConfirmedAddresses(context).confirm(request.id());
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> outbox
        .lettersOf(request.id()).stream().noneMatch(letter -> letter.status() == LetterStatus.QUEUED
            || letter.status() == LetterStatus.SENDING));
    long letterId = outbox.lettersOf(request.id()).get(0).id();
    register.close(request.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");
    var drawn = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      // a sender's claim: it locks the letter's row and draws the link in one transaction, still open
      var sender = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
        jdbc.sql("UPDATE outbound_letter SET claimed_at = claimed_at WHERE id = ?").param(letterId).update();
        confirmations.issue(letterId, request.id(), TestRequests.AGENT.email(), RequestRegister.now());
        drawn.countDown();
        try {
          release.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertThat(drawn.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      var erasing = threads.submit(() -> erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2)));
      Thread.sleep(500); // let the erasure reach the sender's letter before the sender commits
      release.countDown();
      sender.get(30, java.util.concurrent.TimeUnit.SECONDS);
      erasing.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertThat(jdbc.sql("SELECT COUNT(*) FROM email_confirmation WHERE request_id = ?").param(request.id())
        .query(Long.class).single()).isZero();
  }
}
