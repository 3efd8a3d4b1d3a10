package jp.madoguchi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's connections hand PostgreSQL each batch of inserts as one statement of many rows
 * ({@code reWriteBatchedInserts}, ADR 45), and the engine, which flushes its inserts of one kind as a batch, works
 * with the answer such a statement gives (no row count per row). Same context configuration as
 * {@code PostgresApplicationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresBatchedInsertsTest {

  @Autowired DataSource dataSource;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void theApplicationsConnectionsRewriteABatchOfInsertsIntoOneStatement() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
          .isTrue();
      connection.setAutoCommit(false);
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE TEMPORARY TABLE batched_insert_probe (n INT) ON COMMIT DROP");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched_insert_probe (n) VALUES (?)")) {
        for (int n = 0; n < 4; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }
        // a batch sent row by row answers 1 for each row; one rewritten statement gives no count per row
        assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
      }
      connection.rollback();
    }
  }

  @Test
  void theEngineStoresAFlushOfManyInsertsOfOneKind() {
    Deployment deployment = repositoryService.createDeployment().name("batched-inserts-probe")
        .addModelInstance("batched-inserts-probe.bpmn", Bpmn.createExecutableProcess("batched-inserts-probe")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").endEvent().done())
        .deploy();
    try {
      Map<String, Object> variables = IntStream.range(0, 11).boxed()
          .collect(Collectors.toMap(n -> "fact" + n, n -> "value " + n));
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("batched-inserts-probe", variables);

      // eleven variables in one flush: rewritten as statements of 8, 2 and 1 rows, every row stored
      assertThat(runtimeService.getVariables(instance.getId())).isEqualTo(variables);
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count())
          .isEqualTo(11);
      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).completed()
          .count()).isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }
}
