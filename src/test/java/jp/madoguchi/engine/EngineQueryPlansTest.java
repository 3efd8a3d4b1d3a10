package jp.madoguchi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which of the engine's own statements (its MyBatis mappings, Camunda 7.24) {@link EngineQueryPlans} sends to
 * PostgreSQL to be planned with their values every time. What PostgreSQL then does is read in
 * {@code TaskListIndexPostgresTest}.
 */
class EngineQueryPlansTest {

  private ProcessEngine engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theQueriesOfTheEnginesApiAreChosenAndItsWritesAndLookupsAreNot() {
    Configuration mybatis = startEngine();
    assertThat(mybatis.getInterceptors()).anyMatch(EngineQueryPlans.PlannedEachTime.class::isInstance);

    for (String query : List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria",
        "selectTaskByNativeQuery", "selectProcessInstanceByQueryCriteria", "selectJobByQueryCriteria",
        "selectVariableInstanceByQueryCriteria", "selectHistoricProcessInstanceIdsForCleanup",
        "selectNextJobsToExecute", "isUserAuthorizedForResource", "selectFilterByQueryCriteria")) {
      MappedStatement statement = statement(mybatis, query);
      assertThat(EngineQueryPlans.plannedEachTime(statement.getId(), statement.getSqlCommandType()))
          .as(statement.getId()).isTrue();
    }
    for (String lookupOrWrite : List.of("selectTask", "selectExecution", "selectJob", "selectProperty",
        "selectExecutionsByProcessInstanceId", "selectIdentityLinksByTask", "insertVariableInstance",
        "updateTask", "deleteTask", "insertHistoricVariableInstance")) {
      MappedStatement statement = statement(mybatis, lookupOrWrite);
      assertThat(EngineQueryPlans.plannedEachTime(statement.getId(), statement.getSqlCommandType()))
          .as(statement.getId()).isFalse();
    }
    // a write is never chosen, whatever its name says
    assertThat(EngineQueryPlans.plannedEachTime("updateTaskCountByQueryCriteria", SqlCommandType.UPDATE)).isFalse();
  }

  @Test
  void aNativeQueryKeepsItsPlanOnlyWhenItsSqlStartsWithTheMark() {
    Configuration mybatis = startEngine();
    for (String nativeQuery : List.of("selectTaskByNativeQuery", "selectExecutionByNativeQuery",
        "selectHistoricProcessInstanceByNativeQuery")) {
      MappedStatement statement = statement(mybatis, nativeQuery);
      assertThat(EngineQueryPlans.planning(statement.getId(), statement.getSqlCommandType())).as(nativeQuery)
          .isEqualTo(EngineQueryPlans.Planning.AS_ITS_SQL_SAYS);
    }
    assertThat(EngineQueryPlans.planning("selectTaskByQueryCriteria", SqlCommandType.SELECT))
        .isEqualTo(EngineQueryPlans.Planning.EACH_TIME);
    assertThat(EngineQueryPlans.planning("selectTask", SqlCommandType.SELECT))
        .isEqualTo(EngineQueryPlans.Planning.KEPT);

    // the engine hands a native query's SQL to MyBatis under "sql", with the query's own parameters
    assertThat(EngineQueryPlans.keepsItsPlan(Map.of("sql", EngineQueryPlans.KEEPS_ITS_PLAN + "SELECT 1",
        "reference", "MDG-2026-000001"))).isTrue();
    assertThat(EngineQueryPlans.keepsItsPlan(Map.of("sql", "SELECT 1 " + EngineQueryPlans.KEEPS_ITS_PLAN)))
        .as("the mark anywhere but at the start").isFalse();
    assertThat(EngineQueryPlans.keepsItsPlan(Map.of("sql", "SELECT 1"))).isFalse();
    assertThat(EngineQueryPlans.keepsItsPlan(Map.of("reference", "MDG-2026-000001"))).isFalse();
    assertThat(EngineQueryPlans.keepsItsPlan("SELECT 1")).as("parameters that are no map").isFalse();
    assertThat(EngineQueryPlans.keepsItsPlan(null)).isFalse();
  }

  @Test
  void theEngineRunsItsStatementsThroughTheInterceptorOnH2AsBefore() {
    startEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("one-task.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("one-task").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").endEvent().done()).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("one-task", "MDG-TEST-1");
    assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(1);
  }

  @Test
  void aFailingQueryFailsThroughTheWrappedExecutorAsTheEnginesOwnFailure() {
    startEngine();
    // a native query is one of the chosen ones: it passes the interceptor, and fails in the database
    assertThatThrownBy(() -> engine.getRuntimeService().createNativeExecutionQuery()
        .sql("SELECT * FROM NO_SUCH_TABLE").list())
        // the engine's wrapping of MyBatis's own failure, with the database's error as its root
        .isInstanceOf(ProcessEnginePersistenceException.class).rootCause().hasMessageContaining("NO_SUCH_TABLE");
  }

  /** The engine's statement of this name (its mappings name statements without a namespace). */
  private static MappedStatement statement(Configuration mybatis, String name) {
    Collection<String> names = mybatis.getMappedStatementNames();
    assertThat(names).as("the engine's statements").contains(name);
    return mybatis.getMappedStatement(name);
  }

  private Configuration startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("engine-query-plans-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new EngineQueryPlans()));
    engine = configuration.buildProcessEngine();
    return configuration.getSqlSessionFactory().getConfiguration();
  }
}
