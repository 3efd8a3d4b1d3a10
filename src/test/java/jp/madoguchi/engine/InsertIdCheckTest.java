package jp.madoguchi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin inside a real (in-memory) engine: its entity manager inserts as the engine's and fails as it does. */
class InsertIdCheckTest {

  private ProcessEngine engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theEngineInsertsThroughTheCheckingManagerAndWritesAsBefore() {
    ProcessEngineConfigurationImpl configuration = startEngine();
    assertThat(configuration.getSessionFactories().get(DbEntityManager.class)).isInstanceOf(InsertIdCheck.Factory.class);
    DbEntityManager manager = executor(configuration).execute(context -> context.getDbEntityManager());
    assertThat((Object) manager).isInstanceOf(InsertIdCheck.Manager.class);

    engine.getRepositoryService().createDeployment().addModelInstance("one-task.bpmn",
        Bpmn.createExecutableProcess("one-task").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work")
            .endEvent().done()).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("one-task", "MDG-TEST-1",
        java.util.Map.of("note", "kept"));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .count()).isEqualTo(3);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getValue()).isEqualTo("kept");
  }

  @Test
  void aValidIdIsNotWrittenIntoAMessage() {
    ProcessEngineConfigurationImpl configuration = startEngine();
    Row row = new Row(UUID.randomUUID().toString());

    assertThatThrownBy(() -> executor(configuration).execute(context -> {
      context.getDbEntityManager().insert(row);
      // nothing of this made-up row may reach the database
      throw new Rollback();
    })).isInstanceOf(Rollback.class);
    assertThat(row.described.get()).isZero();
  }

  @Test
  void aMissingOrReservedIdFailsWithTheEnginesOwnMessage() {
    ProcessEngineConfigurationImpl configuration = startEngine();

    for (String id : java.util.Arrays.asList(null, "*")) {
      Row row = new Row(id);
      assertThatThrownBy(() -> executor(configuration).execute(context -> {
        // the engine gives a row without an id one of its own; this row keeps none
        context.getDbEntityManager().insert(row);
        return null;
      })).as("id %s", id).isInstanceOf(ProcessEngineException.class)
          .hasMessageStartingWith("Entity row " + id + " has an invalid id: id")
          .hasMessageContaining(id == null ? "is null" : "cannot be *");
      assertThat(row.described.get()).as("id %s", id).isEqualTo(1);
    }
  }

  @Test
  void aFactoryConfiguredElsewhereIsKept() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    DbEntityManagerFactory own = new DbEntityManagerFactory(null) {};
    configuration.setCustomSessionFactories(List.of(own));
    startEngine(configuration);

    assertThat(configuration.getSessionFactories().get(DbEntityManager.class)).isSameAs(own);
  }

  private ProcessEngineConfigurationImpl startEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    startEngine(configuration);
    return configuration;
  }

  private static StandaloneInMemProcessEngineConfiguration configuration() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("insert-id-check-" + UUID.randomUUID());
    configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new InsertIdCheck()));
    return configuration;
  }

  private void startEngine(StandaloneInMemProcessEngineConfiguration configuration) {
    engine = configuration.buildProcessEngine();
  }

  private static CommandExecutor executor(ProcessEngineConfigurationImpl configuration) {
    return configuration.getCommandExecutorTxRequired();
  }

  /** A row that counts how often it is written out in words. */
  private static final class Row implements DbEntity {

    private final String id;
    private final AtomicInteger described = new AtomicInteger();

    Row(String id) {
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      // the test's rows keep the id they were given
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      described.incrementAndGet();
      return "row " + id;
    }
  }

  private static final class Rollback extends RuntimeException {}
}
