package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.EmailConfirmations.Outcome;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.correspondence.Smtp;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.reply.ReplyAddressConfirmation;
import jp.madoguchi.reply.ReplyProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An electronic reply goes only to a confirmed e-mail address. When the reply is ready and the address is not
 * confirmed, the desk mails a new link and waits with the SLA clock stopped: a confirmation sends the reply by
 * e-mail; none within ten business days sends it on paper by registered mail, with the notice of the change.
 */
@DeskTest
class ReplyEmailConfirmationTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final Smtp SMTP = new Smtp();
  static final Pattern TOKEN = Pattern.compile("/status/confirm-email\\?token=([A-Za-z0-9_-]{43})");

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired ReplyAddressConfirmation confirmation;
  @Autowired DeskCalendar calendar;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  DeskRequest request;
  ProcessInstance instance;
  ProcessDriver desk;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void engineClockOnTheDayOfArrival() {
    SMTP.start();
    init(engine);
    at("2026-12-01T10:00");
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aConfirmedAddressGetsTheReplyElectronicallyWithoutWaiting() throws Exception {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    // the requester confirms with the link that came with the receipt
    new ConfirmedAddresses(context).confirm(token(receiptLink()));

    answer();

    assertThat(replySteps()).contains(ReplyProcess.Elements.CHECK_EMAIL_ADDRESS, ReplyProcess.Elements.SEND_REPLY)
        .doesNotContain(ReplyProcess.Elements.ASK_TO_CONFIRM_EMAIL_ADDRESS);
    assertClosed();
    assertThat(letter(LetterKind.DISCLOSURE).delivery()).isEqualTo(Delivery.EMAIL);
    assertThat(eventTypes()).filteredOn("EMAIL_CONFIRMATION_REQUESTED"::equals).as("no second link").hasSize(1);
    assertThat(letterKinds()).filteredOn(kind -> kind == LetterKind.EMAIL_CONFIRMATION).hasSize(1);
  }

  @Test
  void anUnconfirmedAddressIsAskedAgainTheClockStopsAndAConfirmationSendsTheReplyElectronically()
      throws Exception {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    LocalDate target = register.find(request.id()).deadlines().targetDueOn();
    String firstLink = token(receiptLink());

    answer();

    ProcessInstance reply = replyInstance();
    assertThat(reply).isWaitingAt(ReplyProcess.Elements.AWAIT_EMAIL_CONFIRMATION)
        .hasPassed(ReplyProcess.Elements.ASK_TO_CONFIRM_EMAIL_ADDRESS);
    assertThat(register.find(request.id()).deadlines().clockPausedSince()).isEqualTo(LocalDate.of(2026, 12, 1));
    // what the status page reads as "waiting for the e-mail address's confirmation" (IntakeApiTest)
    assertThat(register.find(request.id()).status()).isEqualTo(jp.madoguchi.request.RequestEnums.RequestStatus.REPLYING);
    assertThat(eventTypes()).containsSubsequence("EMAIL_CONFIRMATION_REQUESTED", "EMAIL_CONFIRMATION_REQUESTED",
        "SLA_CLOCK_PAUSED");
    assertThat(letterKinds()).doesNotContain(LetterKind.DISCLOSURE);
    // the reminder is a real e-mail with a new link
    String token = token(reminder());
    assertThat(token).isNotEqualTo(firstLink);

    // three business days later (Friday) the requester opens the link and presses the button
    at("2026-12-04T11:00");
    assertThat(confirmation.confirm(token, "requester")).isEqualTo(Outcome.CONFIRMED);
    desk.runJobs();

    assertThat(reply).hasPassed(ReplyProcess.Elements.EMAIL_ADDRESS_CONFIRMED, ReplyProcess.Elements.SEND_REPLY)
        .hasNotPassed(ReplyProcess.Elements.EMAIL_ADDRESS_NOT_CONFIRMED_IN_TIME).isEnded();
    assertClosed();
    assertThat(letter(LetterKind.DISCLOSURE).delivery()).isEqualTo(Delivery.EMAIL);
    assertThat(letterKinds()).doesNotContain(LetterKind.METHOD_CHANGED_TO_PAPER);
    DeskRequest.Deadlines clock = register.find(request.id()).deadlines();
    assertThat(clock.clockPausedSince()).isNull();
    assertThat(clock.pausedBusinessDays()).isEqualTo(3);
    assertThat(clock.targetDueOn()).isEqualTo(calendar.addBusinessDays(target, 3));
    assertThat(eventTypes()).containsSubsequence("SLA_CLOCK_PAUSED", "EMAIL_CONFIRMED", "SLA_CLOCK_RESUMED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ja", "en"})
  void withoutAConfirmationInTenBusinessDaysTheReplyGoesOnPaperWithTheNoticeWhy(String language)
      throws IOException {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).language(language));
    LocalDate target = register.find(request.id()).deadlines().targetDueOn();
    answer();
    ProcessInstance reply = replyInstance();
    assertThat(reply).isWaitingAt(ReplyProcess.Elements.AWAIT_EMAIL_CONFIRMATION);

    // ten business days after the reminder: December 15, at closing time
    at("2026-12-15T16:59");
    assertThat(reply).isWaitingAt(ReplyProcess.Elements.AWAIT_EMAIL_CONFIRMATION);
    at("2026-12-15T17:00");

    assertThat(reply).hasPassed(ReplyProcess.Elements.EMAIL_ADDRESS_NOT_CONFIRMED_IN_TIME)
        .hasNotPassed(ReplyProcess.Elements.EMAIL_ADDRESS_CONFIRMED)
        .isWaitingAt(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL);
    assertThat(register.find(request.id()).disclosureMethod()).isEqualTo(DisclosureMethod.PAPER);
    assertThat(letter(LetterKind.DISCLOSURE).delivery()).isEqualTo(Delivery.PAPER);
    OutboundLetter notice = letter(LetterKind.METHOD_CHANGED_TO_PAPER);
    assertThat(notice.delivery()).isEqualTo(Delivery.PAPER);
    String text = pdfText(notice.id());
    if ("ja".equals(language)) {
      assertThat(text).contains(compact("回答の送付方法の変更について"))
          .contains(compact("ご本人様のものであることの確認(確認のリンクを開いていただくお手続き)が、ご案内から10営業日以内に完了いたしませんでした"))
          .doesNotContain(compact("多額の費用"));
    } else {
      assertThat(text).contains(compact("Change of the way we send our reply to paper"))
          .contains(compact("The e-mail address you gave was not confirmed"))
          .contains(compact("within 10 business days"))
          .doesNotContain(compact("very costly"));
    }
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("DISCLOSURE_METHOD_CHANGED"))
        .singleElement().extracting(RequestEvent::detail).isEqualTo("PAPER: e-mail address not confirmed");
    DeskRequest.Deadlines clock = register.find(request.id()).deadlines();
    assertThat(clock.pausedBusinessDays()).isEqualTo(10);
    assertThat(clock.targetDueOn()).isEqualTo(calendar.addBusinessDays(target, 10));
    assertThat(desk.task(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL).getDueDate())
        .isEqualTo(java.util.Date.from(clock.targetDueOn().atTime(17, 0).atZone(TOKYO).toInstant()));

    desk.complete(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL, Map.of("trackingNumber", "123456789012"));
    assertThat(reply).hasPassed(ReplyProcess.Elements.SEND_REPLY).isEnded();
    assertClosed();
  }

  // ------------------------------------------------------------------------------------------------ the request

  private void start(TestRequests requests) {
    request = requests.register();
    instance = starter.start(request);
    desk = new ProcessDriver(engine, request.reference()).runJobs();
  }

  /** The desk works the request to its reply: complete, identity verified, fee paid, data found, disclosed. */
  private void answer() {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    jp.madoguchi.support.TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-01"));
    Map<String, Object> found = new HashMap<>(Map.of("entrustedByClient", false, "dataFound", true));
    found.put("dataLocations", org.camunda.spin.Spin.JSON("[\"CUSTOMER_DATABASE\"]"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, found);
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
  }

  private ProcessInstance replyInstance() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReplyProcess.KEY)
        .processInstanceBusinessKey(request.reference()).singleResult();
  }

  /** The steps the (ended) reply went through, from the engine's history. */
  private List<String> replySteps() {
    String id = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ReplyProcess.KEY).processInstanceBusinessKey(request.reference()).finished()
        .singleResult().getId();
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
  }

  private void at(String tokyoLocalDateTime) {
    Instant instant = java.time.LocalDateTime.parse(tokyoLocalDateTime).atZone(TOKYO).toInstant();
    if (desk == null) {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(instant));
    } else {
      desk.clockAt(instant);
    }
  }

  // ------------------------------------------------------------------------------------------------ what to check

  private void assertClosed() {
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.CLOSE_REQUEST);
    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo("DECIDED_FULL");
  }

  /** The e-mail with the first link, which goes with the receipt (the acknowledgement). */
  private MimeMessage receiptLink() {
    return confirmationMail(1);
  }

  /** The e-mail with the new link the reply step sends to an address not yet confirmed. */
  private MimeMessage reminder() {
    return confirmationMail(2);
  }

  /** The n-th confirmation e-mail about the request, once it has arrived, and no more than n. */
  private MimeMessage confirmationMail(int n) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> SMTP.about(request.reference(), LetterKind.EMAIL_CONFIRMATION).size() >= n);
    List<MimeMessage> mails = SMTP.about(request.reference(), LetterKind.EMAIL_CONFIRMATION);
    assertThat(mails).hasSize(n);
    return mails.get(n - 1);
  }

  private static String token(MimeMessage mail) throws Exception {
    Matcher link = TOKEN.matcher(mail.getContent().toString());
    assertThat(link.find()).isTrue();
    return link.group(1);
  }

  private OutboundLetter letter(LetterKind kind) {
    return outbox.lettersOf(request.id()).stream().filter(letter -> letter.kind() == kind).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no letter " + kind + " in " + letterKinds()));
  }

  private List<LetterKind> letterKinds() {
    return outbox.lettersOf(request.id()).stream().map(OutboundLetter::kind).toList();
  }

  private List<String> eventTypes() {
    return register.events(request.id()).stream().map(RequestEvent::eventType).toList();
  }

  private String pdfText(long letterId) throws IOException {
    byte[] pdf = jdbc.sql("SELECT pdf FROM letter_document WHERE letter_id = ?").param(letterId)
        .query(byte[].class).single();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return compact(new PDFTextStripper().getText(document));
    }
  }

  /** Without white space: a phrase may be broken over two lines of the page. */
  private static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }
}
