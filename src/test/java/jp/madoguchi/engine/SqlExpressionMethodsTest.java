package jp.madoguchi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import jp.madoguchi.support.DeskTest;
import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.NoSuchPropertyException;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's SQL conditions read their properties through {@link SqlExpressionMethods}, which answers as OGNL's own
 * accessor does (a bean getter, a method of the property's name, a public field, a missing name, a method that fails)
 * and looks each name up once.
 */
@DeskTest
class SqlExpressionMethodsTest {

  @Autowired ProcessEngine engine;

  /** Properties of each kind the engine's parameter objects have. */
  public static class Parameters {
    public int count = 3;
    private final boolean orQueryActive;

    Parameters(boolean orQueryActive) {
      this.orQueryActive = orQueryActive;
    }

    public String getName() {
      return "a name";
    }

    /** Named as the engine's mappings name it: a method, not a bean property (that would be orQueryActive). */
    public boolean isOrQueryActive() {
      return orQueryActive;
    }

    public String failing() {
      throw new IllegalStateException("the method failed");
    }
  }

  /** Public members only, as MyBatis allows when it cannot make a member accessible. */
  static final MemberAccess PUBLIC_ONLY = new MemberAccess() {
    @Override
    public Object setup(OgnlContext context, Object target, Member member, String propertyName) {
      return null;
    }

    @Override
    public void restore(OgnlContext context, Object target, Member member, String propertyName, Object state) {}

    @Override
    public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
      return Modifier.isPublic(member.getModifiers());
    }
  };

  @Test
  void theEnginesParameterObjectsAreReadThroughIt() throws OgnlException {
    assertThat(engine).isNotNull();
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isSameAs(SqlExpressionMethods.ACCESSOR);
    // maps keep OGNL's own accessor
    assertThat(OgnlRuntime.getPropertyAccessor(HashMap.class)).isNotSameAs(SqlExpressionMethods.ACCESSOR);
  }

  @Test
  void itAnswersAsOgnlsOwnAccessorDoes() throws OgnlException {
    Parameters parameters = new Parameters(true);
    OgnlContext context = Ognl.createDefaultContext(parameters, PUBLIC_ONLY);
    PropertyAccessor ognls = new ObjectPropertyAccessor();
    PropertyAccessor ours = SqlExpressionMethods.ACCESSOR;
    for (String name : List.of("name", "isOrQueryActive", "count")) {
      assertThat(ours.getProperty(context, parameters, name)).as(name)
          .isEqualTo(ognls.getProperty(context, parameters, name));
    }
    assertThat(ours.getProperty(context, parameters, "isOrQueryActive")).isEqualTo(true);
    assertThat(ours.getProperty(context, new Parameters(false), "isOrQueryActive")).isEqualTo(false);
    assertThat(ours.getProperty(context, parameters, "count")).isEqualTo(3);

    assertThatThrownBy(() -> ognls.getProperty(context, parameters, "missing"))
        .isInstanceOf(NoSuchPropertyException.class);
    assertThatThrownBy(() -> ours.getProperty(context, parameters, "missing"))
        .isInstanceOf(NoSuchPropertyException.class);
    assertThatThrownBy(() -> ognls.getProperty(context, parameters, "failing"))
        .isInstanceOf(OgnlException.class).hasRootCauseMessage("the method failed");
    assertThatThrownBy(() -> ours.getProperty(context, parameters, "failing"))
        .isInstanceOf(OgnlException.class).hasRootCauseMessage("the method failed");
  }

  /** A class no other test reads: what the accessor kept of it comes from this test's conditions alone. */
  public static class Conditions extends Parameters {
    Conditions(boolean orQueryActive) {
      super(orQueryActive);
    }
  }

  @Test
  void eachNameOfAClassIsLookedUpOnce() {
    // through MyBatis, as a mapping's condition is evaluated
    String condition = "isOrQueryActive and name == 'a name' and count == 3";
    assertThat(OgnlCache.getValue(condition, new Conditions(true))).isEqualTo(true);
    assertThat(SqlExpressionMethods.ACCESSOR.namesKept(Conditions.class)).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(OgnlCache.getValue(condition, new Conditions(i % 2 == 0))).isEqualTo(i % 2 == 0);
    }
    assertThat(SqlExpressionMethods.ACCESSOR.namesKept(Conditions.class)).isEqualTo(3);
  }

  @Test
  void theEnginesQueriesReadTheirConditionsThroughIt() {
    Task task = engine.getTaskService().newTask();
    task.setName("SqlExpressionMethodsTest");
    engine.getTaskService().saveTask(task);
    try {
      // an or-query: its mapping asks isOrQueryActive in every branch
      List<Task> found = engine.getTaskService().createTaskQuery().or().taskName("SqlExpressionMethodsTest")
          .taskId("no-such-task").endOr().list();
      assertThat(found).extracting(Task::getId).containsExactly(task.getId());
      assertThat(engine.getTaskService().createTaskQuery().or().taskName("no such name").taskId("no-such-task")
          .endOr().count()).isZero();
      assertThat(SqlExpressionMethods.ACCESSOR.namesKept(TaskQueryImpl.class)).isPositive();
    } finally {
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }
}
