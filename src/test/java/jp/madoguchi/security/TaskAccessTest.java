package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may see and work which task: the desk's groups by their grant on every process definition (no authorization
 * row per task), My Number requests only for the members of their tenant, and a task only by its candidates.
 */
@DeskTest
class TaskAccessTest {

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;

  Deployment extraModel;

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    if (extraModel != null) {
      engine.getRepositoryService().deleteDeployment(extraModel.getId(), true);
    }
  }

  @Test
  void theDesksTasksCarryNoAuthorizationRowOfTheirOwnButTheDeskSeesAndWorksThem() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    Task check = new ProcessDriver(engine, request.reference()).runJobs().task(PersonalDataRequestProcess.Elements.CHECK_REQUEST);

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(check.getId()).count()).as("authorization rows of the task").isZero();

    TaskService tasks = engine.getTaskService();
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    assertThat(tasks.createTaskQuery().taskCandidateGroup(DeskGroups.PRIVACY_DESK)
        .processInstanceBusinessKey(request.reference()).list()).extracting(Task::getId).containsExactly(check.getId());
    tasks.claim(check.getId(), "desk");
    tasks.complete(check.getId(), java.util.Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).isZero();
  }

  @Test
  void aGroupADesignerIntroducesKeepsTheEnginesRowPerTask() {
    extraModel = engine.getRepositoryService().createDeployment().name("legal-review")
        .addModelInstance("legal-review.bpmn", Bpmn.createExecutableProcess("LegalReview").name("Legal review")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_LegalReview").name("Legal review")
            .camundaCandidateGroups("legal-team").endEvent().done())
        .deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("LegalReview");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(review.getId()).groupIdIn("legal-team").count()).isEqualTo(1);
    engine.getIdentityService().setAuthentication("lawyer", List.of("legal-team"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  @Test
  void aMyNumberRequestIsInItsTenantAndOnlyItsMembersSeeIt() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).specific().register();
    ProcessInstance instance = starter.start(request);
    Task check = new ProcessDriver(engine, request.reference()).runJobs().task(PersonalDataRequestProcess.Elements.CHECK_REQUEST);

    assertThat(instance.getTenantId()).isEqualTo(DeskGroups.SPECIFIC_INFORMATION_TENANT);
    assertThat(check.getTenantId()).isEqualTo(DeskGroups.SPECIFIC_INFORMATION_TENANT);
    assertThat(engine.getIdentityService().createTenantQuery().tenantId(DeskGroups.SPECIFIC_INFORMATION_TENANT)
        .groupMember(DeskGroups.PRIVACY_DESK).count()).as("the ordinary desk is not a member").isZero();

    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK), List.of());
    assertThat(engine.getTaskService().createTaskQuery().taskId(check.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(check.getId()).count()).isZero();

    engine.getIdentityService().setAuthentication("specialist",
        List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC),
        List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT));
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(DeskGroups.PRIVACY_DESK_SPECIFIC)
        .taskId(check.getId()).count()).isEqualTo(1);
  }

  @Test
  void managersSeeCockpitsOpenTasksByGroupAndTheDeskDoesNot() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs().task(PersonalDataRequestProcess.Elements.CHECK_REQUEST);

    // Cockpit's task dashboard is the engine's task report, which checks READ on every task (TASK '*'), not the
    // READ_TASK on every definition that the desk's groups hold
    engine.getIdentityService().setAuthentication("manager-only", List.of(DeskGroups.PRIVACY_MANAGERS));
    assertThat(engine.getTaskService().createTaskReport().taskCountByCandidateGroup())
        .filteredOn(row -> DeskGroups.PRIVACY_DESK.equals(row.getGroupName()))
        .singleElement().satisfies(row -> assertThat(row.getTaskCount()).isPositive());

    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    assertThatThrownBy(() -> engine.getTaskService().createTaskReport().taskCountByCandidateGroup())
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void onlyACandidateMayHoldOrCompleteATask() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    Task check = new ProcessDriver(engine, request.reference()).runJobs().task(PersonalDataRequestProcess.Elements.CHECK_REQUEST);
    TaskService tasks = engine.getTaskService();

    assertThatThrownBy(() -> tasks.setAssignee(check.getId(), "designer"))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("designer cannot be assigned").hasMessageContaining("[" + DeskGroups.PRIVACY_DESK + "]");
    assertThat(tasks.createTaskQuery().taskId(check.getId()).singleResult().getAssignee()).isNull();

    engine.getIdentityService().setAuthentication("manager-only", List.of(DeskGroups.PRIVACY_MANAGERS));
    assertThatThrownBy(() -> tasks.complete(check.getId(), java.util.Map.of("requestFormComplete", true, "entrustedData", "NONE")))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Only members of the candidate groups [" + DeskGroups.PRIVACY_DESK + "] may work on");
    assertThatThrownBy(() -> tasks.claim(check.getId(), "manager-only"))
        .isInstanceOf(AuthorizationException.class);
    engine.getIdentityService().clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).as("still open").isEqualTo(1);

    tasks.setAssignee(check.getId(), "desk");
    assertThat(tasks.createTaskQuery().taskId(check.getId()).singleResult().getAssignee()).isEqualTo("desk");
    engine.getIdentityService().setAuthentication("another-desk-member", List.of(DeskGroups.PRIVACY_DESK));
    tasks.complete(check.getId(), java.util.Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).isZero();
  }
}
