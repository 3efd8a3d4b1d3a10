package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.complaint.ComplaintProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.intake.IntakeFixtures.Stored;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.requester.AwaitRequesterProcess;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** The intake API's happy paths: submission, status, documents, idempotency, complaints. */
@DeskTest
class IntakeApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired IntakePressure pressure;

  @Test
  void aSubmissionRegistersTheRequestAndStartsItsProcessWithTheReferenceOnly() throws Exception {
    ResponseEntity<String> response = submit(IntakeFixtures.disclosure(), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(response.getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    assertThat(reference).matches("MDG-\\d{4}-\\d{6}");
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(answer.get("statusUrl").asText()).endsWith("/api/requests/" + reference + "/status");
    assertThat(response.getHeaders().getLocation()).hasToString(answer.get("statusUrl").asText());

    DeskRequest request = register.findByReference(reference).orElseThrow();
    assertThat(request.principal().name()).isEqualTo(IntakeFixtures.PRINCIPAL_NAME);
    assertThat(request.principal().postalCode()).isEqualTo("100-0001");
    assertThat(request.details()).contains("\n");
    assertThat(request.disclosureMethod()).hasToString("ELECTRONIC");
    assertThat(register.events(request.id())).first()
        .satisfies(event -> assertThat(event.actor()).isEqualTo(RequestSubmission.REQUESTER));
    String storedHash = jdbc.sql("SELECT status_token_hash FROM desk_request WHERE id = ?").param(request.id())
        .query(String.class).single();
    assertThat(storedHash).hasSize(64).isNotEqualTo(token);

    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith(PersonalDataRequestProcess.KEY + ":");
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).containsEntry("requestId", request.id()).containsEntry("reference", reference);
    assertThat(variables.values()).extracting(String::valueOf)
        .noneMatch(value -> value.contains(IntakeFixtures.PRINCIPAL_NAME) || value.contains("hanako")
            || value.contains("千代田") || value.contains("通話記録"));

    new ProcessDriver(engine, reference).runJobs().task(PersonalDataRequestProcess.Elements.CHECK_REQUEST);
  }

  @Test
  void everySubmissionCountsTowardsTheIntakePressure() throws Exception {
    long before = pressure.arrivalsSoFar();
    submit(IntakeFixtures.disclosure(), null);
    submit(Map.of("requestType", "nonsense"), null);

    assertThat(pressure.arrivalsSoFar()).as("a refused submission cost the node its validation too")
        .isEqualTo(before + 2);
  }

  /** A response-deadline table a designer might deploy by mistake: it has no rule for a disclosure. */
  private static final String TABLE_WITHOUT_DISCLOSURE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_response_deadline" name="Response target" namespace="https://madoguchi.jp/dmn">
        <decision id="response-deadline" name="Response target" camunda:historyTimeToLive="P3650D">
          <decisionTable id="DecisionTable_response_deadline" hitPolicy="UNIQUE">
            <input id="Input_RequestType">
              <inputExpression id="Input_RequestType_Expression" typeRef="string"><text>requestType</text></inputExpression>
            </input>
            <output id="Output_TargetBusinessDays" name="targetBusinessDays" typeRef="integer" />
            <rule id="Rule_complaint">
              <inputEntry id="Rule_complaint_In0"><text>"COMPLAINT"</text></inputEntry>
              <outputEntry id="Rule_complaint_Out0"><text>10</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Test
  void aFaultAfterTheIntakeIsAnIncidentOnATakenRequestNotARefusal() throws Exception {
    Deployment broken = engine.getRepositoryService().createDeployment().name("broken response-deadline")
        .addString("response-deadline.dmn", TABLE_WITHOUT_DISCLOSURE).deploy();
    try {
      ResponseEntity<String> answer = submit(IntakeFixtures.disclosure(), null);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      String reference = json.readTree(answer.getBody()).get("reference").asText();
      DeskRequest request = register.findByReference(reference).orElseThrow();
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(PersonalDataRequestProcess.KEY).processInstanceBusinessKey(reference).singleResult();
      ManagementService management = engine.getManagementService();
      Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(job.getRetries()).as("the model's retry cycle, R5").isEqualTo(5);

      // five attempts, five minutes apart (run here at once); the last one fails into an incident
      for (int attempt = 1; attempt <= 5; attempt++) {
        Job due = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> management.executeJob(due.getId())).as("attempt %d", attempt)
            .isInstanceOf(RuntimeException.class);
      }
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo(PersonalDataRequestProcess.Elements.DETERMINE_RESPONSE_DEADLINE);
      assertThat(register.find(request.id()).deadlines().targetDueOn()).isNull();
      assertThat(jdbc.sql("select count(*) from outbound_letter where request_id = ?").param(request.id())
          .query(Long.class).single()).as("no receipt composed").isZero();
    } finally {
      engine.getRepositoryService().deleteDeployment(broken.getId(), true);
    }
  }

  @Test
  void theStatusShowsTheStageWhatTheDeskWaitsForAndTheTargetDateButNoPersonalData() throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());
    String reference = answer.get("reference").asText();
    // the target is set by the first job after the intake's save point, with the receipt (ADR 42)
    JsonNode taken = json.readTree(status(reference, answer.get("statusToken").asText()).getBody());
    assertThat(taken.get("stage").asText()).isEqualTo("RECEIVED");
    assertThat(taken.get("targetDueOn").isNull()).as("no target before the receipt's job").isTrue();
    new ProcessDriver(engine, reference).runJobs();

    ResponseEntity<String> status = status(reference, answer.get("statusToken").asText());

    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(status.getBody());
    assertThat(body.get("reference").asText()).isEqualTo(reference);
    assertThat(body.get("stage").asText()).isEqualTo("RECEIVED");
    assertThat(body.at("/stageLabel/ja").asText()).isEqualTo("受付済み");
    assertThat(body.at("/stageLabel/en").asText()).isEqualTo("Received");
    assertThat(body.get("waitingFor").asText()).isEqualTo("NOTHING");
    assertThat(body.get("targetDueOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(status.getBody()).doesNotContain(IntakeFixtures.PRINCIPAL_NAME, IntakeFixtures.PRINCIPAL_EMAIL,
        "千代田", "通話記録", "1985");
  }

  @Test
  void whileTheReplyWaitsForTheEmailAddressToBeConfirmedTheStatusSaysSo(
      @Autowired jp.madoguchi.deadline.SlaClock clock) throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    new ProcessDriver(engine, reference).runJobs();
    long id = register.findByReference(reference).orElseThrow().id();
    assertThat(register.find(id).deadlines().targetDueOn()).isNotNull();
    // the reply is written and its clock stops while it waits for the address (ReplyEmailConfirmationTest drives it)
    register.changeStatus(id, RequestStatus.REPLYING, "desk");
    assertThat(json.readTree(status(reference, token).getBody()).get("waitingFor").asText()).isEqualTo("NOTHING");
    clock.pause(id, reference, "desk");

    JsonNode status = json.readTree(status(reference, token).getBody());
    assertThat(status.get("waitingFor").asText()).isEqualTo("EMAIL_CONFIRMATION");
    assertThat(status.at("/waitingForLabel/ja").asText()).startsWith("メールアドレスのご確認");
    assertThat(status.at("/waitingForLabel/en").asText()).startsWith("Confirmation of your e-mail address");

    clock.resume(id, reference, "desk");
    assertThat(json.readTree(status(reference, token).getBody()).get("waitingFor").asText()).isEqualTo("NOTHING");
  }

  @Test
  void theStatusSaysWhenTheDeskWaitsForDocumentsAndAnUploadIsNotedOnTheWaitingTaskWithoutCompletingIt()
      throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    ProcessDriver desk = new ProcessDriver(engine, reference).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "NONE", "identityMismatch", false));
    assertThat(register.findByReference(reference).orElseThrow().status()).isEqualTo(RequestStatus.AWAITING_DOCUMENTS);

    JsonNode status = json.readTree(status(reference, token).getBody());
    assertThat(status.get("waitingFor").asText()).isEqualTo("DOCUMENTS");
    assertThat(status.at("/waitingForLabel/ja").asText()).startsWith("書類");

    ResponseEntity<String> uploaded = upload(reference, token, IntakeFixtures.pdf(), "免許証.pdf", "IDENTITY_DOCUMENT",
        true);

    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode document = json.readTree(uploaded.getBody());
    assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(document.get("kind").asText()).isEqualTo("IDENTITY_DOCUMENT");
    long requestId = register.findByReference(reference).orElseThrow().id();
    assertThat(documents.documentsOf(requestId)).singleElement()
        .satisfies(d -> assertThat(d.originalFileName()).isEqualTo("免許証.pdf"));
    assertThat(documents.content(document.get("id").asLong())).contains(IntakeFixtures.pdf());
    assertThat(register.events(requestId)).extracting(RequestEvent::eventType)
        .contains("DOCUMENT_RECEIVED", "AWAITED_DOCUMENT_RECEIVED");
    // staff check the document and complete the task themselves
    String taskId = desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY).getId();
    assertThat(engine.getTaskService().getTaskComments(taskId)).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).contains("IDENTITY_DOCUMENT")
            .doesNotContain("免許証"));

    // a suspended wait is not noted on (the task is not active), nor is a document counted twice
    String waitingInstance = desk.task(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY).getProcessInstanceId();
    engine.getRuntimeService().suspendProcessInstanceById(waitingInstance);
    assertThat(upload(reference, token, IntakeFixtures.png(), "住民票.png", "OTHER", true).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(engine.getTaskService().getTaskComments(taskId)).hasSize(1);
    assertThat(register.events(requestId)).filteredOn(e -> e.eventType().equals("AWAITED_DOCUMENT_RECEIVED"))
        .hasSize(1);
    engine.getRuntimeService().activateProcessInstanceById(waitingInstance);
  }

  @Test
  void anUploadRetriedAfterALostAnswerKeepsOneCopyAndAnswersWithTheDocumentAlreadyHeld() throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    long requestId = register.findByReference(reference).orElseThrow().id();

    ResponseEntity<String> first = upload(reference, token, IntakeFixtures.pdf(), "免許証.pdf", "IDENTITY_DOCUMENT",
        true);
    ResponseEntity<String> retried = upload(reference, token, IntakeFixtures.pdf(), "免許証.pdf",
        "IDENTITY_DOCUMENT", true);
    ResponseEntity<String> another = upload(reference, token, IntakeFixtures.png(), "住民票.png", "OTHER", true);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(first.getBody()).get("alreadyHeld").asBoolean()).isFalse();
    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode held = json.readTree(retried.getBody());
    assertThat(held.get("alreadyHeld").asBoolean()).isTrue();
    assertThat(held.get("id").asLong()).isEqualTo(json.readTree(first.getBody()).get("id").asLong());
    assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(documents.documentsOf(requestId)).extracting(RequestDocument::kind)
        .containsExactly(DocumentKind.IDENTITY_DOCUMENT, DocumentKind.OTHER);
    assertThat(register.events(requestId)).filteredOn(e -> e.eventType().equals("DOCUMENT_RECEIVED_AGAIN"))
        .singleElement().satisfies(e -> assertThat(e.detail()).contains(held.get("id").asText()));
    // the desk was not waiting for the requester: nothing to note on a task
    assertThat(register.events(requestId)).extracting(RequestEvent::eventType)
        .doesNotContain("AWAITED_DOCUMENT_RECEIVED");
  }

  @Test
  void theRequesterWithdrawsARequestThroughTheApiWithItsStatusToken() throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    ProcessDriver desk = new ProcessDriver(engine, reference).runJobs();

    ResponseEntity<String> wrongToken = withdraw(reference, "not-the-token");
    ResponseEntity<String> withdrawn = withdraw(reference, token);
    desk.runJobs();
    ResponseEntity<String> again = withdraw(reference, token);

    assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(register.findByReference(reference).orElseThrow().outcome()).isEqualTo("WITHDRAWN");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("request-not-withdrawable");
  }

  private ResponseEntity<String> withdraw(String reference, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Status-Token", token);
    headers.set("Accept-Language", "en");
    return rest.exchange("/api/requests/{reference}/withdrawal", HttpMethod.POST, new HttpEntity<>(headers),
        String.class, reference);
  }

  @Test
  void theTokenMayAlsoComeAsAFormFieldForPlainHtmlForms() throws Exception {
    JsonNode answer = json.readTree(submit(IntakeFixtures.disclosure(), null).getBody());

    ResponseEntity<String> uploaded = upload(answer.get("reference").asText(), answer.get("statusToken").asText(),
        IntakeFixtures.png(), "seal.png", "SEAL_CERTIFICATE", false);

    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(uploaded.getBody()).get("contentType").asText()).isEqualTo("image/png");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndADifferentBodyIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    Stored before = Stored.now(jdbc, historyService);

    ResponseEntity<String> first = submit(IntakeFixtures.disclosure(), key);
    ResponseEntity<String> retry = submit(IntakeFixtures.disclosure(), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    Stored afterRetry = Stored.now(jdbc, historyService);
    assertThat(afterRetry.requests()).isEqualTo(before.requests() + 1);
    assertThat(afterRetry.processInstances()).isEqualTo(before.processInstances() + 1);
    String storedKeyHash = jdbc.sql("SELECT key_hash FROM idempotency_key WHERE request_id = (SELECT id FROM"
        + " desk_request WHERE reference = ?)").param(json.readTree(first.getBody()).get("reference").asText())
        .query(String.class).single();
    assertThat(storedKeyHash).isNotEqualTo(key).hasSize(64);

    Map<String, Object> other = IntakeFixtures.disclosure();
    other.put("details", "別の内容");
    ResponseEntity<String> reused = submit(other, key);

    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(json.readTree(reused.getBody()).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(afterRetry);
  }

  @Test
  void aKeyOlderThanItsRetentionGivesWayToANewSubmission() throws Exception {
    String key = UUID.randomUUID().toString();
    ResponseEntity<String> first = submit(IntakeFixtures.disclosure(), key);
    String firstReference = json.readTree(first.getBody()).get("reference").asText();
    // the entry of the first submission has outlived the retention (24 hours)
    jdbc.sql("UPDATE idempotency_key SET created_at = created_at - INTERVAL '25' HOUR WHERE request_id ="
        + " (SELECT id FROM desk_request WHERE reference = ?)").param(firstReference).update();
    Stored before = Stored.now(jdbc, historyService);

    Map<String, Object> other = IntakeFixtures.disclosure();
    other.put("details", "別の内容");
    ResponseEntity<String> later = submit(other, key);

    assertThat(later.getStatusCode()).as(later.getBody()).isEqualTo(HttpStatus.CREATED);
    String laterReference = json.readTree(later.getBody()).get("reference").asText();
    assertThat(laterReference).isNotEqualTo(firstReference);
    assertThat(Stored.now(jdbc, historyService).requests()).isEqualTo(before.requests() + 1);
    // the expired entry gave way: the key now answers with the later request, and only with it
    assertThat(jdbc.sql("SELECT r.reference FROM idempotency_key k JOIN desk_request r ON r.id = k.request_id"
        + " WHERE r.reference IN (?, ?)").params(firstReference, laterReference).query(String.class).list())
        .containsExactly(laterReference);
    assertThat(submit(other, key).getBody()).isEqualTo(later.getBody());
  }

  @Test
  void aComplaintStartsTheComplaintProcess() throws Exception {
    Map<String, Object> complaint = IntakeFixtures.disclosure();
    complaint.put("type", "COMPLAINT");
    complaint.remove("disclosureMethod");
    complaint.put("details", "電話で不適切な対応を受けました");

    ResponseEntity<String> response = submit(complaint, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    String reference = json.readTree(response.getBody()).get("reference").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
        .getProcessDefinitionId()).startsWith(ComplaintProcess.KEY + ":");
  }

  @Test
  void deskStaffMayRegisterAPostalRequestThatArrivedEarlierThroughTheApi() throws Exception {
    Map<String, Object> postal = IntakeFixtures.disclosure();
    postal.put("channel", "POST");
    postal.put("arrivedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(3).toString());

    ResponseEntity<String> anonymous = submit(postal, null);
    ResponseEntity<String> staff = rest.withBasicAuth("desk", "desk-demo-2026")
        .exchange("/api/requests", HttpMethod.POST, jsonEntity(postal, null), String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(anonymous.getBody()).contains("\"field\":\"channel\"", "\"field\":\"arrivedOn\"");
    assertThat(staff.getStatusCode()).as(staff.getBody()).isEqualTo(HttpStatus.CREATED);
    DeskRequest request = register.findByReference(json.readTree(staff.getBody()).get("reference").asText())
        .orElseThrow();
    assertThat(request.channel()).hasToString("POST");
    assertThat(register.events(request.id()).get(0).actor()).isEqualTo("desk");
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    ResponseEntity<String> docs = rest.getForEntity("/v3/api-docs", String.class);

    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("/api/requests", "/api/requests/{reference}/documents",
        "/api/requests/{reference}/status", "X-Status-Token", "Idempotency-Key").doesNotContain("/desk/");
  }

  ResponseEntity<String> submit(Map<String, Object> body, String idempotencyKey) throws Exception {
    return rest.exchange("/api/requests", HttpMethod.POST, jsonEntity(body, idempotencyKey), String.class);
  }

  HttpEntity<String> jsonEntity(Map<String, Object> body, String idempotencyKey) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return new HttpEntity<>(json.writeValueAsString(body), headers);
  }

  ResponseEntity<String> status(String reference, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Status-Token", token);
    return rest.exchange("/api/requests/{reference}/status", HttpMethod.GET, new HttpEntity<>(headers),
        String.class, reference);
  }

  ResponseEntity<String> upload(String reference, String token, byte[] content, String fileName, String kind,
      boolean tokenInHeader) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    parts.add("kind", kind);
    if (tokenInHeader) {
      headers.set("X-Status-Token", token);
    } else {
      parts.add("statusToken", token);
    }
    return rest.exchange("/api/requests/{reference}/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class, reference);
  }
}
