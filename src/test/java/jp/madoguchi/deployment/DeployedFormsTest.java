package jp.madoguchi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.deadline.SlaClock;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import jp.madoguchi.support.DeskTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every form that a user task names is deployed with its model and served by the REST API to Tasklist. */
@DeskTest
class DeployedFormsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RequestRegister register;
  @Autowired SlaClock clock;

  @Test
  void modelsAndFormsAreOneDeploymentWithEachFileOnce() {
    List<Deployment> deployments =
        repositoryService.createDeploymentQuery().deploymentName("madoguchi").list();
    assertThat(deployments).hasSize(1);

    List<String> names = repositoryService.getDeploymentResourceNames(deployments.get(0).getId());
    assertThat(names).doesNotHaveDuplicates().contains("processes/complaint.bpmn", "forms/handle-complaint.form",
        "processes/personal-data-request.bpmn", "processes/request-fee.dmn");
    assertThat(names).allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
  }

  @Test
  void everyFormRefOfEveryUserTaskResolves() {
    List<ProcessDefinition> definitions =
        repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).isNotEmpty();

    int checked = 0;
    for (ProcessDefinition definition : definitions) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        Task task = startAt(definition, userTask.getId());

        ResponseEntity<String> form =
            rest.withBasicAuth("admin", "admin-demo-2026")
                .getForEntity("/engine-rest/task/{id}/deployed-form", String.class, task.getId());

        assertThat(form.getStatusCode())
            .as("deployed form of %s in %s", userTask.getId(), definition.getKey())
            .isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("\"id\"").contains(userTask.getCamundaFormRef());
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void aDeskUserCanLoadTheFormOfADeskTask() {
    ProcessDefinition complaint =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint").latestVersion()
            .singleResult();
    Task task = startAt(complaint, "Task_HandleComplaint");

    ResponseEntity<String> form =
        rest.withBasicAuth("desk", "desk-demo-2026")
            .getForEntity("/engine-rest/task/{id}/deployed-form", String.class, task.getId());

    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("handle-complaint");
  }

  private Task startAt(ProcessDefinition definition, String activityId) {
    DeskRequest request = TestRequests.request(register).register();
    clock.start(request.id(), 10, "test");
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceById(definition.getId())
            .businessKey(request.reference())
            .setVariables(Map.ofEntries(Map.entry("reminderDate", new Date()), Map.entry("legalRiskDate", new Date()),
                Map.entry("decision", "PARTIAL"), Map.entry("managerApproval", "APPROVED"),
                Map.entry("replyDelivery", "PAPER")))
            .setVariables(Map.of(
                "requestId", request.id(),
                "reference", request.reference(),
                "requestType", request.type().name(),
                "requesterKind", "PRINCIPAL",
                "arrivedOn", request.arrivedOn().toString(),
                "deskGroup", DeskGroups.PRIVACY_DESK,
                "targetDueDate", new Date(),
                "awaitedLetter", "MISSING_DOCUMENTS",
                "feeAmount", 1000))
            .startBeforeActivity(activityId)
            .execute();
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }
}
