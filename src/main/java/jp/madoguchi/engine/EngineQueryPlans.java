package jp.madoguchi.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Which of the engine's statements PostgreSQL plans anew at every execution, and which it may plan once per
 * connection: ADR 44.
 *
 * <p>Until issue 21, session 18, every session of the {@code postgres} profile ran with
 * {@code plan_cache_mode=force_custom_plan}, for the engine's task queries (issue 20: a cached generic plan knows
 * neither the user's groups nor the permission bits). That also planned every insert, update, delete, lookup by id
 * and every foreign-key check anew, each time: half of PostgreSQL's time in the benchmark of a whole request
 * (27.7 s of planning against 27.7 s of execution, {@code pg_stat_statements}), for plans that never change.
 *
 * <p>Now the sessions run with PostgreSQL's own choice ({@code auto}: five plans with the values, then the cached
 * plan only where it is not dearer), and this plugin keeps the old rule for the statements it was made for: every
 * select of the engine's query API (criteria, native and count queries: the task queries of Tasklist and the REST
 * API, their authorization checks), the job acquisition and history cleanup, is sent to PostgreSQL as a statement
 * without a name ({@link PGConnection#setPrepareThreshold(int) prepare threshold} 0), which PostgreSQL plans with its
 * values every time, as before. On another database (H2) nothing changes.
 */
@Component
public class EngineQueryPlans extends AbstractProcessEnginePlugin {

  /**
   * The engine's selects planned with their values every time: the query API's ({@code ...ByQueryCriteria},
   * {@code ...ByNativeQuery}, counts), authorization checks, job acquisition, history cleanup, reports and
   * statistics. Native queries count among them, except those whose SQL starts with {@link #KEEPS_ITS_PLAN}
   * ({@link #planning}).
   */
  static final Pattern PLANNED_EACH_TIME = Pattern.compile(
      "ByQueryCriteria|ByNativeQuery|Count|Authoriz|NextJobsToExecute|Cleanup|Report|Statistics",
      Pattern.CASE_INSENSITIVE);

  /**
   * The start of a native query that PostgreSQL may plan once per connection, as it does a lookup by id: the desk's
   * own lookups of one request's instances and tasks by its business key ({@code process.RequestInstances}), whose
   * plan is the same whatever the key and whoever asks. A native query without it (an administrator's, over REST) is
   * planned with its values every time, as every native query was before issue 21, session 19.
   */
  public static final String KEEPS_ITS_PLAN = "/* keeps its plan */ ";

  private static final Pattern NATIVE_QUERY = Pattern.compile("ByNativeQuery", Pattern.CASE_INSENSITIVE);

  // after init: the MyBatis configuration exists then, and every executor made later (one per engine session) passes
  // the chain
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedEachTime());
  }

  /** Whether the engine's statement of this id and kind is planned with its values at every execution. */
  static boolean plannedEachTime(String statementId, SqlCommandType type) {
    return type == SqlCommandType.SELECT && PLANNED_EACH_TIME.matcher(statementId).find();
  }

  /** How the engine's statement of this id and kind is planned: its SQL decides for a native query. */
  static Planning planning(String statementId, SqlCommandType type) {
    if (!plannedEachTime(statementId, type)) {
      return Planning.KEPT;
    }
    return NATIVE_QUERY.matcher(statementId).find() ? Planning.AS_ITS_SQL_SAYS : Planning.EACH_TIME;
  }

  /** Whether a native query's parameters (the engine's map, its SQL under {@code sql}) ask for a kept plan. */
  static boolean keepsItsPlan(Object parameter) {
    return parameter instanceof Map<?, ?> parameters && parameters.get("sql") instanceof String sql
        && sql.startsWith(KEEPS_ITS_PLAN);
  }

  /** How a statement is planned on PostgreSQL. */
  enum Planning {
    /** PostgreSQL's own choice: five plans with the values, then a cached plan where it is not dearer. */
    KEPT,
    /** With its values, at every execution. */
    EACH_TIME,
    /** A native query: kept when its SQL starts with {@link #KEEPS_ITS_PLAN}, else each time. */
    AS_ITS_SQL_SAYS
  }

  /**
   * Gives the statements that {@link #planning} plans each time no name on PostgreSQL: while the engine's executor
   * runs such a query, the JDBC connection's prepare threshold is 0, so the statements it makes for it are sent
   * without a name.
   * It wraps the executor (one per engine session), not every statement handler: reading a handler's statement back
   * by reflection, with a proxy per handler, cost a tenth of the intake's CPU samples when this was first written so;
   * and it makes its proxy itself, since MyBatis's {@code Plugin.wrap} reads an interceptor's annotations anew for
   * every object it wraps (issue 21, session 18).
   */
  static final class PlannedEachTime implements Interceptor {

    private static final Class<?>[] EXECUTOR = {Executor.class};

    private final Map<String, Planning> chosen = new ConcurrentHashMap<>();

    /**
     * The executor's {@code query} methods (their first argument is the mapped statement, their second its
     * parameters) come here.
     */
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement mapped = (MappedStatement) invocation.getArgs()[0];
      Planning planning = chosen.computeIfAbsent(mapped.getId(), id -> planning(id, mapped.getSqlCommandType()));
      if (planning == Planning.KEPT
          || planning == Planning.AS_ITS_SQL_SAYS && keepsItsPlan(invocation.getArgs()[1])) {
        return invocation.proceed();
      }
      Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
      if (!connection.isWrapperFor(PGConnection.class)) {
        return invocation.proceed();
      }
      PGConnection postgres = connection.unwrap(PGConnection.class);
      int threshold = postgres.getPrepareThreshold();
      postgres.setPrepareThreshold(0);
      try {
        return invocation.proceed();
      } finally {
        postgres.setPrepareThreshold(threshold);
      }
    }

    @Override
    public Object plugin(Object target) {
      if (!(target instanceof Executor executor)) {
        return target;
      }
      return Proxy.newProxyInstance(Executor.class.getClassLoader(), EXECUTOR, (proxy, method, args) -> {
        try {
          return "query".equals(method.getName()) && args[0] instanceof MappedStatement
              ? intercept(new Invocation(executor, method, args)) : method.invoke(executor, args);
        } catch (InvocationTargetException failure) {
          // what the executor threw, as MyBatis's own proxies pass it on
          throw failure.getCause();
        }
      });
    }

    @Override
    public void setProperties(Properties properties) {}
  }
}
