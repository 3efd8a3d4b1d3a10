package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestEnums;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.requester.AwaitRequesterProcess;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A minor's request made by a parent as legal representative: the parent proves the representation with a family
 * register extract or a resident record (as old as the {@code identity-documents} table allows, counted in calendar
 * months to the day it arrived) and proves who they are with their own unexpired document; every letter goes to
 * the parent.
 */
@DeskTest
class LegalRepresentativeProcessTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final LocalDate ARRIVED = LocalDate.of(2026, 12, 1);
  static final Party MINOR = new Party("山田 花子", "ヤマダ ハナコ", LocalDate.of(2012, 5, 10), "1000001",
      "東京都千代田区千代田1-1", null, null);
  static final Party PARENT = new Party("山田 太郎", "ヤマダ タロウ", LocalDate.of(1980, 4, 1), "1000001",
      "東京都千代田区千代田1-1", "03-1234-5678", "taro.yamada@example.jp");

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired VerifiedAddresses verifiedAddresses;

  DeskRequest request;
  ProcessInstance instance;
  ProcessDriver desk;

  @BeforeEach
  void engineClockAtArrival() {
    init(engine);
    at("2026-12-01T10:00");
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aParentProvesTheRepresentationOfAMinorAndTheDisclosureGoesToTheParent() {
    start();
    checkRequest();

    // the family register extract was issued 1 September: three months to 1 December, the day it arrived
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of(
        "statusProofType", "FAMILY_REGISTER_EXTRACT", "statusProofIssuedOn", "2026-09-01",
        "agentDocumentType", "DRIVERS_LICENCE", "agentDocumentExpiresOn", "2029-05-01", "identityMismatch", false));

    assertThat(events()).anySatisfy(event -> assertThat(event.eventType()).isEqualTo("IDENTITY_VERIFIED"));
    payFee();
    investigate();
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));

    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.VERIFY_IDENTITY_CALL,
        PersonalDataRequestProcess.Elements.CLOSE_REQUEST);
    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo("DECIDED_FULL");
    assertThat(letterKinds()).startsWith(LetterKind.ACKNOWLEDGEMENT).endsWith(LetterKind.DISCLOSURE)
        .doesNotContain(LetterKind.MISSING_DOCUMENTS);
    assertThat(outbox.lettersOf(request.id())).allSatisfy(letter -> {
      assertThat(letter.recipientRole()).isEqualTo(RecipientRole.AGENT);
      assertThat(letter.recipientName()).isEqualTo(PARENT.name());
    });
  }

  @Test
  void aResidentRecordSixMonthsAndOneDayOldIsRefusedWithTheReasonAndAFreshOneIsVerified() {
    start();
    checkRequest();

    // issued 31 May: six months end on 30 November, one day before it arrived
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of(
        "statusProofType", "RESIDENT_RECORD", "statusProofIssuedOn", "2026-05-31",
        "agentDocumentType", "PASSPORT", "identityMismatch", false));

    assertThat(events()).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("IDENTITY_MORE_DOCUMENTS_NEEDED");
      assertThat(event.detail()).isEqualTo("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD");
    });
    assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.AWAITING_DOCUMENTS);
    assertThat(letterText(LetterKind.MISSING_DOCUMENTS)).contains(
        "お送りいただいた法定代理権を確認できる書類は、当社に届いた日の時点で、発行から当社が定める期間を過ぎておりました",
        "住民票の写しは発行から6か月以内");

    // a fresh resident record comes by post on 8 December; the desk records the day it arrived
    at("2026-12-08T11:00");
    desk.complete(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY, Map.of("requesterRepliedOn", "2026-12-08"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of(
        "statusProofType", "RESIDENT_RECORD", "statusProofIssuedOn", "2026-06-08",
        "agentDocumentType", "PASSPORT", "documentsArrivedOn", "2026-12-08", "identityMismatch", false));

    assertThat(events()).filteredOn(event -> event.eventType().startsWith("IDENTITY_"))
        .extracting(RequestEvent::eventType).containsExactly("IDENTITY_MORE_DOCUMENTS_NEEDED", "IDENTITY_VERIFIED");
    assertThat(desk.task(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT)).isNotNull();
  }

  @Test
  void aRepresentativesExpiredOwnDocumentIsRefusedWithTheReason() {
    start();
    checkRequest();

    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of(
        "statusProofType", "FAMILY_REGISTER_EXTRACT", "statusProofIssuedOn", "2026-11-20",
        "agentDocumentType", "DRIVERS_LICENCE", "agentDocumentExpiresOn", "2026-11-30", "identityMismatch", false));

    assertThat(events()).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("IDENTITY_MORE_DOCUMENTS_NEEDED");
      assertThat(event.detail()).isEqualTo("REPRESENTATIVE_IDENTITY_DOCUMENT_EXPIRED");
    });
    assertThat(letterText(LetterKind.MISSING_DOCUMENTS))
        .contains("お送りいただいた法定代理人ご自身の本人確認書類は、当社に届いた日の時点で有効期限が過ぎておりました");
    assertThat(desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).isNotNull();
  }

  @Test
  void documentsThatDoNotShowTheParentAsRepresentativeAreRejected() {
    start();
    checkRequest();

    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of(
        "statusProofType", "FAMILY_REGISTER_EXTRACT", "statusProofIssuedOn", "2026-11-20",
        "agentDocumentType", "DRIVERS_LICENCE", "identityMismatch", true));

    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo("IDENTITY_REJECTED");
    assertThat(letterKinds()).endsWith(LetterKind.IDENTITY_REJECTED);
    assertThat(outbox.lettersOf(request.id())).last().extracting(OutboundLetter::recipientName)
        .isEqualTo(PARENT.name());
  }

  private void start() {
    request = register.register(new NewRequest(RequestType.DISCLOSURE, RequestEnums.Channel.POST,
        RequestEnums.PersonalInformationKind.ORDINARY, RequestEnums.DisclosureMethod.ELECTRONIC, "ja", ARRIVED,
        Instant.parse(ARRIVED + "T01:00:00Z"), MINOR, AgentKind.LEGAL_REPRESENTATIVE, PARENT,
        "ゲームアプリの会員情報として登録されている娘の情報"), "test");
    // the requester confirmed their address with the link mailed with the receipt (ReplyAddressConfirmationTest)
    new ConfirmedAddresses(context).confirm(request.id());
    instance = starter.start(request);
    desk = new ProcessDriver(engine, request.reference()).runJobs();
  }

  private void checkRequest() {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
  }

  private void payFee() {
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
  }

  private void investigate() {
    Map<String, Object> values = new HashMap<>(Map.of("dataFound", true));
    values.put("dataLocations", org.camunda.spin.Spin.JSON("[\"CUSTOMER_DATABASE\"]"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, values);
  }

  private void at(String tokyoLocalDateTime) {
    Instant instant = java.time.LocalDateTime.parse(tokyoLocalDateTime).atZone(TOKYO).toInstant();
    if (desk == null) {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(instant));
    } else {
      desk.clockAt(instant);
    }
  }

  /** The letters of the request, without the e-mail with the link that confirmed the address. */
  private List<LetterKind> letterKinds() {
    return outbox.lettersOf(request.id()).stream().map(OutboundLetter::kind)
        .filter(kind -> kind != LetterKind.EMAIL_CONFIRMATION).toList();
  }

  private List<RequestEvent> events() {
    return register.events(request.id());
  }

  /** The text of the newest letter of this kind, as composed and kept. */
  private String letterText(LetterKind kind) {
    List<OutboundLetter> letters = outbox.lettersOf(request.id()).stream()
        .filter(letter -> letter.kind() == kind).toList();
    assertThat(letters).as("letters of kind %s", kind).isNotEmpty();
    return jdbc.sql("SELECT body_text FROM letter_document WHERE letter_id = ?")
        .param(letters.get(letters.size() - 1).id()).query(String.class).single();
  }
}
