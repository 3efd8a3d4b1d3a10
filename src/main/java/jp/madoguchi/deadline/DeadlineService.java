package jp.madoguchi.deadline;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The request's SLA clock. The target deadline counts business days from the arrival date; the clock stands still
 * while the desk waits for the requester (documents, fee) and the target moves by the business days it stood.
 * Independently, a request unanswered two weeks after arrival (APPI Art 39) is a legal risk; that date never moves.
 */
@Service
public class DeadlineService {

  private static final List<String> MOVABLE_TIMERS =
      List.of(PersonalDataRequestProcess.Elements.DEADLINE_NEAR, PersonalDataRequestProcess.Elements.TARGET_DEADLINE_PASSED);

  /** The due date of a deadline timer while the clock stands still: it never falls due before the clock runs. */
  public static final Date PARKED = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

  private final RequestRegister register;
  private final DeskCalendar calendar;
  private final DeadlineProperties properties;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  DeadlineService(RequestRegister register, DeskCalendar calendar, DeadlineProperties properties,
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.register = register;
    this.calendar = calendar;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  /** The clock's dates as the process's timers and tasks use them. */
  public record ClockDates(Date targetDueDate, Date reminderDate, Date legalRiskDate) {}

  /** Starts the clock at the arrival date with the target the decision table gave. */
  public ClockDates start(long requestId, int targetBusinessDays, String actor) {
    DeskRequest request = register.find(requestId);
    LocalDate arrivedOn = request.arrivedOn();
    LocalDate targetDueOn = calendar.addBusinessDays(arrivedOn, targetBusinessDays);
    // Art 39 concerns requests under Arts 32-35; a complaint (Art 40) has a target deadline and no such date
    LocalDate legalRiskOn = request.type() == RequestType.COMPLAINT
        ? null : arrivedOn.plusDays(properties.legalRiskCalendarDays());
    register.updateDeadlines(requestId,
        new Deadlines(targetBusinessDays, targetDueOn, legalRiskOn, null, 0, false, false));
    register.recordEvent(requestId, actor, "SLA_CLOCK_STARTED",
        "target " + targetDueOn + " (" + targetBusinessDays + " business days)"
            + (legalRiskOn == null ? "" : ", Art 39 " + legalRiskOn));
    return dates(targetDueOn, legalRiskOn);
  }

  /** The target deadline, at closing time of its business day. For BPMN: {@code ${deadlineService.targetDueDate(requestId)}}. */
  public Date targetDueDate(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return clock.targetDueOn() == null ? null : dates(clock.targetDueOn(), clock.art39Date()).targetDueDate();
  }

  /** When the assignee is reminded: opening time, some business days before the target. */
  public Date reminderDate(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return dates(clock.targetDueOn(), clock.art39Date()).reminderDate();
  }

  /** Two weeks after arrival (APPI Art 39), at midnight in the desk's time zone. */
  public Date legalRiskDate(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return dates(clock.targetDueOn(), clock.art39Date()).legalRiskDate();
  }

  /**
   * Stops the clock while the desk waits for the requester: the target and reminder timers are parked (due on
   * {@link #PARKED}) until the clock runs again and they get their new dates. Stopping a stopped clock changes
   * nothing.
   */
  public void pause(long requestId, String reference, String actor) {
    DeskRequest request = register.find(requestId);
    Deadlines clock = request.deadlines();
    if (clock.clockPausedSince() != null || clock.targetDueOn() == null) {
      return;
    }
    LocalDate today = calendar.today();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), today, clock.pausedBusinessDays(), clock.overdue(), clock.art39DatePassed()));
    register.recordEvent(requestId, actor, "SLA_CLOCK_PAUSED", "waiting for the requester since " + today);
    rootInstance(reference).ifPresent(root -> movableTimers(root).forEach(
        timer -> managementService.setJobDuedate(timer.getId(), PARKED)));
  }

  /**
   * Starts the clock again when the requester's answer arrives: the target moves by the business days waited, and
   * the request's timers and open tasks follow.
   */
  public void resume(long requestId, String reference, String actor) {
    DeskRequest request = register.find(requestId);
    Deadlines clock = request.deadlines();
    if (clock.clockPausedSince() == null) {
      return;
    }
    int waited = Math.max(0, calendar.businessDaysBetween(clock.clockPausedSince(), calendar.today()));
    int paused = clock.pausedBusinessDays() + waited;
    LocalDate targetDueOn = calendar.addBusinessDays(request.arrivedOn(), clock.targetBusinessDays() + paused);
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), targetDueOn, clock.art39Date(),
        null, paused, clock.overdue(), clock.art39DatePassed()));
    register.recordEvent(requestId, actor, "SLA_CLOCK_RESUMED",
        waited + " business days waited; target now " + targetDueOn);
    moveTimers(reference, dates(targetDueOn, clock.art39Date()));
  }

  /** Marks the request overdue (target deadline passed without an answer). */
  public void flagOverdue(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), clock.clockPausedSince(), clock.pausedBusinessDays(), true, clock.art39DatePassed()));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "TARGET_DEADLINE_PASSED",
        "escalated to privacy-managers");
  }

  /** Marks the request as unanswered two weeks after arrival: the person may now sue (APPI Art 39). */
  public void flagLegalRisk(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), clock.clockPausedSince(), clock.pausedBusinessDays(), clock.overdue(), true));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "ART39_TWO_WEEKS_PASSED",
        "unanswered 14 days after arrival; flagged to privacy-managers");
  }

  /** When the desk reminds the requester, counted from today. */
  public Date requesterReminderDue() {
    return calendar.businessDaysFromNow(properties.requesterReminderBusinessDays());
  }

  /** When the desk gives up waiting for the requester, counted from today. */
  public Date requesterAbandonDue() {
    return calendar.businessDaysFromNow(properties.requesterAbandonBusinessDays());
  }

  private ClockDates dates(LocalDate targetDueOn, LocalDate legalRiskOn) {
    LocalDate reminderOn = targetDueOn;
    for (int i = 0; i < properties.reminderBusinessDaysBefore(); i++) {
      reminderOn = calendar.previousBusinessDay(reminderOn);
    }
    return new ClockDates(calendar.endOfBusinessDay(targetDueOn), calendar.startOfBusinessDay(reminderOn),
        legalRiskOn == null ? null : calendar.startOfDay(legalRiskOn));
  }

  private void moveTimers(String reference, ClockDates dates) {
    // the target the forms show: the request's own, and the copy each called process still running was handed
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .list()) {
      if (runtimeService.getVariableLocal(instance.getId(), RequestFacts.TARGET_DUE_DATE.name()) != null) {
        runtimeService.setVariableLocal(instance.getId(), RequestFacts.TARGET_DUE_DATE.name(), dates.targetDueDate());
      }
    }
    rootInstance(reference).ifPresent(root -> {
      for (Job timer : movableTimers(root)) {
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
    });
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference).active().list()) {
      if (task.getDueDate() != null) {
        taskService.setDueDate(task.getId(), dates.targetDueDate());
      }
    }
  }

  private Optional<ProcessInstance> rootInstance(String reference) {
    return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PersonalDataRequestProcess.KEY)
        .processInstanceBusinessKey(reference)
        .singleResult());
  }

  private List<Job> movableTimers(ProcessInstance root) {
    return MOVABLE_TIMERS.stream()
        .flatMap(event -> managementService.createJobQuery().processInstanceId(root.getId()).timers()
            .activityId(event).list().stream())
        .toList();
  }
}
