package jp.madoguchi.deadline;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.process.RequestInstances;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the SLA clock: the request's deadline timers, its open tasks' due dates and the target the
 * forms show follow the clock when it stops and when it runs again.
 */
@Component
class ClockTimers {

  private static final List<String> MOVABLE_TIMERS = List.of(PersonalDataRequestProcess.Elements.DEADLINE_NEAR,
      PersonalDataRequestProcess.Elements.TARGET_DEADLINE_PASSED);

  /** The due date of a deadline timer while the clock stands still: it never falls due before the clock runs. */
  static final Date PARKED = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final RequestInstances instances;
  /** The job definitions of the movable timer events, by process definition (a few per deployed version). */
  private final Map<String, Set<String>> movableTimerDefinitions = new ConcurrentHashMap<>();

  ClockTimers(RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      RequestInstances instances) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.instances = instances;
  }

  /** Parks the target and reminder timers of the request (due on {@link #PARKED}) while the clock stands still. */
  void park(String reference) {
    for (ProcessInstance root : roots(instances.processInstances(reference))) {
      movableTimers(root).forEach(timer -> managementService.setJobDuedate(timer.getId(), PARKED));
    }
  }

  /** Gives the request's timers, its open tasks and the target the forms show the clock's new dates. */
  void follow(String reference, ClockDates dates) {
    List<ProcessInstance> running = instances.processInstances(reference);
    // the target the forms show: the request's own, and the copy each called process still running was handed
    for (ProcessInstance instance : running) {
      if (runtimeService.getVariableLocal(instance.getId(), RequestFacts.TARGET_DUE_DATE.name()) != null) {
        runtimeService.setVariableLocal(instance.getId(), RequestFacts.TARGET_DUE_DATE.name(), dates.targetDueDate());
      }
    }
    for (ProcessInstance root : roots(running)) {
      for (Job timer : movableTimers(root)) {
        managementService.recalculateJobDuedate(timer.getId(), false);
      }
    }
    for (Task task : instances.activeTasks(reference)) {
      if (task.getDueDate() != null) {
        taskService.setDueDate(task.getId(), dates.targetDueDate());
      }
    }
  }

  /**
   * The request's own process among its running instances: the root of the others (its called processes are handed
   * its business key). Only its model has the movable timers; the timers' query asks for their activities.
   */
  private static List<ProcessInstance> roots(List<ProcessInstance> running) {
    return running.stream().filter(instance -> instance.getId().equals(instance.getRootProcessInstanceId())).toList();
  }

  /**
   * The request's deadline timers now due to move: its root's timers of the movable timer events, found with one
   * query of its timers (a request has a handful) and the job definitions of those events, which its process
   * definition keeps as long as it is deployed. The engine's query by activity asks once per event, each time
   * joining the job definitions (until session 27: two queries per move).
   */
  private List<Job> movableTimers(ProcessInstance root) {
    Set<String> definitions = movableTimerDefinitions.computeIfAbsent(root.getProcessDefinitionId(),
        processDefinitionId -> managementService.createJobDefinitionQuery().processDefinitionId(processDefinitionId)
            .activityIdIn(MOVABLE_TIMERS.toArray(String[]::new)).list().stream().map(JobDefinition::getId)
            .collect(Collectors.toUnmodifiableSet()));
    return managementService.createJobQuery().processInstanceId(root.getId()).timers().list().stream()
        .filter(timer -> definitions.contains(timer.getJobDefinitionId()))
        .toList();
  }
}
