package jp.madoguchi.process;

import java.util.List;
import jp.madoguchi.engine.EngineQueryPlans;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's running process instances and active tasks of one request, found by its reference: the business key
 * its process and every process it calls carry. Native queries, for the steps that look them up on every request
 * (the SLA clock moving the request's dates, a document arriving while the desk waits): the engine's task and
 * process-instance queries build their SQL from mappings of some hundred conditions, each weighed by MyBatis's
 * expression language on every call, and that was most of what those steps cost (issue 21, session 17).
 *
 * <p>The same tables and conditions as the engine's {@code processInstanceBusinessKey(reference)} queries (tasks:
 * {@code active()}), without their authorization and tenant checks: these are the desk's own bookkeeping, done
 * whoever's action caused it (a member of staff, a requester who is no user of the engine, a job), and a reference
 * names one request of one company. PostgreSQL may keep their plans, as it keeps a lookup's by id
 * ({@link EngineQueryPlans#KEEPS_ITS_PLAN}): the same plan serves every reference.
 */
@Component
public class RequestInstances {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  RequestInstances(RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** The request's running process instances: its own, and those of the processes it called that still run. */
  public List<ProcessInstance> processInstances(String reference) {
    return runtimeService.createNativeProcessInstanceQuery()
        .sql(EngineQueryPlans.KEEPS_ITS_PLAN + "SELECT RES.* FROM " + managementService.getTableName(Execution.class)
            + " RES"
            + " WHERE RES.BUSINESS_KEY_ = #{reference} AND RES.ID_ = RES.PROC_INST_ID_")
        .parameter("reference", reference)
        .list();
  }

  /** The active (not suspended) tasks of the request's process instances. */
  public List<Task> activeTasks(String reference) {
    return tasks(reference, "").list();
  }

  /** The active tasks of the request's process instances made from one task of a model. */
  public List<Task> activeTasks(String reference, String taskDefinitionKey) {
    return tasks(reference, " AND T.TASK_DEF_KEY_ = #{taskKey}").parameter("taskKey", taskDefinitionKey).list();
  }

  private NativeTaskQuery tasks(String reference, String condition) {
    return taskService.createNativeTaskQuery()
        .sql(EngineQueryPlans.KEEPS_ITS_PLAN + "SELECT T.* FROM " + managementService.getTableName(Task.class)
            + " T INNER JOIN "
            + managementService.getTableName(Execution.class) + " E ON T.PROC_INST_ID_ = E.ID_"
            + " WHERE E.BUSINESS_KEY_ = #{reference} AND T.SUSPENSION_STATE_ = 1" + condition)
        .parameter("reference", reference);
  }
}
