package jp.madoguchi.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A process designer changes the desk at run time, with their own login through the REST API (as Camunda Modeler
 * deploys), and no Java: new requests take the change, running ones carry on with their version.
 */
@DeskTest
class DesignerChangesTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  private final List<String> designerDeployments = new ArrayList<>();

  @BeforeEach
  void clock() {
    init(engine);
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-12-01T01:00:00Z")));
  }

  @AfterEach
  void undoTheDesignersDeployments() {
    ClockUtil.reset();
    designerDeployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void theDisclosureTargetMovesFromTenToFiveBusinessDaysInTheDecisionTable() throws IOException {
    DeskRequest before = startDisclosure();

    deploy("response-deadline-5-days", Map.of("processes/response-deadline.dmn",
        shipped("processes/response-deadline.dmn").replace(
            "Rule_response_deadline_2_Out0\"><text>10</text>", "Rule_response_deadline_2_Out0\"><text>5</text>")));
    DeskRequest after = startDisclosure();

    assertThat(register.find(before.id()).deadlines().targetDueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(register.find(after.id()).deadlines().targetDueOn()).isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void theFeeChangesTo500YenInTheDecisionTable() throws IOException {
    deploy("fee-500-yen", Map.of("processes/request-fee.dmn", shipped("processes/request-fee.dmn")
        .replace("Rule_request_fee_2_Out0\"><text>1000</text>", "Rule_request_fee_2_Out0\"><text>500</text>")));
    DeskRequest request = startDisclosure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();

    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, register.findByReference(desk.businessKey()).orElseThrow());
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "PASSPORT"));
    assertThat(engine.getRuntimeService().getVariable(desk.task(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT).getExecutionId(),
        "feeAmount")).isEqualTo(500);
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 500L, "feePaymentMethod", "STAMPS",
        "feeReceivedOn", "2026-12-02"));

    assertThat(desk.task(PersonalDataRequestProcess.Elements.INVESTIGATE)).isNotNull();
    assertThat(register.events(request.id())).anyMatch(e -> e.eventType().equals("FEE_PAID")
        && e.detail().startsWith("500 yen of 500"));
  }

  @Test
  void whetherTheAcknowledgementAsksForAFeeFollowsTheDecisionTable() throws IOException {
    assertThat(acknowledgementOf(start(RequestType.CORRECTION))).doesNotContain("手数料");
    assertThat(acknowledgementOf(start(RequestType.DISCLOSURE))).contains("当社所定の手数料として1,000円(税込)");

    deploy("fee-for-corrections-none-for-disclosures", Map.of("processes/request-fee.dmn",
        shipped("processes/request-fee.dmn")
            .replace("Rule_request_fee_2_Out0\"><text>1000</text>", "Rule_request_fee_2_Out0\"><text>0</text>")
            .replace("Rule_request_fee_4_Out0\"><text>0</text>", "Rule_request_fee_4_Out0\"><text>500</text>")));

    assertThat(acknowledgementOf(start(RequestType.CORRECTION))).contains("当社所定の手数料として500円(税込)");
    assertThat(acknowledgementOf(start(RequestType.DISCLOSURE))).doesNotContain("手数料");
  }

  @Test
  void anExtraReviewStepBeforeTheReplyAppliesToNewRequestsWhileRunningOnesCarryOnOrAreMigrated()
      throws IOException {
    DeskRequest running = startDisclosure();
    ProcessInstance runningInstance = instanceOf(running);

    BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
        shipped("processes/personal-data-request.bpmn").getBytes(StandardCharsets.UTF_8)));
    SubProcess handling = model.getModelElementById(PersonalDataRequestProcess.Elements.HANDLE_REQUEST);
    SequenceFlow toReply = model.getModelElementById("Flow_ToSendReply");
    UserTask review = model.newInstance(UserTask.class);
    review.setId("Task_ReviewReply");
    review.setName("回答書を確認 / Review the reply");
    review.setCamundaFormRef("review-escalation");
    review.setCamundaFormRefBinding("deployment");
    review.setCamundaCandidateGroups("privacy-managers");
    handling.addChildElement(review);
    SequenceFlow fromReview = model.newInstance(SequenceFlow.class);
    fromReview.setId("Flow_ReviewReplyDone");
    handling.addChildElement(fromReview);
    fromReview.setSource(review);
    fromReview.setTarget((CallActivity) model.getModelElementById(PersonalDataRequestProcess.Elements.SEND_REPLY_CALL));
    toReply.setTarget(review);
    Map<String, String> files = new LinkedHashMap<>(forms());
    files.put("processes/personal-data-request.bpmn", Bpmn.convertToString(model));
    deploy("review-before-reply", files);

    DeskRequest fresh = startDisclosure();
    ProcessDriver desk = new ProcessDriver(engine, fresh.reference()).runJobs();
    throughToTheDecision(desk);
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
    assertThat(desk.task("Task_ReviewReply")).isNotNull();
    desk.complete("Task_ReviewReply", Map.of("escalationNote", "確認済み"));
    assertThat(register.find(fresh.id()).outcome()).isEqualTo("DECIDED_FULL");

    ProcessInstance stillOld = instanceOf(running);
    assertThat(stillOld.getProcessDefinitionId()).isEqualTo(runningInstance.getProcessDefinitionId());

    // the designer migrates the running request to the new version through the REST API (Cockpit's migration
    // is an Enterprise feature)
    String newVersion = instanceOf(fresh) == null
        ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("personal-data-request")
            .latestVersion().singleResult().getId()
        : instanceOf(fresh).getProcessDefinitionId();
    TestRestTemplate designer = rest.withBasicAuth("designer", "designer-demo-2026");
    ResponseEntity<Map<String, Object>> plan = designer.exchange("/engine-rest/migration/generate", HttpMethod.POST,
        new HttpEntity<>(Map.of("sourceProcessDefinitionId", runningInstance.getProcessDefinitionId(),
            "targetProcessDefinitionId", newVersion, "updateEventTriggers", true)),
        new ParameterizedTypeReference<>() {});
    assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> migrated = designer.postForEntity("/engine-rest/migration/execute",
        Map.of("migrationPlan", plan.getBody(), "processInstanceIds", List.of(runningInstance.getId())),
        String.class);
    assertThat(migrated.getStatusCode().is2xxSuccessful()).as("%s", migrated).isTrue();
    assertThat(instanceOf(running).getProcessDefinitionId()).isEqualTo(newVersion);
  }

  @Test
  void aFormGainsAFieldThatEndsUpInTheRegister() throws IOException {
    String form = shipped("forms/investigate-retained-data.form");
    String extended = form.replaceFirst("\"components\"\\s*:\\s*\\[",
        "\"components\": [ { \"id\": \"Field_SourceSystems\", \"key\": \"sourceSystemsNote\", \"type\": \"textarea\","
            + " \"label\": \"確認したシステム / Systems searched\" },");
    Map<String, String> files = new LinkedHashMap<>(forms());
    files.put("forms/investigate-retained-data.form", extended);
    files.put("processes/personal-data-request.bpmn", shipped("processes/personal-data-request.bpmn"));
    deploy("systems-searched-field", files);

    DeskRequest request = startDisclosure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, register.findByReference(desk.businessKey()).orElseThrow());
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "PASSPORT"));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L, "feePaymentMethod", "STAMPS",
        "feeReceivedOn", "2026-12-02"));
    String taskId = desk.task(PersonalDataRequestProcess.Elements.INVESTIGATE).getId();
    assertThat(rest.withBasicAuth("desk", "desk-demo-2026")
        .getForObject("/engine-rest/task/{id}/deployed-form", String.class, taskId)).contains("sourceSystemsNote");

    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true,
        "sourceSystemsNote", "CRM、通話録音、請求システム"));

    assertThat(register.events(request.id())).anyMatch(e -> e.eventType().equals("NOTE")
        && e.detail().contains("sourceSystemsNote: CRM、通話録音、請求システム"));
  }

  // ------------------------------------------------------------------------------------------------------------

  private void throughToTheDecision(ProcessDriver desk) {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, register.findByReference(desk.businessKey()).orElseThrow());
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "PASSPORT"));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L, "feePaymentMethod", "STAMPS",
        "feeReceivedOn", "2026-12-02"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true));
  }

  private DeskRequest startDisclosure() {
    return start(RequestType.DISCLOSURE);
  }

  private DeskRequest start(RequestType type) {
    DeskRequest request = TestRequests.request(register).type(type).register();
    // the requester confirmed their address with the link mailed with the receipt: the reply goes without waiting
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    return request;
  }

  /** The text of the acknowledgement the process sent when the request arrived. */
  private String acknowledgementOf(DeskRequest request) {
    long letterId = outbox.lettersOf(request.id()).stream().filter(l -> l.kind() == LetterKind.ACKNOWLEDGEMENT)
        .findFirst().orElseThrow().id();
    return jdbc.sql("SELECT body_text FROM letter_document WHERE letter_id = ?").param(letterId).query(String.class)
        .single();
  }

  private ProcessInstance instanceOf(DeskRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("personal-data-request")
        .processInstanceBusinessKey(request.reference()).singleResult();
  }

  /** Deploys files as the designer does from Camunda Modeler: REST, multipart, the designer's own login. */
  private void deploy(String name, Map<String, String> files) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    files.forEach((fileName, content) -> parts.add(fileName, new ByteArrayResource(
        content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map<String, Object>> deployed = rest.withBasicAuth("designer", "designer-demo-2026").exchange(
        "/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        new ParameterizedTypeReference<>() {});
    assertThat(deployed.getStatusCode()).as("%s", deployed).isEqualTo(HttpStatus.OK);
    designerDeployments.add((String) deployed.getBody().get("id"));
  }

  private static String shipped(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  private static Map<String, String> forms() throws IOException {
    Map<String, String> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        forms.put("forms/" + form.getFileName(), Files.readString(form, StandardCharsets.UTF_8));
      }
    }
    return forms;
  }
}
