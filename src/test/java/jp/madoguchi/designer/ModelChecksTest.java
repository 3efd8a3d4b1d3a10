package jp.madoguchi.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every shipped model passes the desk's model checks; a broken one fails with a message naming the element. */
@DeskTest
class ModelChecksTest {

  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;

  @Test
  void everyShippedModelPassesTheChecks() {
    Deployment shipped = repositoryService.createDeploymentQuery().deploymentName("madoguchi")
        .orderByDeploymentTime().desc().list().get(0);
    ModelChecks.Environment environment = environment(shipped);
    List<ProcessDefinition> definitions =
        repositoryService.createProcessDefinitionQuery().deploymentId(shipped.getId()).list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("personal-data-request", "complaint",
        "identity-verification", "fee-payment", "await-requester", "reply");

    List<String> problems = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      problems.addAll(ModelChecks.check(repositoryService.getBpmnModelInstance(definition.getId()), environment));
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void aBrokenModelIsReportedElementByElement() {
    // the builder names every element after its ID and sets a time-to-live: undo both where the test needs it
    BpmnModelInstance broken = Bpmn.createExecutableProcess("broken")
        .camundaHistoryTimeToLiveString(null)
        .startEvent("Event_Start").name("")
        .userTask("Task_NoForm").name("Do something")
        .serviceTask("Task_Ghost").name("Call a ghost").camundaDelegateExpression("${noSuchBean}")
        .businessRuleTask("Task_Rule").name("Decide").camundaDecisionRef("no-such-table")
        .callActivity("CallActivity_Nowhere").name("Call").calledElement("no-such-process")
        .camundaIn("requestId", "requestId")
        .callActivity("CallActivity_Everything").name("Call with everything").calledElement("reply")
        .userTask("Task_Unlabelled").name(" ").camundaFormRef("no-such-form").camundaCandidateGroups("privacy-desk")
        .endEvent("Event_End").name("Done")
        .done();

    CamundaIn everything = broken.newInstance(CamundaIn.class);
    everything.setCamundaVariables("all");
    ((CallActivity) broken.getModelElementById("CallActivity_Everything")).builder().addExtensionElement(everything);

    List<String> problems = ModelChecks.check(broken, environment(null));

    assertThat(problems).contains(
        "broken/broken: no history time-to-live (camunda:historyTimeToLive)",
        "broken/Task_NoForm: user task without a form",
        "broken/Task_NoForm: user task without a candidate group",
        "broken/Task_Ghost: delegate expression names 'noSuchBean', which is no bean",
        "broken/Task_Rule: decisionRef 'no-such-table' is no deployed decision",
        "broken/CallActivity_Nowhere: calledElement 'no-such-process' is no deployed process",
        "broken/CallActivity_Everything: passes all variables (camunda:in variables=\"all\"); pass the request's "
            + "facts and what the called process reads, one camunda:in each",
        "broken/CallActivity_Nowhere: does not pass the request's facts [reference, requestType, "
            + "personalInformationKind, requesterKind, disclosureMethod, deskGroup, arrivedOn, targetDueDate] (tasks, "
            + "forms and letters of the called process need them)",
        "broken/Task_Unlabelled: formRef 'no-such-form' is no form in forms/",
        "broken/Task_Unlabelled: no label (name) for people to read",
        "broken/Event_Start: no label (name) for people to read");
  }

  private ModelChecks.Environment environment(Deployment deployment) {
    Set<String> decisions = repositoryService.createDecisionDefinitionQuery().latestVersion().list().stream()
        .map(d -> d.getKey()).collect(Collectors.toSet());
    Set<String> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    Set<String> forms = new HashSet<>();
    if (deployment != null) {
      for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (resource.endsWith(".form")) {
          forms.add(formId(deployment.getId(), resource));
        }
      }
    }
    return new ModelChecks.Environment(context::containsBean, decisions, processes, forms);
  }

  private String formId(String deploymentId, String resource) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
      return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }
}
