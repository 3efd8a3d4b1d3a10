package jp.madoguchi.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes (and, on PostgreSQL, statistics) on the engine's tables for the desk's task lists: Tasklist's first page of
 * a filter and its count, on every refresh, for every filter a user sees.
 *
 * <p>The due-date index: Tasklist's query for a group's tasks is {@code SELECT DISTINCT} over the tasks joined with
 * their candidate groups, {@code ORDER BY DUE_DATE_}. Without an index in that order the database reads, joins and
 * sorts every open task of the group for the first 15 (about 300 ms at 13,000 open tasks, and growing with them).
 * With it, PostgreSQL walks the index in due-date order and stops at the fifteenth task it may show: the first page
 * costs the same at 1,000 or 100,000 open tasks. The candidate and task-access indexes serve the counts, and a small
 * group's page; the statistics keep the planner from misjudging a system owner's per-task grants (issue 20,
 * docs/performance.md). The engine's own schema has none of them; Camunda allows adding indexes to its tables, and
 * its upgrade scripts leave them alone.
 *
 * <p>Created when the engine starts, after the engine has created or checked its tables (a Flyway migration cannot
 * add them: the order of Flyway and the engine's schema creation is not fixed; on a new PostgreSQL database of the
 * benchmark Flyway ran first, before the engine's tables existed, and in the tests on H2 after them), with
 * {@code IF NOT EXISTS} (PostgreSQL and H2): a restart, or a second node starting at the same time, changes nothing.
 * Where the application's database user may not create them, the start logs the statement for the database
 * administrator and goes on.
 */
@Component
class TaskListIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "MDG_IDX_TASK_DUE_ORDER";
  static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_TASK (DUE_DATE_, REV_, ID_)";

  /**
   * The candidate links of a group in task order, read without the table: a filter's count (and a page of a small
   * group) finds the group's tasks here and joins them with the tasks in the same order (a merge join), instead of
   * hashing every link and every task (issue 20, 100,000 tasks written into the tables: 640 ms to count the desk's
   * 95,000, 90 ms with this and {@link #TASK_ACCESS}).
   */
  static final String CANDIDATES = "MDG_IDX_IDENT_LNK_CANDIDATE";
  static final String CANDIDATES_DDL =
      "CREATE INDEX IF NOT EXISTS " + CANDIDATES + " ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)";

  /**
   * On PostgreSQL, every column a filter's count reads of a task, beside its id: the count reads this index alone
   * (an index-only scan in id order) instead of every task's row with its long description.
   */
  static final String TASK_ACCESS = "MDG_IDX_TASK_ACCESS";
  static final String TASK_ACCESS_DDL = "CREATE INDEX IF NOT EXISTS " + TASK_ACCESS
      + " ON ACT_RU_TASK (ID_) INCLUDE (TENANT_ID_, PROC_DEF_ID_, CASE_EXECUTION_ID_, ASSIGNEE_, DUE_DATE_)";

  /**
   * The grants of a user by the user's id. Every query of a logged-in user's tasks first finds the user's grants
   * ({@code A.USER_ID_ in (user, '*') OR A.GROUP_ID_ IN (groups)}); the engine's schema indexes the user's grants only
   * behind {@code TYPE_} ({@code ACT_UNIQ_AUTH_USER}), which the query asks as {@code TYPE_ < 2}: PostgreSQL read that
   * whole index, which grows with the per-task grants of the system owners' search tasks (issue 20: 115 ms of every
   * Tasklist query at 50,000 open requests; 0.1 ms with this index).
   */
  static final String USER_GRANTS = "MDG_IDX_AUTH_USER";
  static final String USER_GRANTS_DDL =
      "CREATE INDEX IF NOT EXISTS " + USER_GRANTS + " ON ACT_RU_AUTHORIZATION (USER_ID_)";

  /**
   * On PostgreSQL, the grants the task queries' authorization check can match, by the resource they grant: READ on a
   * task and READ_TASK on a process definition ({@code RESOURCE_TYPE_} 7 and 6), grants only ({@code TYPE_ < 2}).
   * A system owner's filter looks one grant up per search task ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}),
   * and with the engine's index on the resource id each lookup also read the 38 grants on {@code *} of every other
   * kind of resource (applications, filters, batches, ...) and threw them away; this partial index holds 7 of them.
   * Issue 20, 10,000 open requests: 13 µs to 9 µs per search task, a group's count 14 ms instead of 19 ms (without
   * the parallel plan's start).
   */
  static final String TASK_GRANTS = "MDG_IDX_AUTH_TASK_GRANTS";
  static final String TASK_GRANTS_DDL = "CREATE INDEX IF NOT EXISTS " + TASK_GRANTS
      + " ON ACT_RU_AUTHORIZATION (RESOURCE_ID_) WHERE TYPE_ < 2 AND RESOURCE_TYPE_ IN (6, 7)";

  /**
   * On PostgreSQL, statistics of the permission bits the engine's authorization check tests
   * ({@code A.PERMS_ & 2 = 2}: READ on a task; {@code A.PERMS_ & 64 = 64}: READ_TASK on a process definition). Without
   * them the planner takes each such condition to hold for 1 row in 200, and so expects a handful of the user's
   * grants where a system owner has one per open search task (the engine writes a grant per task for a candidate
   * group that is not the desk's, ADR 14): it then compares every task with every grant (issue 20: 0.9 s to count
   * 2,856 search tasks at 10,000 open requests). With the statistics it expects them all and looks each task's grant
   * up by the grants' resource index.
   */
  static final List<String> AUTHORIZATION_STATISTICS = List.of(
      "CREATE STATISTICS IF NOT EXISTS MDG_STAT_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
      "CREATE STATISTICS IF NOT EXISTS MDG_STAT_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");

  private static final Logger LOG = LoggerFactory.getLogger(TaskListIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = EngineTables.prefix(configuration);
    for (String ddl : statements(configuration.getDatabaseType())) {
      create(configuration.getDataSource(), ddl.replace(" ON ACT_", " ON " + prefix + "ACT_")
          .replace(" FROM ACT_", " FROM " + prefix + "ACT_"));
    }
    if ("postgres".equals(configuration.getDatabaseType())) {
      // statistics are gathered by ANALYZE: once now, then by autovacuum as the grants change
      create(configuration.getDataSource(), "ANALYZE " + prefix + "ACT_RU_AUTHORIZATION");
    }
  }

  /** What this database gets: H2 has no included columns and no partial indexes. */
  static List<String> statements(String databaseType) {
    if (!"postgres".equals(databaseType)) {
      return List.of(DDL, CANDIDATES_DDL, USER_GRANTS_DDL);
    }
    List<String> statements =
        new ArrayList<>(List.of(DDL, CANDIDATES_DDL, USER_GRANTS_DDL, TASK_ACCESS_DDL, TASK_GRANTS_DDL));
    statements.addAll(AUTHORIZATION_STATISTICS);
    return statements;
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
      LOG.debug("Task list index is there: {}", ddl);
    } catch (SQLException failure) {
      // two nodes starting together: the other one's CREATE may win the race for the name (it is there then, and
      // the warning says so). A database user without the right to create indexes (schema kept by a DBA) gets a
      // warning, not a dead desk: without the index Tasklist is slower, not wrong.
      LOG.warn("Could not create a task list index ({}): if it is not there, Tasklist's pages and counts will slow "
          + "down as open tasks grow. Ask the database administrator to run: {}", failure.getMessage(), ddl);
    }
  }

  static boolean exists(DataSource dataSource) {
    return exists(dataSource, "ACT_RU_TASK", NAME);
  }

  static boolean exists(DataSource dataSource, String tableName, String indexName) {
    try (Connection connection = dataSource.getConnection()) {
      var metadata = connection.getMetaData();
      for (String table : new String[] {tableName.toUpperCase(java.util.Locale.ROOT),
          tableName.toLowerCase(java.util.Locale.ROOT)}) {
        try (var indexes = metadata.getIndexInfo(null, null, table, false, false)) {
          while (indexes.next()) {
            if (indexName.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SQLException failure) {
      throw new ProcessEngineException("Could not look for the task list index " + indexName, failure);
    }
  }
}
