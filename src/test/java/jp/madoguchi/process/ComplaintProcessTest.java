package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.complaint.ComplaintProcess.Elements;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A complaint or consultation: acknowledged, handled, answered; unresolved, the answer names the accredited body. */
@DeskTest
class ComplaintProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired CorrespondenceService correspondence;
  @Autowired Outbox outbox;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  DeskRequest complaint;
  ProcessInstance instance;
  ProcessDriver desk;

  @BeforeEach
  void receiveComplaint() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(tokyo("2026-12-01T10:00")));
    complaint = TestRequests.request(register).type(RequestType.COMPLAINT).arrivedOn(LocalDate.of(2026, 12, 1))
        .register();
    instance = starter.start(complaint);
    desk = new ProcessDriver(engine, complaint.reference()).runJobs();
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aComplaintHasATargetDeadlineFromTheTableAndNoArt39Date() {
    DeskRequest started = register.find(complaint.id());

    assertThat(started.deadlines().targetBusinessDays()).isEqualTo(10);
    assertThat(started.deadlines().targetDueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(started.deadlines().art39Date()).as("Art 39 is about requests, not complaints").isNull();
    assertThat(desk.task(Elements.HANDLE_COMPLAINT).getDueDate())
        .isEqualTo(Date.from(tokyo("2026-12-15T17:00")));
    assertThat(register.events(complaint.id())).filteredOn(e -> e.eventType().equals("SLA_CLOCK_STARTED"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("2026-12-15").doesNotContain("Art 39"));
  }

  @Test
  void anUnansweredComplaintRemindsTheDeskThenGoesToTheManagers() {
    engine.getTaskService().claim(desk.task(Elements.HANDLE_COMPLAINT).getId(), "desk");

    desk.clockAt(tokyo("2026-12-11T09:00"));
    assertThat(instance).hasPassed(Elements.REMIND_DESK, Elements.DESK_REMINDED);
    assertThat(outbox.lettersOf(complaint.id())).anySatisfy(letter -> {
      assertThat(letter.kind()).isEqualTo(LetterKind.STAFF_REMINDER);
      assertThat(letter.recipientName()).isEqualTo("desk");
    });
    assertThat(desk.openTasks(Elements.REVIEW_OVERDUE)).isEmpty();

    desk.clockAt(tokyo("2026-12-15T17:00"));
    assertThat(register.find(complaint.id()).deadlines().overdue()).isTrue();
    Task review = desk.task(Elements.REVIEW_OVERDUE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("privacy-managers");
    assertThat(review.getName()).contains(complaint.reference());

    desk.complete(Elements.REVIEW_OVERDUE, Map.of("escalationNote", "担当者と確認、明日回答"));
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));

    assertThat(instance).isEnded().hasPassed(Elements.FLAG_OVERDUE, Elements.OVERDUE_REVIEWED,
        Elements.SEND_ANSWER);
    assertThat(register.events(complaint.id())).anyMatch(e -> e.eventType().equals("TARGET_DEADLINE_PASSED"))
        .anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains("担当者と確認、明日回答"));
  }

  @Test
  void aComplaintAnsweredInTimeLeavesNoTimersBehind() {
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));

    assertThat(instance).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  private static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Tokyo")).toInstant();
  }

  @Test
  void anUnresolvedComplaintIsAnsweredWithTheAccreditedOrganisation() {
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", false,
        "complaintNote", "担当者の説明に納得されず"));

    assertThat(instance).isEnded().hasPassed(Elements.SEND_ANSWER_NAMING_ORGANISATION)
        .hasNotPassed(Elements.SEND_ANSWER);
    assertThat(letters()).containsExactly(LetterKind.COMPLAINT_ACKNOWLEDGEMENT, LetterKind.EMAIL_CONFIRMATION,
        LetterKind.COMPLAINT_ANSWER_UNRESOLVED);
    assertThat(register.find(complaint.id()).outcome()).isEqualTo("COMPLAINT_UNRESOLVED");
    assertThat(register.events(complaint.id()))
        .anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains("担当者の説明に納得されず"));
  }

  @Test
  void theAnswerToAComplaintSaysWhatWasDoneAndWhatWillChange() {
    String outcome = "通話の録音を確認し、担当者の説明が不十分であったことをお詫びしました。来月から全担当者に研修を行います。";
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true, "complaintOutcomeNote", outcome));

    long answer = outbox.lettersOf(complaint.id()).stream().filter(l -> l.kind() == LetterKind.COMPLAINT_ANSWER)
        .findFirst().orElseThrow().id();
    assertThat(jdbc.sql("SELECT body_text FROM letter_document WHERE letter_id = ?").param(answer)
        .query(String.class).single()).contains("対応の結果", outcome);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("complaintOutcomeNote").count()).as("a case note, kept out of the engine's history").isZero();
  }

  @Test
  void aResolvedComplaintIsAnsweredAndClosed() {
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));

    assertThat(instance).isEnded().hasPassed(Elements.SEND_ANSWER, Elements.CLOSE_COMPLAINT);
    assertThat(letters()).containsExactly(LetterKind.COMPLAINT_ACKNOWLEDGEMENT, LetterKind.EMAIL_CONFIRMATION,
        LetterKind.COMPLAINT_ANSWER);
    assertThat(register.find(complaint.id()).outcome()).isEqualTo("COMPLAINT_RESOLVED");
  }

  private List<LetterKind> letters() {
    return outbox.lettersOf(complaint.id()).stream().map(OutboundLetter::kind).toList();
  }
}
