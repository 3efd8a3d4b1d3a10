package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0038: at history level {@code full} the engine keeps every variable's value and the text values of every
 * submitted form, but no {@code VariableUpdate} row in {@code ACT_HI_DETAIL} for each variable's every write.
 */
@DeskTest
class VariableValuesWithoutTrailTest {

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;

  @Test
  void theHistoryKeepsEachVariablesLastValueAndTheFormsFieldsButNoTrailOfUpdates() {
    AtCheck started = startedAtTheCheck();
    DeskRequest request = started.request();
    ProcessInstance instance = started.instance();
    Task check = started.check();
    started.desk().submitForm(check, "desk", List.of(DeskGroups.PRIVACY_DESK),
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    // a variable written twice: its value is kept, its first value is not
    engine.getRuntimeService().setVariable(instance.getId(), "trailProbe", "first");
    engine.getRuntimeService().setVariable(instance.getId(), "trailProbe", "second");

    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().count())
        .as("no VariableUpdate row in ACT_HI_DETAIL").isZero();
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance.getId()).list();
    assertThat(details).as("only the form's fields, as staff submitted them")
        .isNotEmpty().allMatch(HistoricFormField.class::isInstance);
    assertThat(details).map(HistoricFormField.class::cast)
        .anyMatch(field -> field.getFieldId().equals("entrustedData") && "NONE".equals(field.getFieldValue())
            && check.getId().equals(field.getTaskId()));
    assertThat(value(instance, "trailProbe")).isEqualTo("second");
    assertThat(value(instance, "requestId")).isEqualTo(request.id());
    assertThat(value(instance, "requestFormComplete")).isEqualTo(true);
    assertThat(value(instance, "entrustedData")).isEqualTo("NONE");
  }

  @Test
  void theDisplayWordsOfEachTaskStayOutOfTheHistoryAndTheRequestsOwnVariablesStayIn() {
    AtCheck started = startedAtTheCheck();
    ProcessInstance instance = started.instance();
    ProcessDriver desk = started.desk();
    assertThat(engine.getTaskService().getVariablesLocal(started.check().getId()))
        .as("the task shows its words").containsKeys("requestTypeLabel", "arrivedOnText", "targetDueDateText");
    // a designer's own variable that happens to have a display word's name is the process's, and is kept
    engine.getRuntimeService().setVariable(instance.getId(), "requestTypeLabel", "the model's own");
    desk.submitForm(started.check(), "desk", List.of(DeskGroups.PRIVACY_DESK),
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    desk.runJobs();

    List<HistoricVariableInstance> kept = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).includeDeleted().list();
    assertThat(kept).as("no display word of a task in ACT_HI_VARINST, created, updated or deleted")
        .noneMatch(variable -> variable.getTaskId() != null
            && TaskPresentation.Display.NAMES.contains(variable.getName()));
    assertThat(kept).filteredOn(variable -> variable.getName().equals("requestTypeLabel"))
        .singleElement().satisfies(variable -> {
          assertThat(variable.getTaskId()).isNull();
          assertThat(variable.getValue()).isEqualTo("the model's own");
        });
    assertThat(value(instance, "requestType")).isEqualTo(started.request().type().name());
    assertThat(value(instance, "targetDueDate")).isNotNull();
  }

  /** A registered request whose process waits at the desk's check of the request. */
  private record AtCheck(DeskRequest request, ProcessInstance instance, ProcessDriver desk, Task check) {}

  private AtCheck startedAtTheCheck() {
    DeskRequest request = TestRequests.request(register).register();
    ProcessInstance instance = starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    return new AtCheck(request, instance, desk, desk.task(PersonalDataRequestProcess.Elements.CHECK_REQUEST));
  }

  private Object value(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    assertThat(variable).as("%s in ACT_HI_VARINST", name).isNotNull();
    return variable.getValue();
  }
}
