package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DeskTest
class PersonalDataErasureTest {

  @Autowired RequestRegister register;
  @Autowired PersonalDataErasure erasure;
  @Autowired RequestDocuments documents;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  @Test
  void personalDataOfAClosedRequestIsErasedOnceItsRetentionEndsAndTheAuditTrailStays() {
    DeskRequest kept = TestRequests.request(register).register();
    DeskRequest expired = TestRequests.request(register).byAgent(RequestEnums.AgentKind.AUTHORISED).register();
    DeskRequest open = TestRequests.request(register).register();
    register.recordEvent(expired.id(), "desk", "NOTE", "Task_InvestigateRetainedData/investigationNote: 旧住所あり");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> correspondence.queueToRequester(
        expired.id(), LetterKind.ACKNOWLEDGEMENT, "erasure-test:" + expired.reference()));
    long letterId = outbox.letterId("erasure-test:" + expired.reference()).orElseThrow();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_document WHERE letter_id = ?").param(letterId)
        .query(Long.class).single()).isOne();
    register.close(kept.id(), "DECIDED_FULL", LocalDate.of(2030, 1, 1), "desk");
    register.close(expired.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");

    int erased = erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    assertThat(erased).isGreaterThanOrEqualTo(1);
    DeskRequest gone = register.find(expired.id());
    assertThat(gone.principal().name()).isEqualTo(PersonalDataErasure.ERASED);
    assertThat(gone.principal().address()).isNull();
    assertThat(gone.principal().email()).isNull();
    assertThat(gone.agent().name()).isEqualTo(PersonalDataErasure.ERASED);
    assertThat(gone.details()).isNull();
    assertThat(gone.reference()).isEqualTo(expired.reference());
    assertThat(gone.outcome()).isEqualTo("DECIDED_FULL");
    assertThat(register.events(expired.id())).extracting(RequestEvent::eventType)
        .contains("REQUEST_CLOSED", "PERSONAL_DATA_ERASED");
    assertThat(register.events(expired.id())).filteredOn(e -> e.eventType().equals("NOTE"))
        .allSatisfy(e -> assertThat(e.detail()).isNull());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_document WHERE request_id = ?").param(expired.id())
        .query(Long.class).single()).as("the composed letters go with the personal data").isZero();
    assertThat(outbox.lettersOf(expired.id())).singleElement().satisfies(letter -> {
      assertThat(letter.kind()).isEqualTo(LetterKind.ACKNOWLEDGEMENT);
      assertThat(letter.recipientName()).isNull();
      assertThat(letter.recipientEmail()).isNull();
      assertThat(letter.status()).as("a letter not yet sent has no one left to go to").isEqualTo(
          jp.madoguchi.correspondence.LetterStatus.CANCELLED);
    });
    assertThat(register.find(kept.id()).principal()).isEqualTo(TestRequests.PRINCIPAL);
    assertThat(register.find(open.id()).principal()).isEqualTo(TestRequests.PRINCIPAL);
    assertThat(erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2))).isZero();
  }

  @Test
  void theBytesAndNamesOfAnErasedRequestsDocumentsGoAndTheirRecordStays() {
    DeskRequest expired = TestRequests.request(register).register();
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    RequestDocument document = documents.store(expired.id(), DocumentKind.IDENTITY_DOCUMENT, "山田太郎_免許証.pdf", pdf,
        "requester");
    register.close(expired.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");

    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    assertThat(documents.content(document.id())).isEmpty();
    assertThat(documents.documentsOf(expired.id())).singleElement().satisfies(kept -> {
      assertThat(kept.originalFileName()).isNull();
      assertThat(kept.sha256()).isEqualTo(document.sha256());
      assertThat(kept.kind()).isEqualTo(DocumentKind.IDENTITY_DOCUMENT);
    });
  }

  @Test
  void everyFreeTextAboutThePersonGoesWithThePersonalDataAndTheRecordOfWhatHappenedStays() {
    DeskRequest expired = TestRequests.request(register).register();
    register.recordEvent(expired.id(), "desk", "DECISION_PARTIAL",
        "grounds [HARM_TO_PERSON_OR_THIRD_PARTY]; reasons: 山田様のご家族の通話が含まれるため");
    register.recordEvent(expired.id(), "manager", "REFUSAL_SENT_BACK", "山田様の旧住所の件を確認してください");
    register.recordEvent(expired.id(), "desk", "REQUEST_WITHDRAWN", "12月3日に山田様ご本人からお電話");
    register.recordEvent(expired.id(), "desk", "DISCLOSURE_METHOD_CHANGED", "PAPER: 録音40時間分のため");
    register.recordEvent(expired.id(), "desk", "LEGAL_REVIEW_DONE", "弁護士に山田様の件を相談済み");
    register.recordEvent(expired.id(), "system", "LETTER_QUEUED", "DISCLOSURE to PRINCIPAL by PAPER");
    register.recordEvent(expired.id(), "system", "SLA_CLOCK_STARTED", "target 2026-12-15 (10 business days)");
    register.recordEvent(expired.id(), "desk", "IDENTITY_MORE_DOCUMENTS_NEEDED", "PRINCIPAL_IDENTITY_DOCUMENT");
    // contract version 4: what staff type is a note of its step (ADR 0022); before it, a referral named the client
    register.recordEvent(expired.id(), "desk", "NOTE", "Task_DecideOnRequest/refusalReasons: 山田様のご家族の通話のため");
    register.recordEvent(expired.id(), "manager", "NOTE", "Task_ApproveRefusal/managerComment: 山田様の件を再検討");
    register.recordEvent(expired.id(), "desk", "NOTE", "Task_InvestigateRetainedData/clientCompanyName: 山田商店");
    register.recordEvent(expired.id(), "system", "REFERRED_TO_CLIENT", "山田商店");
    assertThat(register.latestNote(expired.id(), "refusalReasons")).contains("山田様のご家族の通話のため");
    register.close(expired.id(), "DECIDED_PARTIAL", LocalDate.of(2027, 1, 1), "desk");

    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    java.util.Map<String, String> details = new java.util.HashMap<>();
    register.events(expired.id()).forEach(e -> details.put(e.eventType(), e.detail()));
    assertThat(details).containsKeys("DECISION_PARTIAL", "REFUSAL_SENT_BACK", "REQUEST_WITHDRAWN",
        "DISCLOSURE_METHOD_CHANGED", "LEGAL_REVIEW_DONE");
    assertThat(details.get("DECISION_PARTIAL")).as("the decision stays, its reasons go").isNull();
    assertThat(details.get("REFUSAL_SENT_BACK")).isNull();
    assertThat(details.get("REQUEST_WITHDRAWN")).isNull();
    assertThat(details.get("DISCLOSURE_METHOD_CHANGED")).isNull();
    assertThat(details.get("LEGAL_REVIEW_DONE")).as("a designer's step may hold any text").isNull();
    assertThat(register.events(expired.id())).allSatisfy(e ->
        assertThat(e.detail() == null ? "" : e.detail()).doesNotContain("山田"));
    assertThat(register.latestNote(expired.id(), "refusalReasons")).isEmpty();
    assertThat(register.latestNote(expired.id(), "clientCompanyName")).isEmpty();
    assertThat(details).containsEntry("LETTER_QUEUED", "DISCLOSURE to PRINCIPAL by PAPER")
        .containsEntry("SLA_CLOCK_STARTED", "target 2026-12-15 (10 business days)")
        .containsEntry("IDENTITY_MORE_DOCUMENTS_NEEDED", "PRINCIPAL_IDENTITY_DOCUMENT")
        .containsEntry("REQUEST_CLOSED", "DECIDED_PARTIAL");
  }
}
