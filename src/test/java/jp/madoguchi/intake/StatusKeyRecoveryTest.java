package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.LetterRetries;
import jp.madoguchi.correspondence.LetterStatus;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.correspondence.Smtp;
import jp.madoguchi.correspondence.StatusKeyLetters;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.intake.StatusKeyRecovery.Outcome;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A requester who lost the status key gets a new one by e-mail, to the address on record only, drawn when the
 * e-mail is sent; the page and the API answer the same whether or not the ask matched; staff can send one too.
 */
@DeskTest
class StatusKeyRecoveryTest {

  static final Smtp SMTP = new Smtp();
  static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

  @LocalServerPort int port;
  @Autowired StatusKeyRecovery recovery;
  @Autowired StatusTokens tokens;
  @Autowired RequestRegister register;
  @Autowired CorrespondenceService correspondence;
  @Autowired StatusKeyLetters statusKeyLetters;
  @Autowired LetterRetries letterRetries;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  @AfterEach
  void smtpUpAndClockReset() {
    SMTP.start();
    ClockUtil.reset();
  }

  @Test
  void aMatchingAskEmailsANewKeyThatReplacesTheOldOneAndIsKeptNowhere() throws Exception {
    DeskRequest request = TestRequests.request(register).language("ja").register();
    String oldKey = tokens.issue(request.id());

    Outcome outcome = recovery.handle(request.reference(), " Taro.Yamada@Example.JP ".strip());

    assertThat(outcome).isEqualTo(Outcome.QUEUED);
    MimeMessage mail = arrives(request);
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(TestRequests.PRINCIPAL.email());
    String body = mail.getContent().toString();
    assertThat(body).startsWith(TestRequests.PRINCIPAL.name() + " 様").contains("確認キー", request.reference())
        .contains("http://localhost:8080/status?reference=" + request.reference());
    assertThat(mail.getSubject()).contains(request.reference());
    String newKey = key(body);
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(tokens.find(request.reference(), newKey)).isPresent();
    assertThat(tokens.find(request.reference(), oldKey)).as("the old key stops working").isEmpty();

    String stored = jdbc.sql("SELECT body_text FROM letter_document d JOIN outbound_letter l ON l.id = d.letter_id "
            + "WHERE l.request_id = ? AND l.letter_kind = 'STATUS_KEY'").param(request.id()).query(String.class)
        .single();
    assertThat(stored).as("the stored letter").contains(request.reference()).doesNotContain(newKey);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_document d JOIN outbound_letter l ON l.id = d.letter_id "
        + "WHERE l.request_id = ? AND l.letter_kind = 'STATUS_KEY' AND d.pdf IS NULL").param(request.id())
        .query(Long.class).single()).as("no PDF: a key never goes on paper").isEqualTo(1);
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .contains("STATUS_KEY_REQUESTED", "LETTER_QUEUED", "LETTER_SENT");
    assertThat(register.events(request.id())).allSatisfy(event ->
        assertThat(String.valueOf(event.detail())).doesNotContain(newKey, TestRequests.PRINCIPAL.email()));
  }

  @Test
  void anAskWithAnotherAddressOrAnUnknownReferenceSendsNothingAndChangesNothing() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String key = tokens.issue(request.id());

    assertThat(recovery.handle(request.reference(), "someone.else@example.jp"))
        .isEqualTo(Outcome.ADDRESS_DID_NOT_MATCH);
    assertThat(recovery.handle("MDG-1999-999999", TestRequests.PRINCIPAL.email()))
        .isEqualTo(Outcome.NO_SUCH_REQUEST);

    assertThat(outbox.lettersOf(request.id())).extracting(OutboundLetter::kind)
        .doesNotContain(LetterKind.STATUS_KEY);
    assertThat(tokens.find(request.reference(), key)).isPresent();
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("STATUS_KEY_NOT_SENT"))
        .singleElement().satisfies(event -> {
          assertThat(event.actor()).isEqualTo(RequestSubmission.REQUESTER);
          assertThat(event.detail()).contains("does not match").doesNotContain("someone.else");
        });
  }

  @Test
  void aRequestByAnAgentGetsItsKeyAtTheAgentsAddressOnly() throws Exception {
    DeskRequest request = TestRequests.request(register).byAgent(AgentKind.AUTHORISED).register();
    tokens.issue(request.id());

    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email()))
        .as("the principal's address is not where the desk writes").isEqualTo(Outcome.ADDRESS_DID_NOT_MATCH);
    assertThat(recovery.handle(request.reference(), TestRequests.AGENT.email())).isEqualTo(Outcome.QUEUED);

    MimeMessage mail = arrives(request);
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(TestRequests.AGENT.email());
    assertThat(tokens.find(request.reference(), key(mail.getContent().toString()))).isPresent();
  }

  @Test
  void oneKeyPerRequestIsSentInTheInterval() throws Exception {
    DeskRequest request = TestRequests.request(register).language("en").register();
    tokens.issue(request.id());

    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email())).isEqualTo(Outcome.QUEUED);
    arrives(request);
    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email())).isEqualTo(Outcome.TOO_SOON);
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("STATUS_KEY_NOT_SENT"))
        .singleElement().satisfies(event -> assertThat(event.detail()).contains("PT15M"));

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email())).isEqualTo(Outcome.QUEUED);

    await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.about(request.reference(), LetterKind.STATUS_KEY)
        .size() == 2);
    List<MimeMessage> mails = SMTP.about(request.reference(), LetterKind.STATUS_KEY);
    String first = key(mails.get(0).getContent().toString());
    String second = key(mails.get(1).getContent().toString());
    assertThat(mails.get(1).getContent().toString()).contains("Dear " + TestRequests.PRINCIPAL.name())
        .contains("status key");
    assertThat(tokens.find(request.reference(), first)).isEmpty();
    assertThat(tokens.find(request.reference(), second)).isPresent();
  }

  @Test
  void whenTheMailServerIsDownTheOldKeyKeepsWorkingUntilANewOneIsSent() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String oldKey = tokens.issue(request.id());
    SMTP.stop();

    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email())).isEqualTo(Outcome.QUEUED);

    long letterId = statusKeyLetter(request).id();
    await().atMost(Duration.ofSeconds(30)).until(() -> statusKeyLetter(request).status() == LetterStatus.RETRY);
    assertThat(tokens.find(request.reference(), oldKey)).as("the key drawn for the failed e-mail is undone")
        .isPresent();

    SMTP.start();
    assertThat(letterRetries.retry(letterId, "desk")).isTrue();
    String newKey = key(arrives(request).getContent().toString());
    assertThat(tokens.find(request.reference(), newKey)).isPresent();
    assertThat(tokens.find(request.reference(), oldKey)).isEmpty();
  }

  @Test
  void aRequesterWithoutAnEmailAddressCannotBeSentAKey() {
    DeskRequest request = TestRequests.request(register).withoutEmail().register();
    String key = tokens.issue(request.id());

    assertThat(statusKeyLetters.queue(request.id(), "desk")).isFalse();
    assertThat(recovery.handle(request.reference(), TestRequests.PRINCIPAL.email()))
        .isEqualTo(Outcome.ADDRESS_DID_NOT_MATCH);
    assertThat(outbox.lettersOf(request.id())).isEmpty();
    assertThat(tokens.find(request.reference(), key)).isPresent();
  }

  @Test
  void thePageAnswersTheSameWhetherOrNotTheAskMatches() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    tokens.issue(request.id());
    PageClient browser = new PageClient(port);

    Page statusForm = browser.get("/status");
    assertThat(statusForm.document().selectFirst("a#lost-key").attr("href")).startsWith("/status/new-key");
    Page form = browser.get("/status/new-key?reference=" + request.reference());
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().selectFirst("h1").text()).isEqualTo("確認キーの再発行");
    assertThat(form.document().selectFirst("input#reference").val()).isEqualTo(request.reference());

    Page matched = browser.postForm("/status/new-key", Map.of("_csrf", PageClient.csrf(form),
        "reference", request.reference(), "email", TestRequests.PRINCIPAL.email()));
    Page unmatched = browser.postForm("/status/new-key", Map.of("_csrf", PageClient.csrf(form),
        "reference", request.reference(), "email", "not.the.requester@example.jp"));
    Page unknown = browser.postForm("/status/new-key", Map.of("_csrf", PageClient.csrf(form),
        "reference", "MDG-2026-999999", "email", TestRequests.PRINCIPAL.email()));

    for (Page answer : List.of(matched, unmatched, unknown)) {
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.document().selectFirst("#status-key-asked").text())
          .isEqualTo(matched.document().selectFirst("#status-key-asked").text())
          .contains("一致した場合");
    }
    arrives(request);
    await().atMost(Duration.ofSeconds(10)).until(() -> register.events(request.id()).stream()
        .anyMatch(event -> event.eventType().equals("STATUS_KEY_NOT_SENT")));
    assertThat(SMTP.about(request.reference(), LetterKind.STATUS_KEY)).hasSize(1);
  }

  @Test
  void thePageAndTheApiRefuseAMalformedAddressWithAClearError() throws Exception {
    PageClient browser = new PageClient(port);
    Page form = browser.get("/status/new-key");

    Page refused = browser.postForm("/status/new-key", Map.of("_csrf", PageClient.csrf(form),
        "reference", "", "email", "not an address"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().select("#error-summary li").eachText())
        .containsExactly("受付番号を入力してください。", "電子メールアドレスの形式が正しくありません（例：name@example.jp）。");
    assertThat(refused.document().selectFirst("input#email").attr("aria-invalid")).isEqualTo("true");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/requests/MDG-2026-000001/status-key"))
        .header("Content-Type", "application/json").header("Accept-Language", "en")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nope\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("E-mail address is not a valid e-mail address");
  }

  @Test
  void theApiTakesAnAskAndAnswersTheSameForAnyWellFormedOne() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    tokens.issue(request.id());
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> matched = ask(http, request.reference(), TestRequests.PRINCIPAL.email());
    HttpResponse<String> unknown = ask(http, "MDG-2026-999998", TestRequests.PRINCIPAL.email());

    assertThat(matched.statusCode()).isEqualTo(202);
    assertThat(unknown.statusCode()).isEqualTo(202);
    assertThat(matched.body()).isEqualTo(unknown.body()).contains("If the reference number and the e-mail address");
    assertThat(tokens.find(request.reference(), key(arrives(request).getContent().toString()))).isPresent();
  }

  @Test
  void staffSendANewKeyFromTheRequestFile() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    tokens.issue(request.id());
    DeskRequest withoutEmail = TestRequests.request(register).withoutEmail().register();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    Page file = desk.get("/desk/requests/" + request.reference());
    Page sent = desk.postForm("/desk/requests/" + request.reference() + "/status-key",
        Map.of("_csrf", file.document().selectFirst("form:has(#send-status-key) input[name=_csrf]").val()));

    assertThat(sent.status()).isEqualTo(302);
    assertThat(sent.response().headers().firstValue("Location").orElseThrow())
        .endsWith("/desk/requests/" + request.reference() + "?statusKey=queued");
    assertThat(desk.get("/desk/requests/" + request.reference() + "?statusKey=queued").document()
        .selectFirst("#status-key-queued")).isNotNull();
    assertThat(tokens.find(request.reference(), key(arrives(request).getContent().toString()))).isPresent();
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("STATUS_KEY_REQUESTED"))
        .extracting(RequestEvent::actor).containsExactly("desk");

    Page noEmail = desk.get("/desk/requests/" + withoutEmail.reference());
    assertThat(noEmail.document().selectFirst("#send-status-key")).isNull();
    assertThat(noEmail.document().selectFirst("#status-key-no-email")).isNotNull();
    assertThat(desk.postForm("/desk/requests/" + withoutEmail.reference() + "/status-key",
        Map.of("_csrf", PageClient.csrf(noEmail))).status()).isEqualTo(409);

    DeskRequest myNumber = TestRequests.request(register).specific().register();
    assertThat(desk.postForm("/desk/requests/" + myNumber.reference() + "/status-key",
        Map.of("_csrf", PageClient.csrf(file))).status()).as("not for staff who may not see it").isEqualTo(404);
    assertThat(outbox.lettersOf(myNumber.id())).isEmpty();
  }

  private HttpResponse<String> ask(HttpClient http, String reference, String email) throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/requests/" + reference + "/status-key"))
        .header("Content-Type", "application/json").header("Accept-Language", "en")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private MimeMessage arrives(DeskRequest request) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !SMTP.about(request.reference(), LetterKind.STATUS_KEY)
        .isEmpty());
    List<MimeMessage> mails = SMTP.about(request.reference(), LetterKind.STATUS_KEY);
    return mails.get(mails.size() - 1);
  }

  private OutboundLetter statusKeyLetter(DeskRequest request) {
    return outbox.lettersOf(request.id()).stream().filter(l -> l.kind() == LetterKind.STATUS_KEY)
        .findFirst().orElseThrow();
  }

  private static String key(String body) {
    Matcher matcher = KEY.matcher(body);
    assertThat(matcher.find()).as("a key on a line of its own in:\n%s", body).isTrue();
    return matcher.group(1);
  }
}
