package jp.madoguchi.calendar;

import static jp.madoguchi.calendar.DeskCalendarTest.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin inside a real (in-memory) engine: designers' {@code BD<n>} in task due dates and timers. */
class BusinessDaysCalendarPluginTest {

  private static final String PROCESS_KEY = "Process_BusinessDaysProbe";

  private ProcessEngine engine;

  @BeforeEach
  void startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "calendar-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(
        List.of(new BusinessDaysCalendarPlugin(new DeskCalendar(CalendarProperties.defaults()))));
    engine = configuration.buildProcessEngine();
  }

  @AfterEach
  void stopEngine() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void businessDaysInTaskDueDatesAndTimerDurationsFollowTheDeskCalendar() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_AnswerRequest")
            .camundaDueDate("BD10")
            .camundaFollowUpDate("P1D")
            .endEvent()
            .moveToActivity("Task_AnswerRequest")
            .boundaryEvent("Event_ReminderDue")
            .cancelActivity(false)
            .timerWithDuration("bd 2")
            .endEvent()
            .moveToActivity("Task_AnswerRequest")
            .boundaryEvent("Event_EscalationDue")
            .cancelActivity(false)
            .timerWithDuration("PT1H")
            .endEvent()
            .done();
    engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
    ClockUtil.setCurrentTime(date("2026-12-25T10:00+09:00"));

    engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY);

    Task task = engine.getTaskService().createTaskQuery().singleResult();
    assertThat(task.getDueDate()).isEqualTo(date("2027-01-13T17:00+09:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(date("2026-12-26T10:00+09:00"));
    assertThat(timerDueDate("Event_ReminderDue")).isEqualTo(date("2026-12-29T17:00+09:00"));
    assertThat(timerDueDate("Event_EscalationDue")).isEqualTo(date("2026-12-25T11:00+09:00"));
  }

  private Date timerDueDate(String activityId) {
    return engine.getManagementService().createJobQuery().activityId(activityId).singleResult().getDuedate();
  }
}
