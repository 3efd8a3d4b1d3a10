package jp.madoguchi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives a request's processes as the desk and the job executor would: completes the request's tasks, runs due
 * jobs, moves the engine's clock.
 */
public final class ProcessDriver {

  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final FormService formService;
  private final String businessKey;
  private final String rootProcessInstanceId;

  public ProcessDriver(ProcessEngine engine, String businessKey) {
    this(engine, businessKey, null);
  }

  private ProcessDriver(ProcessEngine engine, String businessKey, String rootProcessInstanceId) {
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.runtimeService = engine.getRuntimeService();
    this.identityService = engine.getIdentityService();
    this.formService = engine.getFormService();
    this.businessKey = businessKey;
    this.rootProcessInstanceId = rootProcessInstanceId;
  }

  /**
   * A driver that finds the request's due jobs, in its own and in its called processes, with one query by the root
   * process instance (as the job executor's acquisition reads many jobs at once), rather than one per instance.
   */
  public static ProcessDriver ofRoot(ProcessEngine engine, String businessKey, String rootProcessInstanceId) {
    return new ProcessDriver(engine, businessKey, rootProcessInstanceId);
  }

  /** The request's one open task with this definition key. */
  /** The business key (the request's reference) whose tasks this driver works. */
  public String businessKey() {
    return businessKey;
  }

  public Task task(String taskDefinitionKey) {
    List<Task> tasks = openTasks(taskDefinitionKey);
    assertThat(tasks).as("open tasks %s of %s", taskDefinitionKey, businessKey).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> openTasks(String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey).list();
  }

  public List<Task> openTasks() {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).list();
  }

  /** Completes the task as staff do in Tasklist, then lets the job executor run what became due. */
  public ProcessDriver complete(String taskDefinitionKey, Map<String, Object> formValues) {
    taskService.complete(task(taskDefinitionKey).getId(), formValues);
    return runJobs();
  }

  /**
   * Submits the task's form as Tasklist does (the form service, logged in as the user with these groups), then lets
   * the job executor run what became due.
   */
  public ProcessDriver submitForm(Task task, String user, List<String> groups, Map<String, Object> values) {
    identityService.setAuthentication(user, groups);
    try {
      formService.submitTaskForm(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
    return runJobs();
  }

  /**
   * Runs every job of the request that is due now (asynchronous steps, timers), until none is left. Jobs run as
   * the job executor runs them: without a logged-in user.
   */
  public ProcessDriver runJobs() {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return runDueJobs();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }

  private ProcessDriver runDueJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = dueJobs();
      if (due.isEmpty()) {
        return this;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
      }
    }
    throw new AssertionError("Jobs keep coming after 50 rounds");
  }

  public List<Job> dueJobs() {
    if (rootProcessInstanceId != null) {
      return managementService.createJobQuery().rootProcessInstanceId(rootProcessInstanceId).executable().list();
    }
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).executable()
            .list().stream())
        .toList();
  }

  /** Moves the engine's clock (and with it the desk's "now") and runs what fell due. */
  public ProcessDriver clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    return runJobs();
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
