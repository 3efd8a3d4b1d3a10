package jp.madoguchi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real PostgreSQL server (the {@code postgres} profile): it deploys the models, and a desk
 * user works a task through the REST API with its form, as Tasklist does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresApplicationTest {

  private static final String DESK_USER = "pg-desk";
  private static final String DESK_PASSWORD = "pg-desk-password-2026";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;

  @BeforeEach
  void deskUserExists() {
    if (identityService.createUserQuery().userId(DESK_USER).count() == 0) {
      User user = identityService.newUser(DESK_USER);
      user.setPassword(DESK_PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(DESK_USER, DeskGroups.PRIVACY_DESK);
    }
  }

  @Test
  void runsOnPostgresqlWithoutDemoUsers() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(identityService.createUserQuery().userId("desk").count()).isZero();
    assertThat(identityService.createUserQuery().userId("pg-test-admin").memberOfGroup("camunda-admin").count())
        .isOne();
  }

  @Test
  void aDeskUserWorksATaskWithItsFormThroughTheRestApi() {
    DeskRequest request = TestRequests.request(register).type(RequestType.COMPLAINT).register();
    ProcessInstance instance = starter.start(request);
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    TestRestTemplate desk = rest.withBasicAuth(DESK_USER, DESK_PASSWORD);

    ResponseEntity<List<Map<String, Object>>> tasks =
        desk.exchange(
            "/engine-rest/engine/pgtest/task?processInstanceId={id}",
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<>() {},
            instance.getId());
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getBody()).hasSize(1);
    String taskId = (String) tasks.getBody().get(0).get("id");
    assertThat(tasks.getBody().get(0).get("taskDefinitionKey")).isEqualTo("Task_HandleComplaint");

    ResponseEntity<String> form =
        desk.getForEntity("/engine-rest/engine/pgtest/task/{id}/deployed-form", String.class, taskId);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("\"id\": \"handle-complaint\"").contains("complaintResolved");

    Map<String, Object> submission =
        Map.of("variables", Map.of("complaintResolved", Map.of("value", true, "type", "Boolean")));
    ResponseEntity<String> completed =
        desk.exchange(
            "/engine-rest/engine/pgtest/task/{id}/complete", HttpMethod.POST, new HttpEntity<>(submission), String.class, taskId);
    assertThat(completed.getStatusCode().is2xxSuccessful()).as("completion answered %s", completed).isTrue();

    managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndActivityId())
        .isEqualTo("Event_ComplaintAnswered");
    assertThat(register.find(request.id()).outcome()).isEqualTo("COMPLAINT_RESOLVED");
  }
}
