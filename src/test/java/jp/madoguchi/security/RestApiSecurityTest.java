package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@DeskTest
class RestApiSecurityTest {

  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void anonymousCallersOfTheEngineRestApiGet401() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).as("%s", response).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void aWrongPasswordIsRefused() {
    // a wrong password locks the user for a few seconds: a user of this test's own, whom no other test logs in as
    if (identity.createUserQuery().userId("wrong-password-probe").count() == 0) {
      org.camunda.bpm.engine.identity.User probe = identity.newUser("wrong-password-probe");
      probe.setPassword("the-right-password-2026");
      identity.saveUser(probe);
      identity.createMembership("wrong-password-probe", DeskGroups.PRIVACY_DESK);
    }
    ResponseEntity<String> response = rest.withBasicAuth("wrong-password-probe", "not-the-password")
        .getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aDeskUserMayListTasks() {
    ResponseEntity<String> response =
        rest.withBasicAuth("desk", "desk-demo-2026").getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDeskUserMayNotDeploy() {
    ResponseEntity<String> response =
        rest.withBasicAuth("desk", "desk-demo-2026")
            .postForEntity("/engine-rest/deployment/create", multipartDeployment(), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void healthIsPublicAndOtherActuatorEndpointsNeedALogin() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.withBasicAuth("manager", "manager-demo-2026")
                .getForEntity("/actuator/metrics", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private static HttpEntity<?> multipartDeployment() {
    String bpmn =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("attempt").camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "attempt");
    parts.add(
        "data",
        new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "attempt.bpmn";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
