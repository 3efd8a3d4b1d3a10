package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The task list indexes are there once the application has started (here on H2), and creating it again is a no-op. */
@DeskTest
class TaskListIndexTest {

  @Autowired DataSource dataSource;

  @Test
  void theIndexIsCreatedAtStartAndAgainChangesNothing() {
    assertThat(TaskListIndex.exists(dataSource)).isTrue();
    assertThat(TaskListIndex.exists(dataSource, "ACT_RU_IDENTITYLINK", TaskListIndex.CANDIDATES)).isTrue();
    assertThat(TaskListIndex.exists(dataSource, "ACT_RU_AUTHORIZATION", TaskListIndex.USER_GRANTS)).isTrue();
    TaskListIndex.create(dataSource, TaskListIndex.DDL);
    TaskListIndex.create(dataSource, TaskListIndex.CANDIDATES_DDL);
    assertThat(TaskListIndex.exists(dataSource)).isTrue();
    assertThat(TaskListIndex.exists(dataSource, "ACT_RU_IDENTITYLINK", TaskListIndex.CANDIDATES)).isTrue();
  }
}
