package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Process designers change models and read no request (ADR 18): not the variables, instances, tasks or history of
 * an ordinary request, and nothing of a My Number request, through the REST API. A manager, asking the same, gets
 * the answers: the refusals are the designer's, not an empty engine.
 */
@DeskTest
class DesignerAccessTest {

  // a designer of this test's own, so that no other test's failed logins (which delay the next one) reach it
  private static final String DESIGNER = "designer-adr18";
  private static final String PASSWORD = "designer-adr18-password";

  @Autowired TestRestTemplate rest;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  @BeforeEach
  void aDesigner() {
    if (identity.createUserQuery().userId(DESIGNER).count() == 0) {
      User user = identity.newUser(DESIGNER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(DESIGNER, DeskGroups.PROCESS_DESIGNERS);
    }
  }

  @Test
  void aDesignerReadsNeitherTheVariablesNorTheInstanceNorTheHistoryOfAnyRequest() {
    DeskRequest myNumber = TestRequests.request(register).specific().register();
    DeskRequest ordinary = TestRequests.request(register).register();
    ProcessInstance myNumberInstance = starter.start(myNumber);
    ProcessInstance ordinaryInstance = starter.start(ordinary);
    TestRestTemplate designer = rest.withBasicAuth(DESIGNER, PASSWORD);
    TestRestTemplate manager = rest.withBasicAuth("manager", "manager-demo-2026");

    for (ProcessInstance instance : List.of(myNumberInstance, ordinaryInstance)) {
      String variables = "/engine-rest/process-instance/" + instance.getId() + "/variables";
      assertThat(manager.getForEntity(variables, String.class).getBody()).as("a manager reads them")
          .contains("requestId");
      ResponseEntity<String> refused = designer.getForEntity(variables, String.class);
      assertThat(refused.getStatusCode()).as("%s", refused).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(refused.getBody()).doesNotContain("requestId");
    }
    for (DeskRequest request : List.of(myNumber, ordinary)) {
      assertThat(list(manager, "/engine-rest/process-instance?businessKey=" + request.reference())).hasSize(1);
      assertThat(list(designer, "/engine-rest/process-instance?businessKey=" + request.reference())).isEmpty();
      assertThat(list(manager, "/engine-rest/history/process-instance?processInstanceBusinessKey="
          + request.reference())).hasSize(1);
      assertThat(list(designer, "/engine-rest/history/process-instance?processInstanceBusinessKey="
          + request.reference())).isEmpty();
      assertThat(list(designer, "/engine-rest/task?processInstanceBusinessKey=" + request.reference())).isEmpty();
      assertThat(list(designer, "/engine-rest/history/variable-instance?processInstanceId="
          + (request == myNumber ? myNumberInstance : ordinaryInstance).getId())).isEmpty();
    }
  }

  @Test
  void designersAreNoMembersOfTheMyNumberTenantAndHoldNoRightToReadInstances() {
    assertThat(identity.createTenantQuery().tenantId(DeskGroups.SPECIFIC_INFORMATION_TENANT)
        .groupMember(DeskGroups.PROCESS_DESIGNERS).count()).isZero();
    assertThat(identity.createTenantQuery().tenantId(DeskGroups.SPECIFIC_INFORMATION_TENANT)
        .groupMember(DeskGroups.PRIVACY_MANAGERS).count()).isOne();
    Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(DeskGroups.PROCESS_DESIGNERS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    assertThat(grant.isPermissionGranted(ProcessDefinitionPermissions.READ)).isTrue();
    assertThat(grant.isPermissionGranted(ProcessDefinitionPermissions.MIGRATE_INSTANCE)).isTrue();
    assertThat(grant.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isFalse();
    assertThat(grant.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isFalse();
  }

  private static List<Map<String, Object>> list(TestRestTemplate client, String path) {
    ResponseEntity<List<Map<String, Object>>> answer = client.exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(answer.getStatusCode()).as("%s %s", path, answer).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }
}
