package jp.madoguchi.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's task table in the order of the desk's task lists: by due date (Tasklist sorts the desk's
 * lists by due date), then the columns the engine's query sorts by next.
 *
 * <p>Why: Tasklist's query for a group's tasks is {@code SELECT DISTINCT} over the tasks joined with their candidate
 * groups, {@code ORDER BY DUE_DATE_}. Without an index in that order the database reads, joins and sorts every open
 * task of the group for the first 15 (about 300 ms at 13,000 open tasks, and growing with them). With it, PostgreSQL
 * walks the index in due-date order and stops at the fifteenth task it may show: the first page costs the same at
 * 1,000 or 50,000 open tasks. The engine's own schema has no such index; Camunda allows adding indexes to its
 * tables, and its upgrade scripts leave them alone.
 *
 * <p>Created when the engine starts, after the engine has created or checked its tables, with
 * {@code CREATE INDEX IF NOT EXISTS} (PostgreSQL and H2): a restart, or a second node starting at the same time,
 * changes nothing. Where the application's database user may not create it, the start logs the statement for the
 * database administrator and goes on.
 */
@Component
class TaskListIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "MDG_IDX_TASK_DUE_ORDER";
  static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_TASK (DUE_DATE_, REV_, ID_)";

  private static final Logger LOG = LoggerFactory.getLogger(TaskListIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    create(configuration.getDataSource(), DDL.replace("ON ACT_RU_TASK", "ON " + prefix + "ACT_RU_TASK"));
  }

  static void create(DataSource dataSource, String ddl) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        statement.execute(ddl);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      LOG.debug("Task list index {} is there", NAME);
    } catch (SQLException failure) {
      // two nodes starting together: the other one's CREATE may win the race for the name; it is there then. A
      // database user without the right to create indexes (schema kept by a DBA) gets a warning, not a dead desk:
      // without the index Tasklist is slower, not wrong.
      if (!exists(dataSource)) {
        LOG.warn("Could not create the task list index {} ({}); Tasklist's pages will slow down as open tasks grow. "
            + "Ask the database administrator to run: {}", NAME, failure.getMessage(), ddl);
      }
    }
  }

  static boolean exists(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      var metadata = connection.getMetaData();
      for (String table : new String[] {"ACT_RU_TASK", "act_ru_task"}) {
        try (var indexes = metadata.getIndexInfo(null, null, table, false, false)) {
          while (indexes.next()) {
            if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SQLException failure) {
      throw new ProcessEngineException("Could not look for the task list index " + NAME, failure);
    }
  }
}
