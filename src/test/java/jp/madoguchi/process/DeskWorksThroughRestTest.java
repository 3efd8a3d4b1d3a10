package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.reply.ReplyProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.requester.AwaitRequesterProcess;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The desk's users work a request through the REST API exactly as Tasklist does (claim, load the form, complete
 * with the form's variables), with the engine's authorization checks on: the rights of the groups suffice for
 * every step, including the steps that stop and restart the SLA clock.
 */
@DeskTest
class DeskWorksThroughRestTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;

  TestRestTemplate desk;
  TestRestTemplate manager;
  TestRestTemplate specialist;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant()));
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void deskAndManagerWorkARequestFromReceiptToTheDispatchedReply() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).withoutEmail().register();
    starter.start(request);
    ProcessDriver jobs = new ProcessDriver(engine, request.reference()).runJobs();
    desk = rest.withBasicAuth("desk", "desk-demo-2026");
    manager = rest.withBasicAuth("manager", "manager-demo-2026");

    work(desk, request, PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", value(true), "entrustedData", value("NONE")));
    jobs.runJobs();
    work(desk, request, IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", value("NONE")));
    jobs.runJobs();
    assertThat(register.find(request.id()).deadlines().clockPausedSince()).isNotNull();
    work(desk, request, AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY, Map.of("requesterRepliedOn", value("2026-12-01")));
    assertThat(register.find(request.id()).deadlines().clockPausedSince()).isNull();
    // identity is verified only once the address on the document is recorded (the request file page)
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    work(desk, request, IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", value("PASSPORT")));
    jobs.runJobs();
    work(desk, request, FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", value(1000),
        "feePaymentMethod", value("STAMPS"), "feeReceivedOn", value("2026-12-02")));
    work(desk, request, PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", value(true),
        "dataLocations", Map.of("value", "[\"CUSTOMER_DATABASE\"]", "type", "Json")));
    work(desk, request, PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", value("PARTIAL"),
        "refusalGrounds", Map.of("value", "[\"HARM_TO_PERSON_OR_THIRD_PARTY\"]", "type", "Json"),
        "refusalReasons", value("第三者の発言部分を除きます")));
    String approval = taskId(tasksOf(manager, request), PersonalDataRequestProcess.Elements.APPROVE_REFUSAL);
    assertThat(desk.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "desk"), String.class, approval)
        .getStatusCode()).as("the desk cannot take the manager's approval").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(desk.postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("managerApproval", value("APPROVED"))), String.class, approval).getStatusCode())
        .as("the desk cannot approve its own refusal").isEqualTo(HttpStatus.FORBIDDEN);
    work(manager, request, PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", value("APPROVED")));
    jobs.runJobs();
    work(desk, request, ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL, Map.of("trackingNumber", value("1234-5678-9012"),
        "dispatchedOn", value("2026-12-03")));

    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo("DECIDED_PARTIAL");
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("TASK_COMPLETED"))
        .extracting(e -> e.actor()).contains("desk", "manager");
  }

  @Test
  void aMyNumberRequestIsHiddenFromTheDeskAndVisibleToEntitledStaff() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).specific().register();
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();

    desk = rest.withBasicAuth("desk", "desk-demo-2026");
    specialist = rest.withBasicAuth("specialist", "specialist-demo-2026");
    assertThat(tasksOf(desk, request)).isEmpty();
    List<Map<String, Object>> entitled = tasksOf(specialist, request);
    assertThat(entitled).extracting(task -> task.get("taskDefinitionKey")).containsExactly(PersonalDataRequestProcess.Elements.CHECK_REQUEST);
    assertThat(entitled).extracting(task -> task.get("tenantId"))
        .containsExactly(jp.madoguchi.security.DeskGroups.SPECIFIC_INFORMATION_TENANT);

    // nor can the desk reach it by its id: not the task, its form, its process instance, or its history
    String taskId = taskId(entitled, PersonalDataRequestProcess.Elements.CHECK_REQUEST);
    String instanceId = (String) entitled.get(0).get("processInstanceId");
    assertThat(desk.getForEntity("/engine-rest/task/{id}", String.class, taskId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(desk.getForEntity("/engine-rest/process-instance/{id}", String.class, instanceId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(desk.getForEntity("/engine-rest/history/process-instance?processInstanceBusinessKey={key}",
        String.class, request.reference()).getBody()).isEqualTo("[]");
    ResponseEntity<String> completed = desk.postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("requestFormComplete", value(true), "entrustedData", value("NONE"))), String.class, taskId);
    assertThat(completed.getStatusCode().is2xxSuccessful()).as("desk completing a My Number task: %s", completed)
        .isFalse();
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // the entitled desk works it; its call activities are in the tenant too
    work(specialist, request, PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", value(true), "entrustedData", value("NONE")));
    new ProcessDriver(engine, request.reference()).runJobs();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("identity-verification")
        .superProcessInstanceId(instanceId).singleResult().getTenantId())
        .isEqualTo(jp.madoguchi.security.DeskGroups.SPECIFIC_INFORMATION_TENANT);
    assertThat(tasksOf(desk, request)).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.reference()).list())
        .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).containsExactly(IdentityVerificationProcess.Elements.VERIFY_IDENTITY);
  }

  private static String taskId(List<Map<String, Object>> tasks, String taskKey) {
    return tasks.stream().filter(t -> taskKey.equals(t.get("taskDefinitionKey"))).map(t -> (String) t.get("id"))
        .findFirst().orElseThrow(() -> new AssertionError(taskKey + " not among " + tasks));
  }

  private void work(TestRestTemplate user, DeskRequest request, String taskKey, Map<String, Object> variables) {
    List<Map<String, Object>> tasks = tasksOf(user, request);
    Map<String, Object> task = tasks.stream().filter(t -> taskKey.equals(t.get("taskDefinitionKey"))).findFirst()
        .orElseThrow(() -> new AssertionError(taskKey + " not in the user's task list: " + tasks));
    String id = (String) task.get("id");

    assertThat(user.getForEntity("/engine-rest/task/{id}/deployed-form", String.class, id).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> claimed = user.postForEntity("/engine-rest/task/{id}/claim",
        Map.of("userId", login(user)), String.class, id);
    assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim %s: %s", taskKey, claimed).isTrue();
    ResponseEntity<String> completed = user.postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables), String.class, id);
    assertThat(completed.getStatusCode().is2xxSuccessful()).as("complete %s: %s", taskKey, completed).isTrue();
  }

  /** The user id a test template logs in with (the templates below are made with withBasicAuth). */
  private String login(TestRestTemplate user) {
    return user == manager ? "manager" : user == specialist ? "specialist" : "desk";
  }

  private List<Map<String, Object>> tasksOf(TestRestTemplate user, DeskRequest request) {
    ResponseEntity<List<Map<String, Object>>> tasks = user.exchange(
        "/engine-rest/task?processInstanceBusinessKey={key}", HttpMethod.GET, HttpEntity.EMPTY,
        new ParameterizedTypeReference<>() {}, request.reference());
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    return tasks.getBody();
  }

  private static Map<String, Object> value(Object value) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    return typed;
  }
}
