package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.LetterStatus;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.handling.RequestWithdrawal;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.process.RequestInstances;
import jp.madoguchi.reply.ReplyProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.requester.AwaitRequesterProcess;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The personal-data request from receipt to the closed register entry, for every path the desk meets. */
@DeskTest
class PersonalDataRequestProcessTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final LocalDate ARRIVED = LocalDate.of(2026, 12, 1);
  /** The date a timer waits for when its date never comes (the SLA clock's parked date). */
  static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired HistoryService historyService;
  @Autowired RequestWithdrawal withdrawal;
  @Autowired VerifiedAddresses verifiedAddresses;
  @Autowired RequestInstances requestInstances;

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

  @ParameterizedTest
  @EnumSource(value = RequestType.class, names = "COMPLAINT", mode = EnumSource.Mode.EXCLUDE)
  void everyRequestTypeRunsItsHappyPathToAClosedRegisterEntry(RequestType type) {
    start(TestRequests.request(register).type(type));

    checkRequest(true);
    verifyPrincipal("DRIVERS_LICENCE");
    boolean feeApplies = type.disclosureMethodApplies();
    if (feeApplies) {
      assertThat(instance).hasVariables("feeAmount");
      payFee(1000);
    }
    investigate(true);
    boolean action = type == RequestType.CORRECTION || type == RequestType.SUSPENSION_OF_USE
        || type == RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION;
    Map<String, Object> decision = new HashMap<>(Map.of("decision", "FULL"));
    if (!type.disclosureMethodApplies()) {
      decision.put("actionTakenNote", "登録住所を訂正しました");
    }
    if (type == RequestType.SUSPENSION_OF_USE) {
      decision.put("actionMeasure", "SUSPENSION");
    }
    decide(decision);
    if (action) {
      // four eyes before anything is done on a system, for a decision in full too (ADR 0034)
      assertThat(engine.getTaskService().getIdentityLinksForTask(
          desk.task(PersonalDataRequestProcess.Elements.APPROVE_ACTION).getId()))
          .extracting(IdentityLink::getGroupId).containsExactly(DeskGroups.PRIVACY_MANAGERS);
      desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED",
          "approvalNote", "内容を確認しました"));
    }

    assertClosed("DECIDED_FULL");
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.SEND_ACKNOWLEDGEMENT, PersonalDataRequestProcess.Elements.VERIFY_IDENTITY_CALL,
        PersonalDataRequestProcess.Elements.INVESTIGATE, PersonalDataRequestProcess.Elements.DECIDE, PersonalDataRequestProcess.Elements.SEND_REPLY_CALL, PersonalDataRequestProcess.Elements.CLOSE_REQUEST);
    assertThat(instance).hasNotPassed(PersonalDataRequestProcess.Elements.REFER_TO_CLIENT);
    Map<String, Object> outcome = finalVariables();
    assertThat(outcome).containsEntry("requestType", type.name()).containsEntry("identityOutcome", "VERIFIED")
        .containsEntry("feeOutcome", feeApplies ? "PAID" : "NOT_REQUIRED").containsEntry("dataFound", true)
        .containsEntry("entrustedData", "NONE").containsEntry("entrustedByClient", false)
        .containsEntry("decision", "FULL")
        .doesNotContainKey("actionTakenNote");
    LetterKind expectedReply = switch (type) {
      case PURPOSE_NOTIFICATION -> LetterKind.PURPOSE_NOTIFICATION;
      case DISCLOSURE, THIRD_PARTY_RECORDS_DISCLOSURE -> LetterKind.DISCLOSURE;
      case CORRECTION -> LetterKind.CORRECTION_RESULT;
      default -> LetterKind.SUSPENSION_RESULT;
    };
    assertThat(letterKinds()).startsWith(LetterKind.ACKNOWLEDGEMENT).endsWith(expectedReply);
    assertThat(letterKinds().contains(LetterKind.FEE_REQUEST)).isEqualTo(feeApplies);
    if (!type.disclosureMethodApplies()) {
      assertThat(events()).anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains("登録住所を訂正しました"));
    }
  }

  @Test
  void anAgentsRequestIsVerifiedWithTheAgentsDocumentsAndAnsweredToTheAgent() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).byAgent(AgentKind.AUTHORISED));

    checkRequest(true);
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("powerOfAttorneyPresent", true,
        "sealCertificateIssuedOn", "2026-10-15", "agentDocumentType", "PASSPORT"));
    payFee(1000);
    investigate(true);
    decide(Map.of("decision", "FULL"));

    assertClosed("DECIDED_FULL");
    List<OutboundLetter> letters = outbox.lettersOf(request.id());
    assertThat(letters).isNotEmpty().allSatisfy(letter -> {
      assertThat(letter.recipientRole()).isEqualTo(RecipientRole.AGENT);
      assertThat(letter.recipientName()).isEqualTo(TestRequests.AGENT.name());
      assertThat(letter.recipientEmail()).isEqualTo(TestRequests.AGENT.email());
    });
  }

  @Test
  void anAgentsSealCertificateOlderThanThreeMonthsIsNotEnough() {
    start(TestRequests.request(register).type(RequestType.CORRECTION).byAgent(AgentKind.AUTHORISED));
    checkRequest(true);

    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("powerOfAttorneyPresent", true,
        "sealCertificateIssuedOn", "2026-08-01", "agentDocumentType", "PASSPORT"));

    assertThat(events()).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("IDENTITY_MORE_DOCUMENTS_NEEDED");
      assertThat(event.detail()).isEqualTo("PRINCIPAL_SEAL_CERTIFICATE_WITHIN_3_MONTHS");
    });
    assertThat(desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).isNotNull();
    assertThat(letterKinds()).contains(LetterKind.MISSING_DOCUMENTS);
  }

  @Test
  void missingDocumentsAreRequestedRemindedAndTheRequestClosedAsAbandoned() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    checkRequest(true);
    verifyPrincipal("NONE");

    assertThat(desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).isNotNull();
    assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.AWAITING_DOCUMENTS);
    assertThat(register.find(request.id()).deadlines().clockPausedSince()).isEqualTo(ARRIVED);

    // ten business days later (December 15, 17:00) the reminder goes out; the desk still waits
    at("2026-12-15T17:00");
    assertThat(letterKinds()).containsSubsequence(LetterKind.MISSING_DOCUMENTS, LetterKind.REMINDER);
    assertThat(desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).isNotNull();

    // the desk's own target is suspended while it waits; the two weeks of Art 39 are not
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE)).isEmpty();
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED)).hasSize(1);

    // thirty business days after the request for documents (January 15, skipping December 31 to January 3 and
    // Coming of Age Day), the desk gives up and says so
    at("2027-01-15T16:59");
    assertThat(desk.openTasks(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).hasSize(1);
    at("2027-01-15T17:00");

    assertClosed("ABANDONED");
    desk.complete(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED, Map.of("escalationNote", "取り下げを確認"));
    assertThat(instance).isEnded();
    assertThat(letterKinds()).endsWith(LetterKind.ABANDONED);
    assertThat(events()).extracting(RequestEvent::eventType).contains("SLA_CLOCK_PAUSED", "SLA_CLOCK_RESUMED");
  }

  @Test
  void documentsThatArriveWhileTheDeskWaitsTakeTheRequestBackToVerification() {
    start(TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE));
    checkRequest(true);
    verifyPrincipal("NONE");
    LocalDate target = register.find(request.id()).deadlines().targetDueOn();
    // three levels of processes run (the request, its identity verification, the wait for documents): the desk's
    // native queries find what the engine's own queries by business key find, and leave out a suspended task
    assertSameAsTheEnginesQueries();
    String waiting = desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY).getProcessInstanceId();
    engine.getRuntimeService().suspendProcessInstanceById(waiting);
    assertSameAsTheEnginesQueries();
    assertThat(requestInstances.activeTasks(request.reference(), AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY))
        .isEmpty();
    engine.getRuntimeService().activateProcessInstanceById(waiting);
    assertThat(requestInstances.activeTasks(request.reference(), AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY))
        .extracting(Task::getProcessInstanceId).containsExactly(waiting);

    at("2026-12-08T11:00");
    desk.complete(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY, Map.of("requesterRepliedOn", "2026-12-08"));
    LocalDate moved = register.find(request.id()).deadlines().targetDueOn();
    Date movedDue = Date.from(moved.atTime(17, 0).atZone(TOKYO).toInstant());
    // the form of Verify identity shows its own process's copy of the target: it moved too
    Task verify = desk.task(IdentityVerificationProcess.Elements.VERIFY_IDENTITY);
    assertThat(engine.getTaskService().getVariable(verify.getId(), "targetDueDate")).isEqualTo(movedDue);
    assertThat(engine.getTaskService().getVariable(verify.getId(), "targetDueDateText")).asString()
        .startsWith(moved.getYear() + "年" + moved.getMonthValue() + "月" + moved.getDayOfMonth() + "日(")
        .contains(" 17:00 / ");
    assertThat(verify.getDueDate()).isEqualTo(movedDue);
    // the request's own target timer, parked while the desk waited, falls due on the moved target
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(PersonalDataRequestProcess.Elements.TARGET_DEADLINE_PASSED).singleResult().getDuedate())
        .isEqualTo(movedDue);
    verifyPrincipal("PASSPORT");

    DeskRequest waited = register.find(request.id());
    assertThat(waited.deadlines().pausedBusinessDays()).isEqualTo(5);
    assertThat(waited.deadlines().targetDueOn()).isAfter(target);
    assertThat(desk.task(PersonalDataRequestProcess.Elements.INVESTIGATE).getDueDate())
        .isEqualTo(java.util.Date.from(waited.deadlines().targetDueOn().atTime(17, 0).atZone(TOKYO).toInstant()));
  }

  @Test
  void aRequestWithdrawnWhileTheDeskWaitsForDocumentsIsConfirmedAndClosedWithNothingLeftRunning() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    checkRequest(true);
    verifyPrincipal("NONE");
    assertThat(desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY)).isNotNull();

    RequestWithdrawal.Outcome outcome = withdrawal.withdraw(register.find(request.id()),
        "12月3日 電話で本人から取下げの申出(佐藤)", "desk");
    desk.runJobs();

    assertThat(outcome).isEqualTo(RequestWithdrawal.Outcome.WITHDRAWN);
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.REQUEST_WITHDRAWN, PersonalDataRequestProcess.Elements.CONFIRM_WITHDRAWAL, PersonalDataRequestProcess.Elements.READY_TO_CLOSE)
        .hasNotPassed(PersonalDataRequestProcess.Elements.REQUEST_ANSWERED);
    assertClosed("WITHDRAWN");
    assertThat(instance).isEnded();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(request.reference()).count()).as("called processes ended too").isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("no deadline timer left").isZero();
    assertThat(letterKinds()).endsWith(LetterKind.WITHDRAWAL_CONFIRMATION);
    assertThat(events()).filteredOn(e -> e.eventType().equals("REQUEST_WITHDRAWN")).singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("desk");
          assertThat(e.detail()).contains("電話で本人から");
        });

    assertThat(withdrawal.withdraw(register.find(request.id()), "again", "desk"))
        .isEqualTo(RequestWithdrawal.Outcome.NOT_OPEN);
  }

  @Test
  void aWithdrawalBeforeThePaperReplyIsPostedCancelsTheReply() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).method(DisclosureMethod.ELECTRONIC));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    payFee(1000);
    investigate(true);
    decide(Map.of("decision", "FULL", "changeToPaper", true, "paperReasonNote", "録音データが大容量のため"));
    assertThat(desk.task(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL)).isNotNull();

    withdrawal.withdraw(register.find(request.id()), "発送前に電話で取下げ", "desk");
    desk.runJobs();

    assertClosed("WITHDRAWN");
    assertThat(outbox.lettersOf(request.id())).filteredOn(l -> l.kind() == LetterKind.DISCLOSURE)
        .singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(LetterStatus.CANCELLED));
    assertThat(outbox.lettersOf(request.id()))
        .filteredOn(l -> l.kind() == LetterKind.WITHDRAWAL_CONFIRMATION).singleElement()
        .satisfies(l -> assertThat(l.status()).isNotEqualTo(LetterStatus.CANCELLED));
    assertThat(events()).filteredOn(e -> e.eventType().equals("LETTERS_CANCELLED")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("DISCLOSURE to PRINCIPAL by PAPER"));
  }

  @Test
  void aComplaintIsNotWithdrawnButAnswered() {
    start(TestRequests.request(register).type(RequestType.COMPLAINT));

    assertThat(withdrawal.withdraw(register.find(request.id()), "電話で", "desk"))
        .isEqualTo(RequestWithdrawal.Outcome.NOT_A_REQUEST);
    assertThat(events()).extracting(RequestEvent::eventType).doesNotContain("REQUEST_WITHDRAWN");
  }

  @Test
  void aFeeNeverPaidIsRemindedAndTheRequestClosed() {
    start(TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE));
    checkRequest(true);
    verifyPrincipal("MY_NUMBER_CARD_FRONT");
    assertThat(desk.task(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT)).isNotNull();

    at("2026-12-15T17:00");
    assertThat(letterKinds()).containsSubsequence(LetterKind.FEE_REQUEST, LetterKind.REMINDER);
    at("2027-01-15T17:00");

    assertClosed("FEE_NOT_PAID");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE)).isEmpty();
    assertThat(finalVariables()).containsEntry("feeOutcome", "ABANDONED");
    assertThat(letterKinds()).endsWith(LetterKind.ABANDONED);
  }

  @Test
  void aFeeThatFallsShortKeepsTheDeskWaitingForTheRest() {
    start(TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION));
    checkRequest(true);
    verifyPrincipal("RESIDENCE_CARD");

    payFee(500);
    assertThat(desk.task(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT)).isNotNull();
    payFee(1000);

    assertThat(desk.task(PersonalDataRequestProcess.Elements.INVESTIGATE)).isNotNull();
    assertThat(events()).extracting(RequestEvent::eventType).containsSubsequence("FEE_PARTLY_PAID", "FEE_PAID");
  }

  @Test
  void aRefusalSentBackByTheManagerIsDecidedAgainAndThenApproved() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    payFee(1000);
    investigate(true);

    assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "NONE")))
        .hasMessageContaining("Art 33(2)").hasMessageContaining("Art 36");
    assertThat(desk.task(PersonalDataRequestProcess.Elements.DECIDE)).isNotNull();

    decide(Map.of("decision", "NONE", "refusalGrounds", List.of("SIGNIFICANT_BUSINESS_HINDRANCE"),
        "refusalReasons", "請求の件数が多いため"));
    assertThat(desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL)).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(DeskGroups.PRIVACY_MANAGERS);

    assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "SENT_BACK")))
        .hasMessageContaining("Say why the refusal goes back");
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "SENT_BACK",
        "managerComment", "件数の多さだけでは第2号に当たりません。一部開示を検討してください。"));

    assertThat(desk.task(PersonalDataRequestProcess.Elements.DECIDE)).isNotNull();
    // a manager who also works the desk decides: another manager must approve
    engine.getIdentityService().setAuthentication("manager",
        List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS));
    try {
      decide(Map.of("decision", "PARTIAL", "refusalGrounds", List.of("HARM_TO_PERSON_OR_THIRD_PARTY"),
          "refusalReasons", "通話録音に第三者の発言が含まれるため、その部分を除きます"));
      assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED")))
          .hasMessageContaining("four eyes");
      engine.getIdentityService().setAuthentication("chief", List.of(DeskGroups.PRIVACY_MANAGERS));
      desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertClosed("DECIDED_PARTIAL");
    assertThat(finalVariables()).containsEntry("managerApproval", "APPROVED").containsEntry("decision", "PARTIAL");
    assertThat(letterKinds()).endsWith(LetterKind.PARTIAL_DISCLOSURE);
    assertThat(events()).extracting(RequestEvent::eventType)
        .containsSubsequence("DECISION_NONE", "REFUSAL_SENT_BACK", "DECISION_PARTIAL", "REFUSAL_APPROVED");
  }

  @Test
  void aCorrectionDecisionMustSayWhatWasCorrected() {
    start(TestRequests.request(register).type(RequestType.CORRECTION));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    investigate(true);

    assertThatThrownBy(() -> decide(Map.of("decision", "PARTIAL", "refusalReasons", "生年月日は正しい記録です",
        "refusalGrounds", List.of("DATA_ACCURATE"))))
        .hasMessageContaining("Say what was corrected");
    assertThatThrownBy(() -> decide(Map.of("decision", "PARTIAL", "refusalReasons", "生年月日は正しい記録です",
        "actionTakenNote", "住所のみ訂正")))
        .hasMessageContaining("Art 34(2)").hasMessageNotContaining("Art 33");
    decide(Map.of("decision", "PARTIAL", "refusalReasons", "生年月日は正しい記録です",
        "refusalGrounds", List.of("DATA_ACCURATE"), "actionTakenNote", "住所のみ訂正"));

    assertThat(desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL)).isNotNull();
  }

  @Test
  void aPurposeNotificationIsRefusedOnArticle32AndHasNoArt39Date() {
    start(TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION));
    // a 求め under Art 32(2) cannot be taken to court under Art 39: no date in the register, a timer that never fires
    assertThat(register.find(request.id()).deadlines().art39Date()).isNull();
    assertThat(art39Timer().getDuedate()).isEqualTo(NEVER);
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    payFee(1000);
    investigate(true);

    at("2026-12-16T10:00");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED)).isEmpty();
    assertThat(register.find(request.id()).deadlines().art39DatePassed()).isFalse();
    assertThatThrownBy(() -> decide(Map.of("decision", "NONE", "refusalReasons", "公表済みの利用目的のとおりです",
        "refusalGrounds", List.of("HARM_TO_PERSON_OR_THIRD_PARTY"))))
        .hasMessageContaining("Art 32(2)").hasMessageNotContaining("Art 33");
    decide(Map.of("decision", "NONE", "refusalReasons", "公表済みの利用目的のとおりです",
        "refusalGrounds", List.of("PURPOSES_ALREADY_CLEAR")));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED"));

    assertClosed("DECIDED_NONE");
    assertThat(letterKinds()).endsWith(LetterKind.NON_DISCLOSURE);
    assertThat(events()).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("DECISION_NONE");
      assertThat(event.detail()).contains("PURPOSES_ALREADY_CLEAR");
    });
    assertThat(events()).extracting(RequestEvent::eventType).doesNotContain("ART39_TWO_WEEKS_PASSED");
  }

  @Test
  void aThirdPartyRecordsRequestHasItsArt39DateAndIsFlaggedWhenItPasses() {
    start(TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE));

    assertThat(register.find(request.id()).deadlines().art39Date()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(art39Timer().getDuedate())
        .isEqualTo(Date.from(LocalDate.of(2026, 12, 15).atStartOfDay(TOKYO).toInstant()));
    checkRequest(true);
    at("2026-12-15T00:00");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED)).hasSize(1);
    assertThat(register.find(request.id()).deadlines().art39DatePassed()).isTrue();
  }

  @Test
  void aMyNumberThirdPartyRecordsRequestIsAnsweredThatNoneExistWithoutAFee() {
    start(TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).specific());
    checkRequest(true);

    verifyPrincipal("MY_NUMBER_CARD_FRONT");

    assertClosed("NO_DATA_HELD");
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.DETERMINE_FEE,
            PersonalDataRequestProcess.Elements.RECORDS_KEPT, PersonalDataRequestProcess.Elements.SEND_REPLY_CALL)
        .hasNotPassed(PersonalDataRequestProcess.Elements.COLLECT_FEE, PersonalDataRequestProcess.Elements.INVESTIGATE);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(request.reference())
        .taskDefinitionKey(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT).count()).as("no fee task").isZero();
    assertThat(finalVariables()).containsEntry("feeAmount", 0).containsEntry("feeOutcome", "NOT_REQUIRED")
        .containsEntry("dataFound", false);
    assertThat(letterKinds()).doesNotContain(LetterKind.FEE_REQUEST).endsWith(LetterKind.NO_DATA_HELD);
  }

  @Test
  void aSuspensionAnsweredByAnAlternativeMeasureSaysWhatTheMeasureIs() {
    start(TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    investigate(true);

    assertThatThrownBy(() -> decide(Map.of("decision", "NONE", "refusalReasons", "基幹システムの改修に多額の費用を要するため",
        "refusalGrounds", List.of("ALTERNATIVE_MEASURE_TAKEN"))))
        .hasMessageContaining("alternative measure").hasMessageContaining("Art 35");
    decide(Map.of("decision", "NONE", "refusalReasons", "基幹システムの改修に多額の費用を要するため",
        "refusalGrounds", List.of("ALTERNATIVE_MEASURE_TAKEN"), "actionTakenNote", "該当項目の利用を停止しました"));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED"));

    assertClosed("DECIDED_NONE");
    assertThat(letterKinds()).endsWith(LetterKind.SUSPENSION_RESULT);
  }

  @Test
  void noDataHeldIsAnsweredAsSuch() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    payFee(1000);

    investigate(false);

    assertClosed("NO_DATA_HELD");
    assertThat(finalVariables()).containsEntry("dataFound", false);
    assertThat(letterKinds()).endsWith(LetterKind.NO_DATA_HELD);
  }

  @Test
  void documentsThatDoNotMatchTheRequesterAreRejectedWithAReply() {
    start(TestRequests.request(register).type(RequestType.CORRECTION));
    checkRequest(true);

    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "DRIVERS_LICENCE", "identityMismatch", true));

    assertClosed("IDENTITY_REJECTED");
    assertThat(letterKinds()).endsWith(LetterKind.IDENTITY_REJECTED);
  }

  @Test
  void anIncompleteRequestIsAskedForWhatIsMissingAndContinuesWhenTheAnswerComes() {
    start(TestRequests.request(register).type(RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION));

    checkRequestMissing("CHANGE_SOUGHT", "DATA_CONCERNED");
    assertThat(letterKinds()).contains(LetterKind.REQUEST_FORM_AND_CHECKLIST);
    assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.AWAITING_REQUEST_FORM);
    // codes only, in a fixed order; the called process that sends the letter got them too
    assertThat(missingRequestDetails()).containsExactly("DATA_CONCERNED", "CHANGE_SOUGHT");
    assertThat(events()).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("REQUEST_DETAILS_MISSING");
      assertThat(event.detail()).isEqualTo("DATA_CONCERNED,CHANGE_SOUGHT");
    });
    desk.complete(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY, Map.of("requesterRepliedOn", "2026-12-03"));

    checkRequest(true);
    assertThat(desk.task(IdentityVerificationProcess.Elements.VERIFY_IDENTITY)).isNotNull();
    // the request is complete now: nothing is missing any more, for integrators reading the variable
    assertThat(missingRequestDetails()).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "requestFormComplete")).isEqualTo(true);
  }

  @Test
  void aWebRequestWithEverythingItNeedsGoesStraightOnToIdentityVerificationWithoutALetter() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).channel(Channel.WEB));

    checkRequest(true);

    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.CHECK_REQUEST)
        .hasNotPassed(PersonalDataRequestProcess.Elements.AWAIT_REQUEST_FORM);
    assertThat(desk.task(IdentityVerificationProcess.Elements.VERIFY_IDENTITY)).isNotNull();
    assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.VERIFYING_IDENTITY);
    assertThat(letterKinds()).containsExactly(LetterKind.ACKNOWLEDGEMENT);
    assertThat(missingRequestDetails()).isEmpty();
  }

  @Test
  void anIncompleteRequestMustSayWhatIsMissingAndOnlyWhatThisRequestCanLack() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).channel(Channel.WEB));

    // nothing ticked: the requester would get a letter asking for nothing in particular
    assertThatThrownBy(() -> checkRequestMissing())
        .hasMessageContaining("Tick what is missing");
    // a web request carries no seal, and its method of disclosure is already chosen
    assertThatThrownBy(() -> checkRequestMissing("SIGNATURE_OR_SEAL"))
        .hasMessageContaining("asked only of a request sent by post");
    assertThatThrownBy(() -> checkRequestMissing("DISCLOSURE_METHOD"))
        .hasMessageContaining("already says how the answer is to be given");
    // a disclosure changes nothing: what is to change is a question for corrections and suspensions
    assertThatThrownBy(() -> checkRequestMissing("CHANGE_SOUGHT"))
        .hasMessageContaining("asked only of a correction or suspension request");
    assertThatThrownBy(() -> checkRequestMissing("PRINCIPAL_IDENTITY_DOCUMENT"))
        .hasMessageContaining("Unknown missing item");

    assertThat(desk.task(PersonalDataRequestProcess.Elements.CHECK_REQUEST)).isNotNull();
    assertThat(letterKinds()).containsExactly(LetterKind.ACKNOWLEDGEMENT);
    assertThat(events()).noneMatch(event -> event.eventType().equals("REQUEST_DETAILS_MISSING"));
  }

  @Test
  void anIncompleteRequestWhoseAnswerNeverComesIsClosedAsAbandoned() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    checkRequestMissing("DATA_CONCERNED");

    at("2027-01-15T17:00");

    assertClosed("ABANDONED");
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.REQUEST_ABANDONED);
  }

  @Test
  void aPaperReplyEndsWithDispatchByRegisteredMailAndItsTrackingNumber() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).method(DisclosureMethod.ELECTRONIC));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    payFee(1000);
    investigate(true);

    decide(Map.of("decision", "FULL", "changeToPaper", true, "paperReasonNote", "録音データが大容量のため"));
    desk.complete(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL, Map.of("trackingNumber", "1234-5678-9012",
        "dispatchedOn", "2026-12-04"));

    assertClosed("DECIDED_FULL");
    assertThat(letterKinds()).containsSubsequence(LetterKind.METHOD_CHANGED_TO_PAPER, LetterKind.DISCLOSURE);
    assertThat(outbox.lettersOf(request.id())).filteredOn(l -> l.kind() == LetterKind.DISCLOSURE)
        .singleElement().satisfies(letter -> {
          assertThat(letter.delivery()).isEqualTo(Delivery.PAPER);
          assertThat(letter.status()).isEqualTo(LetterStatus.DISPATCHED);
        });
    assertThat(register.find(request.id()).disclosureMethod()).isEqualTo(DisclosureMethod.PAPER);
    // the dispatch task offered both letters to print
    List<Long> paperLetters = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.delivery() == Delivery.PAPER).map(OutboundLetter::id).toList();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableNameIn("replyLetterId",
            "methodChangeLetterId").list())
        .extracting(v -> (Long) v.getValue()).containsAll(paperLetters);
  }

  @Test
  void slaTimersRemindTheDeskEscalateAtTheTargetAndFlagTheTwoWeekMark() {
    start(TestRequests.request(register).type(RequestType.CORRECTION));
    checkRequest(true);
    engine.getTaskService().claim(desk.task(IdentityVerificationProcess.Elements.VERIFY_IDENTITY).getId(), "desk");
    DeskRequest started = register.find(request.id());
    assertThat(started.deadlines().targetDueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(started.deadlines().art39Date()).isEqualTo(LocalDate.of(2026, 12, 15));

    at("2026-12-11T09:00");
    assertThat(outbox.lettersOf(request.id())).anySatisfy(letter -> {
      assertThat(letter.kind()).isEqualTo(LetterKind.STAFF_REMINDER);
      assertThat(letter.recipientName()).isEqualTo("desk");
    });
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE)).isEmpty();

    at("2026-12-15T00:00");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED)).hasSize(1);
    assertThat(register.find(request.id()).deadlines().art39DatePassed()).isTrue();

    at("2026-12-15T17:00");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE)).hasSize(1);
    assertThat(register.find(request.id()).deadlines().overdue()).isTrue();

    desk.complete(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE, Map.of("escalationNote", "担当者と確認、本日中に本人確認"));
    desk.complete(PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED, Map.of("escalationNote", "法務に連絡済み"));
    verifyPrincipal("PASSPORT");
    investigate(true);
    decide(Map.of("decision", "FULL", "actionTakenNote", "電話番号を訂正"));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));
    assertClosed("DECIDED_FULL");
  }

  @Test
  void anErasureInFullIsApprovedBeforeAnythingIsDoneAndASentBackOneIsDecidedAgain() {
    start(TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE));
    checkRequest(true);
    verifyPrincipal("PASSPORT");
    investigate(true);

    assertThatThrownBy(() -> decide(Map.of("decision", "FULL", "actionTakenNote", "会員データを消去します")))
        .hasMessageContaining("erased or its use suspended");
    engine.getIdentityService().setAuthentication("manager",
        List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS));
    try {
      decide(Map.of("decision", "FULL", "actionTakenNote", "会員データを消去します", "actionMeasure", "ERASURE"));
      assertThat(register.find(request.id()).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
      assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION,
          Map.of("managerApproval", "APPROVED"))).hasMessageContaining("four eyes");
      engine.getIdentityService().setAuthentication("chief", List.of(DeskGroups.PRIVACY_MANAGERS));
      assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION,
          Map.of("managerApproval", "SENT_BACK"))).hasMessageContaining("goes back to the desk");
      desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "SENT_BACK",
          "approvalNote", "消去ではなく利用停止で足りるか検討してください"));
      assertThat(desk.task(PersonalDataRequestProcess.Elements.DECIDE)).isNotNull();
      engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
      decide(Map.of("decision", "FULL", "actionTakenNote", "会員データの利用を停止します",
          "actionMeasure", "SUSPENSION"));
      engine.getIdentityService().setAuthentication("chief", List.of(DeskGroups.PRIVACY_MANAGERS));
      desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertClosed("DECIDED_FULL");
    assertThat(finalVariables()).containsEntry("approvedAction", "SUSPENSION").containsEntry("actionRequest", true)
        .containsEntry("actionInPart", false).doesNotContainKey("approvalNote");
    assertThat(events()).extracting(RequestEvent::eventType).containsSubsequence("DECISION_FULL",
        "ACTION_SENT_BACK", "DECISION_FULL", "ACTION_APPROVED");
    assertThat(events()).anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains("利用停止で足りるか"));
    assertThat(letterKinds()).endsWith(LetterKind.SUSPENSION_RESULT);
  }

  @Test
  void aMyNumberRequestIsForTheEntitledDeskOnly() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).specific());

    assertThat(engine.getTaskService().getIdentityLinksForTask(desk.task(PersonalDataRequestProcess.Elements.CHECK_REQUEST).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(DeskGroups.PRIVACY_DESK_SPECIFIC);
  }

  @Test
  void caseNotesGoToTheRegisterAndNeverIntoProcessVariablesOrHistory() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    String note = "顧客DBに旧住所あり、通話録音3件 " + request.reference();

    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE", "receiptNote", note));

    assertThat(events()).anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains(note));
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("receiptNote");
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("receiptNote").count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .noneMatch(detail -> String.valueOf(detail).contains(note));
    Long inDatabase = engine.getManagementService().getTableCount().isEmpty() ? 0L : countNoteInEngineTables(note);
    assertThat(inDatabase).isZero();
  }

  private long countNoteInEngineTables(String note) {
    var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDataSource());
    return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TEXT_ = ?").param(note).query(Long.class).single()
        + jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ = ?").param(note).query(Long.class).single()
        + jdbc.sql("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ = ?").param(note).query(Long.class).single();
  }

  // ------------------------------------------------------------------------------------------------ the desk's work

  private void start(TestRequests requests) {
    request = requests.register();
    // the requester confirmed their address with the link mailed with the receipt (ReplyAddressConfirmationTest)
    new ConfirmedAddresses(context).confirm(request.id());
    instance = starter.start(request);
    desk = new ProcessDriver(engine, request.reference()).runJobs();
  }

  private void checkRequest(boolean complete) {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, complete
        ? Map.of("requestFormComplete", true, "entrustedData", "NONE") : Map.of("requestFormComplete", false));
  }

  /** Staff find the request incomplete and tick what is missing, as the form's checklist submits it (JSON). */
  private void checkRequestMissing(String... codes) {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", false,
        "missingRequestDetails", org.camunda.spin.Spin.JSON(List.of(codes))));
  }

  /** What the process keeps as missing: a JSON list of codes, as integrators read it. */
  private List<String> missingRequestDetails() {
    Object value = engine.getRuntimeService().getVariable(instance.getId(),
        PersonalDataRequestProcess.Variables.MISSING_REQUEST_DETAILS.name());
    assertThat(value).isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
    return ((org.camunda.spin.json.SpinJsonNode) value).elements().stream()
        .map(org.camunda.spin.json.SpinJsonNode::stringValue).toList();
  }

  private void verifyPrincipal(String documentType) {
    if (!"NONE".equals(documentType) && !verifiedAddresses.isRecorded(request.id())) {
      TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    }
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", documentType, "identityMismatch", false));
  }

  private void payFee(long amount) {
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", amount, "feePaymentMethod",
        "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
  }

  private void investigate(boolean dataFound) {
    Map<String, Object> values = new HashMap<>(Map.of("dataFound", dataFound));
    if (dataFound) {
      values.put("dataLocations", org.camunda.spin.Spin.JSON("[\"CUSTOMER_DATABASE\",\"CALL_RECORDINGS\"]"));
    }
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, values);
  }

  private void decide(Map<String, Object> values) {
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, values);
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

  /** The request reached its end and the register is closed (a manager's review may still be open). */
  private void assertClosed(String outcome) {
    assertThat(instance).hasPassed(PersonalDataRequestProcess.Elements.CLOSE_REQUEST, PersonalDataRequestProcess.Elements.REQUEST_CLOSED);
    if (desk.openTasks().isEmpty()) {
      assertThat(instance).isEnded();
    }
    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo(outcome);
  }

  /** {@link RequestInstances} finds the request's instances and active tasks as the engine's queries do. */
  private void assertSameAsTheEnginesQueries() {
    String reference = request.reference();
    List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).list();
    assertThat(running).hasSizeGreaterThan(1);
    assertThat(requestInstances.processInstances(reference))
        .extracting(ProcessInstance::getId, ProcessInstance::getRootProcessInstanceId)
        .containsExactlyInAnyOrderElementsOf(running.stream()
            .map(i -> org.assertj.core.groups.Tuple.tuple(i.getId(), i.getRootProcessInstanceId())).toList());
    assertThat(requestInstances.activeTasks(reference)).extracting(Task::getId)
        .containsExactlyInAnyOrderElementsOf(engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(reference).active().list().stream().map(Task::getId).toList());
  }

  /** The Art 39 timer of the request's handling. */
  private org.camunda.bpm.engine.runtime.Job art39Timer() {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(PersonalDataRequestProcess.Elements.ART39_DATE_PASSED).singleResult();
  }

  private Map<String, Object> finalVariables() {
    Map<String, Object> values = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  /** The letters of the request, without the e-mail with the link that confirmed the address. */
  private List<LetterKind> letterKinds() {
    return outbox.lettersOf(request.id()).stream().map(OutboundLetter::kind)
        .filter(kind -> kind != LetterKind.EMAIL_CONFIRMATION).toList();
  }

  private List<RequestEvent> events() {
    return register.events(request.id());
  }
}
