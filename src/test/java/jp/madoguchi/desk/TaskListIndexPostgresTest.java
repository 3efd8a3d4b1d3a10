package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * On PostgreSQL, with thousands of open tasks, the desk's first Tasklist page is read along the task list index
 * instead of reading, joining and sorting every open task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class TaskListIndexPostgresTest {

  /**
   * The engine's SQL (Camunda 7.24, PostgreSQL) for {@code taskCandidateGroup("privacy-desk").orderByDueDate().asc()
   * .listPage(0, 15)} run by a member of {@code privacy-desk} with authorization checks on: a distinct select over
   * the tasks, their candidate links, their definitions and the user's grants.
   */
  static final String DESK_FIRST_PAGE = """
      select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_,
        RES.CREATE_TIME_, RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_,
        RES.PROC_DEF_ID_, RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_,
        RES.DUE_DATE_, RES.FOLLOW_UP_DATE_, RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_
      from ACT_RU_TASK RES
      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
      left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
      left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
          AND (A.USER_ID_ in ('desk-member', '*') OR A.GROUP_ID_ IN ('privacy-desk'))
          AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2) OR (A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))) AUTH
        ON (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))
      WHERE RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and I.GROUP_ID_ = 'privacy-desk'
        and AUTH.RESOURCE_ID_ IS NOT NULL and (RES.TENANT_ID_ is null)
      order by RES.DUE_DATE_ asc LIMIT 15 OFFSET 0""";

  @Autowired DataSource dataSource;

  /**
   * 60,000 open desk tasks, as a breach brings them (thousands a day share a due date), written straight into the
   * engine's tables in a transaction that is rolled back: the plan is read, nothing stays. (At 20,000 the planner's
   * estimate of the grant join's selectivity can still make the full sort look cheaper on a database with little else
   * in it; from tens of thousands on the index wins by an order of magnitude of cost, and in time.)
   */
  @Test
  void theDesksFirstPageIsReadAlongTheIndex() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        sql.execute("""
            INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, DESCRIPTION_, PRIORITY_, CREATE_TIME_, DUE_DATE_,
                SUSPENSION_STATE_, TASK_STATE_)
            SELECT 'index-check-' || n, 1, 'Index check ' || n, repeat('x', 200), 50, now(),
                date_trunc('day', now()) + (n / 2000) * interval '1 day', 1, 'Created'
            FROM generate_series(1, 60000) AS n""");
        sql.execute("""
            INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
            SELECT 'index-check-link-' || n, 1, 'privacy-desk', 'candidate', 'index-check-' || n
            FROM generate_series(1, 60000) AS n""");
        sql.execute("ANALYZE ACT_RU_TASK");
        sql.execute("ANALYZE ACT_RU_IDENTITYLINK");
        List<String> plan = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("EXPLAIN " + DESK_FIRST_PAGE)) {
          while (rows.next()) {
            plan.add(rows.getString(1));
          }
        }
        String text = String.join("\n", plan);
        assertThat(text).as(text).containsIgnoringCase("Index Scan using " + TaskListIndex.NAME)
            .doesNotContainIgnoringCase("Seq Scan on act_ru_task");
      } finally {
        connection.rollback();
      }
    }
  }
}
