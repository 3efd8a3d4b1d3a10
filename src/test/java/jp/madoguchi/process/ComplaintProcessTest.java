package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.process.ComplaintProcess.Elements;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  DeskRequest complaint;
  ProcessInstance instance;
  ProcessDriver desk;

  @BeforeEach
  void receiveComplaint() {
    init(engine);
    complaint = TestRequests.request(register).type(RequestType.COMPLAINT).register();
    instance = starter.start(complaint);
    desk = new ProcessDriver(engine, complaint.reference()).runJobs();
  }

  @Test
  void anUnresolvedComplaintIsAnsweredWithTheAccreditedOrganisation() {
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", false,
        "complaintNote", "担当者の説明に納得されず"));

    assertThat(instance).isEnded().hasPassed(Elements.SEND_ANSWER_NAMING_ORGANISATION)
        .hasNotPassed(Elements.SEND_ANSWER);
    assertThat(letters()).containsExactly(LetterKind.COMPLAINT_ACKNOWLEDGEMENT, LetterKind.COMPLAINT_ANSWER_UNRESOLVED);
    assertThat(register.find(complaint.id()).outcome()).isEqualTo("COMPLAINT_UNRESOLVED");
    assertThat(register.events(complaint.id()))
        .anyMatch(e -> e.eventType().equals("NOTE") && e.detail().contains("担当者の説明に納得されず"));
  }

  @Test
  void aResolvedComplaintIsAnsweredAndClosed() {
    desk.complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));

    assertThat(instance).isEnded().hasPassed(Elements.SEND_ANSWER, Elements.CLOSE_COMPLAINT);
    assertThat(letters()).containsExactly(LetterKind.COMPLAINT_ACKNOWLEDGEMENT, LetterKind.COMPLAINT_ANSWER);
    assertThat(register.find(complaint.id()).outcome()).isEqualTo("COMPLAINT_RESOLVED");
  }

  private List<LetterKind> letters() {
    return correspondence.lettersOf(complaint.id()).stream().map(OutboundLetter::kind).toList();
  }
}
