package jp.madoguchi.desk;

import camundajar.impl.com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A filter's count as the engine's own command takes it (the filter read with the user's READ check, the query
 * extended with what the caller sent), answered from the {@link OpenTaskTally} when the answer is exactly the
 * engine's: the query asks for one candidate group's tasks, assigned or not, perhaps active ones only, and nothing else
 * (sorting aside), and the
 * user's grants on tasks are by process definition key or on every task, with no revocation and no grant on a single
 * task. Any other filter, query or user is counted by the engine, as before (issue 20, ADR 0039).
 */
final class TalliedFilterCountCmd extends ExecuteFilterCountCmd {

  private static final long serialVersionUID = 1L;
  private static final int TASK = 7;
  private static final int PROCESS_DEFINITION = 6;
  private static final int READ = 2;
  private static final int READ_TASK = 64;
  /**
   * The most grants (by key or by task) a user may hold for the tally to answer: beyond, as for a group a designer
   * introduced, whose members the engine grants every task one by one, the engine's join weighs them better than a
   * list of ids.
   */
  static final int MOST_GRANTS_WEIGHED_HERE = 200;

  private final transient OpenTaskTally tally;
  private final transient JdbcClient jdbc;

  TalliedFilterCountCmd(String filterId, Query<?, ?> extendingQuery, OpenTaskTally tally, JdbcClient jdbc) {
    super(filterId, extendingQuery);
    this.tally = tally;
    this.jdbc = jdbc;
  }

  @Override
  public Long execute(CommandContext commandContext) {
    Filter filter = getFilter(commandContext);
    Query<?, ?> query = filter.getQuery();
    OptionalLong kept = tally.kept() ? keptCount(commandContext, query) : OptionalLong.empty();
    return kept.isPresent() ? kept.getAsLong() : query.count();
  }

  private OptionalLong keptCount(CommandContext commandContext, Query<?, ?> query) {
    Shape shape = shape(query);
    if (shape == null) {
      return OptionalLong.empty();
    }
    OpenTaskTally.Access access = access(commandContext, shape.activeOnly());
    if (access == null || access.grantedIds().size() > MOST_GRANTS_WEIGHED_HERE) {
      return OptionalLong.empty();
    }
    OptionalLong byKey = tally.count(shape.group(), access);
    if (byKey.isEmpty() || access.allKeys() || access.grantedIds().isEmpty()) {
      return byKey;
    }
    return OptionalLong.of(byKey.getAsLong() + grantedOneByOne(commandContext, shape, access));
  }

  /**
   * The group's tasks a user sees through a grant on the task itself (the engine gives an assignee one) and not
   * through a grant on its definition: the tally counts by key, these are counted here, one by one (a user's own
   * few). A user with a grant on every task needs none of it.
   */
  private long grantedOneByOne(CommandContext commandContext, Shape shape, OpenTaskTally.Access access) {
    ProcessEngineConfigurationImpl configuration = commandContext.getProcessEngineConfiguration();
    String prefix = EngineTables.prefix(configuration);
    List<String> ids = List.copyOf(access.grantedIds());
    String list = String.join(", ", ids.stream().map(id -> "?").toList());
    List<Object> parameters = new ArrayList<>(List.of(shape.group()));
    parameters.addAll(ids);
    parameters.addAll(ids);
    String tenantClause = "";
    if (!access.allTenants()) {
      tenantClause = access.tenants().isEmpty() ? " AND t.TENANT_ID_ IS NULL"
          : " AND (t.TENANT_ID_ IS NULL OR t.TENANT_ID_ IN ("
              + String.join(", ", access.tenants().stream().map(tenant -> "?").toList()) + "))";
      parameters.addAll(access.tenants());
    }
    return jdbc.sql("SELECT count(DISTINCT t.ID_) FROM " + prefix + "ACT_RU_TASK t"
            + " JOIN " + prefix + "ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'"
            + " AND l.GROUP_ID_ = ?"
            + " JOIN " + prefix + "ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
            + " WHERE t.ID_ IN (" + list + ") AND d.KEY_ NOT IN (" + list + ")" + tenantClause
            + (shape.activeOnly() ? " AND t.SUSPENSION_STATE_ = 1" : ""))
        .params(parameters).query(Long.class).single();
  }

  /** A query the tally answers: one candidate group's tasks, all of them or the active ones only. */
  record Shape(String group, boolean activeOnly) {}

  /**
   * The shape of a query that asks for nothing but one candidate group's tasks, assigned or not (as the desk's and
   * the owning groups' filters do), perhaps active ones only (as Tasklist asks); null for any other query. The query
   * is compared, in the engine's own JSON form of a task query, with one that asks exactly that: any other criterion,
   * expression or variable makes them differ.
   */
  static Shape shape(Query<?, ?> query) {
    if (!(query instanceof TaskQueryImpl tasks) || tasks.getCandidateGroup() == null) {
      return null;
    }
    try {
      JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
      JsonObject asked = converter.toJsonObject(tasks);
      asked.remove(JsonTaskQueryConverter.ORDERING_PROPERTIES);
      // the REST API's task query (Tasklist's) always sends this list; empty, the engine's SQL leaves it out
      if (asked.has(JsonTaskQueryConverter.PROCESS_INSTANCE_ID_IN)
          && asked.get(JsonTaskQueryConverter.PROCESS_INSTANCE_ID_IN).isJsonArray()
          && asked.getAsJsonArray(JsonTaskQueryConverter.PROCESS_INSTANCE_ID_IN).isEmpty()) {
        asked.remove(JsonTaskQueryConverter.PROCESS_INSTANCE_ID_IN);
      }
      for (boolean activeOnly : new boolean[] {false, true}) {
        TaskQueryImpl alone = new TaskQueryImpl();
        alone.taskCandidateGroup(tasks.getCandidateGroup()).includeAssignedTasks();
        if (activeOnly) {
          alone.active();
        }
        JsonObject expected = converter.toJsonObject(alone);
        expected.remove(JsonTaskQueryConverter.ORDERING_PROPERTIES);
        if (asked.equals(expected)) {
          return new Shape(tasks.getCandidateGroup(), activeOnly);
        }
      }
      return null;
    } catch (RuntimeException unexpected) {
      return null;
    }
  }

  /**
   * What the engine's check lets this user see of a group's tasks: by definition key or every key (the engine's
   * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} over the user's and groups' grants of READ on tasks and
   * READ_TASK on definitions), in no tenant but the user's; null where the tally cannot answer it.
   */
  private OpenTaskTally.Access access(CommandContext commandContext, boolean activeOnly) {
    ProcessEngineConfigurationImpl configuration = commandContext.getProcessEngineConfiguration();
    Authentication authentication = commandContext.getAuthentication();
    boolean tenantCheck = commandContext.getTenantManager().isTenantCheckEnabled();
    Set<String> tenants = new HashSet<>();
    if (tenantCheck && authentication != null && authentication.getTenantIds() != null) {
      tenants.addAll(authentication.getTenantIds());
    }
    boolean authorizationCheck = configuration.isAuthorizationEnabled()
        && commandContext.isAuthorizationCheckEnabled() && authentication != null
        && !commandContext.getAuthorizationManager().isCamundaAdmin(authentication);
    if (!authorizationCheck) {
      return new OpenTaskTally.Access(true, Set.of(), !tenantCheck, tenants, activeOnly);
    }
    if (authentication.getUserId() == null) {
      return null;
    }
    String prefix = EngineTables.prefix(configuration);
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    List<Object> whose = new ArrayList<>(List.of(authentication.getUserId(), "*"));
    String groupClause = "";
    if (!groups.isEmpty()) {
      groupClause = " OR GROUP_ID_ IN (" + String.join(", ", groups.stream().map(g -> "?").toList()) + ")";
      whose.addAll(groups);
    }
    List<Map<String, Object>> grants = jdbc.sql("SELECT TYPE_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM " + prefix
            + "ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN (6, 7) AND (USER_ID_ IN (?, ?)" + groupClause + ")")
        .params(whose).query().listOfRows();
    // the engine matches every grant's resource id with the task's id, its definition's key and '*', whatever the
    // resource type of the grant: a task is seen when its id or its key is among them, or '*' is
    Set<String> resourceIds = new HashSet<>();
    for (Map<String, Object> grant : grants) {
      int type = ((Number) grant.get("TYPE_")).intValue();
      int resource = ((Number) grant.get("RESOURCE_TYPE_")).intValue();
      int permissions = ((Number) grant.get("PERMS_")).intValue();
      if (type >= 2) {
        // a revocation: the engine weighs it task by task
        return null;
      }
      if ((resource == TASK && (permissions & READ) == READ)
          || (resource == PROCESS_DEFINITION && (permissions & READ_TASK) == READ_TASK)) {
        resourceIds.add((String) grant.get("RESOURCE_ID_"));
      }
    }
    boolean allKeys = resourceIds.contains("*");
    return new OpenTaskTally.Access(allKeys, allKeys ? Set.of() : resourceIds, !tenantCheck, tenants, activeOnly);
  }
}
