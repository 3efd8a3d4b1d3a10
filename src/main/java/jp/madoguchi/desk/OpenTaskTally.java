package jp.madoguchi.desk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many open tasks each candidate group has, kept as the engine writes them instead of counted when Tasklist asks
 * (issue 20, ADR 0039): the one owner of {@code open_task_tally} and {@code open_task_tally_change}.
 *
 * <p>Tasklist shows, beside the selected filter, how many tasks it holds, and asks again on every refresh. The engine
 * answers by reading every task of the filter with its candidate links and the user's grants: linear in the open
 * tasks (60-80 ms for the desk's 68,000 at 100,000 open requests). Here, on PostgreSQL, triggers on the engine's
 * candidate links ({@code ACT_RU_IDENTITYLINK}) and tasks ({@code ACT_RU_TASK}) append, in the transaction that
 * changes them, how a group's open tasks changed per tenant and process definition key; every half minute the
 * changes are folded into the tally; at every start the tally is rebuilt from the engine's tables with their writers
 * held off. A count is then a few rows, whatever the backlog. {@link TalliedFilterCountCmd} decides when a count may
 * be answered from here (the filter's query and the user's grants have a shape the tally answers exactly) and asks
 * the engine otherwise. On H2 (the embedded default) nothing is installed and the engine counts.
 */
@Component
class OpenTaskTally {

  /**
   * Who may see which open tasks, as the engine's check for this user has it: every task (a grant on {@code *}), or
   * the tasks whose definition key or own id is among the ids the user is granted ({@code grantedIds}); in every
   * tenant, or in none but the user's ({@code tenants}); all of them, or the active ones only.
   */
  record Access(boolean allKeys, Set<String> grantedIds, boolean allTenants, Set<String> tenants,
      boolean activeOnly) {

    boolean tenant(String tenant) {
      return allTenants || tenant.isEmpty() || tenants.contains(tenant);
    }

    boolean key(String key) {
      return allKeys || grantedIds.contains(key);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(OpenTaskTally.class);

  /**
   * The candidate groups of tasks whose links were inserted and that had no such link before the statement: one
   * more open task for each group, at the task's tenant and definition key. {@code %1$s}: the engine's table prefix.
   */
  private static final String LINKS_ADDED = linksFunction("mdg_tally_links_added", "added", """
        INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta)
        SELECT n.group_id_, coalesce(t.TENANT_ID_, ''), coalesce(d.KEY_, ''), coalesce(t.SUSPENSION_STATE_ = 1, false),
               count(*)
        FROM (SELECT DISTINCT task_id_, group_id_ FROM added
              WHERE type_ = 'candidate' AND group_id_ IS NOT NULL AND task_id_ IS NOT NULL) n
        JOIN %1$sACT_RU_TASK t ON t.ID_ = n.task_id_
        LEFT JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
        WHERE NOT EXISTS (SELECT 1 FROM %1$sACT_RU_IDENTITYLINK l
                          WHERE l.GROUP_ID_ = n.group_id_ AND l.TYPE_ = 'candidate' AND l.TASK_ID_ = n.task_id_
                            AND NOT EXISTS (SELECT 1 FROM added a WHERE a.id_ = l.ID_))
        GROUP BY 1, 2, 3, 4""");

  /** The candidate groups of tasks whose links were deleted and that have no such link left: one open task less. */
  private static final String LINKS_REMOVED = """
      CREATE OR REPLACE FUNCTION mdg_tally_links_removed() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $tally$
      BEGIN
        INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta)
        SELECT r.group_id_, coalesce(t.TENANT_ID_, ''), coalesce(d.KEY_, ''), coalesce(t.SUSPENSION_STATE_ = 1, false),
               -count(*)
        FROM (SELECT DISTINCT task_id_, group_id_ FROM removed
              WHERE type_ = 'candidate' AND group_id_ IS NOT NULL AND task_id_ IS NOT NULL) r
        JOIN %1$sACT_RU_TASK t ON t.ID_ = r.task_id_
        LEFT JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
        WHERE NOT EXISTS (SELECT 1 FROM %1$sACT_RU_IDENTITYLINK l
                          WHERE l.GROUP_ID_ = r.group_id_ AND l.TYPE_ = 'candidate' AND l.TASK_ID_ = r.task_id_)
        GROUP BY 1, 2, 3, 4;
        RETURN NULL;
      END $tally$""";

  /**
   * Links changed in place (the engine does not do it, a database administrator might): for every task and group the
   * change touches, whether it is a candidate now less whether it was one before.
   */
  private static final String LINKS_CHANGED = linksFunction("mdg_tally_links_changed", "added", """
        INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta)
        SELECT p.group_id_, coalesce(t.TENANT_ID_, ''), coalesce(d.KEY_, ''), coalesce(t.SUSPENSION_STATE_ = 1, false),
               sum((CASE WHEN s.now THEN 1 ELSE 0 END) - (CASE WHEN s.before THEN 1 ELSE 0 END))
        FROM (SELECT DISTINCT task_id_, group_id_ FROM
                (SELECT task_id_, group_id_, type_ FROM removed
                 UNION ALL SELECT task_id_, group_id_, type_ FROM added) x
              WHERE type_ = 'candidate' AND group_id_ IS NOT NULL AND task_id_ IS NOT NULL) p
        JOIN %1$sACT_RU_TASK t ON t.ID_ = p.task_id_
        LEFT JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
        CROSS JOIN LATERAL (SELECT
            EXISTS (SELECT 1 FROM %1$sACT_RU_IDENTITYLINK l
                    WHERE l.GROUP_ID_ = p.group_id_ AND l.TYPE_ = 'candidate' AND l.TASK_ID_ = p.task_id_) AS now,
            EXISTS (SELECT 1 FROM removed r
                    WHERE r.group_id_ = p.group_id_ AND r.type_ = 'candidate' AND r.task_id_ = p.task_id_)
            OR EXISTS (SELECT 1 FROM %1$sACT_RU_IDENTITYLINK l
                    WHERE l.GROUP_ID_ = p.group_id_ AND l.TYPE_ = 'candidate' AND l.TASK_ID_ = p.task_id_
                      AND NOT EXISTS (SELECT 1 FROM added a WHERE a.id_ = l.ID_)) AS before) s
        GROUP BY 1, 2, 3, 4
        HAVING sum((CASE WHEN s.now THEN 1 ELSE 0 END) - (CASE WHEN s.before THEN 1 ELSE 0 END)) <> 0""");

  /**
   * A task moved to another tenant or process definition (a process instance migrated to another model), or was
   * suspended or activated (with its process instance, in Cockpit): its groups' open task leaves the old tenant, key
   * and state and joins the new ones.
   */
  private static final String TASK_MOVED = """
      CREATE OR REPLACE FUNCTION mdg_tally_task_moved() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $tally$
      DECLARE
        old_key varchar(255) := coalesce((SELECT KEY_ FROM %1$sACT_RE_PROCDEF WHERE ID_ = OLD.PROC_DEF_ID_), '');
        new_key varchar(255) := coalesce((SELECT KEY_ FROM %1$sACT_RE_PROCDEF WHERE ID_ = NEW.PROC_DEF_ID_), '');
        was_active boolean := coalesce(OLD.SUSPENSION_STATE_ = 1, false);
        is_active boolean := coalesce(NEW.SUSPENSION_STATE_ = 1, false);
      BEGIN
        IF old_key = new_key AND coalesce(OLD.TENANT_ID_, '') = coalesce(NEW.TENANT_ID_, '') AND was_active = is_active
        THEN
          RETURN NULL;
        END IF;
        INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta)
        SELECT g.GROUP_ID_, m.tenant, m.def_key, m.active, m.delta
        FROM (SELECT DISTINCT GROUP_ID_ FROM %1$sACT_RU_IDENTITYLINK
              WHERE TASK_ID_ = NEW.ID_ AND TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL) g
        CROSS JOIN (VALUES (coalesce(OLD.TENANT_ID_, ''), old_key, was_active, -1),
                           (coalesce(NEW.TENANT_ID_, ''), new_key, is_active, 1)) AS m(tenant, def_key, active, delta);
        RETURN NULL;
      END $tally$""";

  /**
   * Rows of one statement beyond which a links function plans its statement for the rows at hand. PL/pgSQL keeps
   * the plan a session made the first time for every later call, and that plan was made for the few rows the engine
   * inserts at once (at most 128, its batches rewritten, ADR 45): it joins the statement's new links with each other
   * one by one. A statement of many rows (a database administrator's bulk insert; a test's 160,000 links) then took
   * minutes; planned for its size it takes about a second.
   */
  static final int PLANNED_FOR_ITS_SIZE_ABOVE = 500;

  /**
   * A links trigger's function: {@code tally} (an insert into {@code open_task_tally_change} that reads the
   * statement's transition tables, {@code %1$s} the engine's table prefix) with the session's kept plan, or, when
   * {@code sized} holds more than {@link #PLANNED_FOR_ITS_SIZE_ABOVE} rows, planned anew for them
   * ({@code EXECUTE}, which sees the transition tables too).
   */
  static String linksFunction(String name, String sized, String tally) {
    return """
        CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $tally$
        BEGIN
          IF (SELECT count(*) FROM %s) <= %d THEN
        %s;
          ELSE
            EXECUTE $rows$
        %s
            $rows$;
          END IF;
          RETURN NULL;
        END $tally$""".formatted(name, sized, PLANNED_FOR_ITS_SIZE_ABOVE, tally, tally);
  }

  /*
   * Each function runs with the search path of the application's session that created it (SET search_path FROM
   * CURRENT): a database administrator's session that deletes a link finds the tally's tables all the same.
   */
  private static final List<String> TRIGGERS = List.of(
      "DROP TRIGGER IF EXISTS mdg_tally_links_added ON %1$sACT_RU_IDENTITYLINK",
      "CREATE TRIGGER mdg_tally_links_added AFTER INSERT ON %1$sACT_RU_IDENTITYLINK REFERENCING NEW TABLE AS added "
          + "FOR EACH STATEMENT EXECUTE FUNCTION mdg_tally_links_added()",
      "DROP TRIGGER IF EXISTS mdg_tally_links_removed ON %1$sACT_RU_IDENTITYLINK",
      "CREATE TRIGGER mdg_tally_links_removed AFTER DELETE ON %1$sACT_RU_IDENTITYLINK REFERENCING OLD TABLE AS removed "
          + "FOR EACH STATEMENT EXECUTE FUNCTION mdg_tally_links_removed()",
      "DROP TRIGGER IF EXISTS mdg_tally_links_changed ON %1$sACT_RU_IDENTITYLINK",
      "CREATE TRIGGER mdg_tally_links_changed AFTER UPDATE ON %1$sACT_RU_IDENTITYLINK "
          + "REFERENCING OLD TABLE AS removed NEW TABLE AS added "
          + "FOR EACH STATEMENT EXECUTE FUNCTION mdg_tally_links_changed()",
      "DROP TRIGGER IF EXISTS mdg_tally_task_moved ON %1$sACT_RU_TASK",
      "CREATE TRIGGER mdg_tally_task_moved AFTER UPDATE OF TENANT_ID_, PROC_DEF_ID_, SUSPENSION_STATE_ ON "
          + "%1$sACT_RU_TASK FOR EACH ROW WHEN (OLD.TENANT_ID_ IS DISTINCT FROM NEW.TENANT_ID_ "
          + "OR OLD.PROC_DEF_ID_ IS DISTINCT FROM NEW.PROC_DEF_ID_ "
          + "OR OLD.SUSPENSION_STATE_ IS DISTINCT FROM NEW.SUSPENSION_STATE_) "
          + "EXECUTE FUNCTION mdg_tally_task_moved()");

  /** Every open task's candidate groups as the engine's tables hold them now. */
  private static final String REBUILD = """
      INSERT INTO open_task_tally (group_id, tenant_id, proc_def_key, active, open_tasks)
      SELECT l.GROUP_ID_, coalesce(t.TENANT_ID_, ''), coalesce(d.KEY_, ''), coalesce(t.SUSPENSION_STATE_ = 1, false),
             count(DISTINCT t.ID_)
      FROM %1$sACT_RU_IDENTITYLINK l
      JOIN %1$sACT_RU_TASK t ON t.ID_ = l.TASK_ID_
      LEFT JOIN %1$sACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
      WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
      GROUP BY 1, 2, 3, 4""";

  private static final String FOLD = """
      WITH folded AS (DELETE FROM open_task_tally_change RETURNING group_id, tenant_id, proc_def_key, active, delta)
      INSERT INTO open_task_tally (group_id, tenant_id, proc_def_key, active, open_tasks)
      SELECT group_id, tenant_id, proc_def_key, active, sum(delta) FROM folded GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (group_id, tenant_id, proc_def_key, active)
      DO UPDATE SET open_tasks = open_task_tally.open_tasks + EXCLUDED.open_tasks""";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private volatile boolean kept;

  OpenTaskTally(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Whether the tally is kept on this database (PostgreSQL, installed at this start). */
  boolean kept() {
    return kept;
  }

  /**
   * Installs the triggers and rebuilds the tally, once the engine's tables and ours are both there (the order of the
   * engine's schema and Flyway at start is not fixed). Until then, and where it fails, the engine counts.
   */
  @EventListener(ApplicationReadyEvent.class)
  void install(ApplicationReadyEvent ready) {
    // the engine is taken from the context, not injected: its filter service (TalliedTaskCounts) needs this tally
    // before the engine is built
    install(ready.getApplicationContext().getBean(ProcessEngine.class));
  }

  /** Installs (again) and rebuilds from the engine's tables: what every start does. */
  void install(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = EngineTables.prefix(configuration);
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        rebuild(prefix);
        kept = true;
        LOG.info("Tasklist's counts are kept in open_task_tally (rebuilt from the engine's open tasks)");
        return;
      } catch (SQLException failure) {
        // a deadlock with an engine transaction that holds the links and waits for the tasks (40P01): try again
        if (!"40P01".equals(failure.getSQLState()) || attempt == 3) {
          // a database user without the right to create triggers: the engine counts, slower, not wrong
          LOG.warn("Could not keep Tasklist's counts in open_task_tally ({}); the engine counts every task instead",
              failure.getMessage());
          return;
        }
      }
    }
  }

  private void rebuild(String prefix) throws SQLException {
    inOneTransaction(sql -> {
      // the engine's writers wait (about half a second at 100,000 open tasks): no change is missed or counted twice
      sql.execute("LOCK TABLE " + prefix + "ACT_RU_TASK IN SHARE ROW EXCLUSIVE MODE");
      sql.execute("LOCK TABLE " + prefix + "ACT_RU_IDENTITYLINK IN SHARE ROW EXCLUSIVE MODE");
      sql.execute("LOCK TABLE open_task_tally IN EXCLUSIVE MODE");
      for (String function : List.of(LINKS_ADDED, LINKS_REMOVED, LINKS_CHANGED, TASK_MOVED)) {
        sql.execute(function.formatted(prefix));
      }
      for (String trigger : TRIGGERS) {
        sql.execute(trigger.formatted(prefix));
      }
      sql.execute("DELETE FROM open_task_tally_change");
      sql.execute("DELETE FROM open_task_tally");
      sql.execute(REBUILD.formatted(prefix));
    });
  }

  /** Work on one connection of ours, in one transaction: committed whole, or rolled back whole. */
  private interface SqlWork {
    void on(Statement sql) throws SQLException;
  }

  private void inOneTransaction(SqlWork work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        work.on(sql);
        connection.commit();
      } catch (SQLException failure) {
        connection.rollback();
        throw failure;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** Folds the changes written since the last fold into the tally. Every node may: the fold holds the tally. */
  @Scheduled(fixedDelayString = "${madoguchi.desk.task-tally-fold-interval}",
      initialDelayString = "${madoguchi.desk.task-tally-fold-interval}")
  void fold() {
    if (!kept) {
      return;
    }
    try {
      inOneTransaction(sql -> {
        sql.execute("LOCK TABLE open_task_tally IN EXCLUSIVE MODE");
        sql.executeUpdate(FOLD);
        sql.executeUpdate("DELETE FROM open_task_tally WHERE open_tasks = 0");
      });
    } catch (SQLException failure) {
      // the changes stay and are folded next time; counts stay right meanwhile (they read the changes too)
      LOG.warn("Could not fold the open task tally's changes: {}", failure.getMessage());
    }
  }

  /**
   * The open tasks of a candidate group that a user with this access sees, or nothing where the tally cannot say:
   * tasks without a process definition (standalone or CMMN tasks, whose visibility the engine decides per task) for a
   * user without a grant on every definition, or a tally that went below zero.
   */
  OptionalLong count(String group, Access access) {
    record Row(String tenant, String key, boolean active, long tasks) {}
    List<Row> rows = jdbc.sql("""
            SELECT tenant_id, proc_def_key, active, sum(n) FROM (
              SELECT tenant_id, proc_def_key, active, open_tasks AS n FROM open_task_tally WHERE group_id = :group
              UNION ALL
              SELECT tenant_id, proc_def_key, active, delta AS n FROM open_task_tally_change WHERE group_id = :group) t
            GROUP BY tenant_id, proc_def_key, active""")
        .param("group", group)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4))).list();
    long count = 0;
    for (Row row : rows) {
      if (row.tasks() < 0) {
        LOG.warn("The open task tally of group {} is below zero ({} at tenant '{}', key '{}'); the engine counts until "
            + "the next start rebuilds it", group, row.tasks(), row.tenant(), row.key());
        return OptionalLong.empty();
      }
      if (row.tasks() == 0 || !access.tenant(row.tenant()) || (access.activeOnly() && !row.active())) {
        continue;
      }
      if (row.key().isEmpty() && !access.allKeys()) {
        return OptionalLong.empty();
      }
      if (access.key(row.key())) {
        count += row.tasks();
      }
    }
    return OptionalLong.of(count);
  }
}
