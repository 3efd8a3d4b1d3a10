package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, a filter's count is kept in the {@link OpenTaskTally} by the engine's own writes and answered from
 * it only where it is exactly what the engine would count: for every kind of user (desk, My Number staff, manager,
 * an owning group with a grant by definition key, an administrator) the kept count equals the engine's count of the
 * same query under the same authentication, after every kind of change the engine makes to tasks (new tasks, a
 * second link to the same group, a removed link, a suspended instance, a task in another tenant, a deleted instance),
 * after the changes are folded and after a rebuild. A change row written by hand shows in the answers, which proves
 * they came from the tally, and does not show for a user the tally cannot answer (a grant on a single task).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class OpenTaskTallyPostgresTest {

  private static final String OWNERS = "tally-owners";
  private static final String BULK = "tally-bulk-group";
  private static final String BULK_OTHER = "tally-bulk-other-group";
  private static final String OWNER_FILTER = "tally test: owners' tasks";
  private static final String PASSWORD = "Tally-desk-2026";

  /** A user as the engine's authentication has it. */
  record Who(String user, List<String> groups, List<String> tenants) {}

  private static final Who DESK = new Who("tally-desk", List.of(DeskGroups.PRIVACY_DESK), List.of());
  private static final Who SPECIALIST = new Who("tally-specialist",
      List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC),
      List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT));
  private static final Who MANAGER = new Who("tally-manager",
      List.of(DeskGroups.PRIVACY_MANAGERS, DeskGroups.PRIVACY_DESK), List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT));
  private static final Who ADMIN = new Who("tally-admin", List.of(DeskGroups.CAMUNDA_ADMIN), List.of());
  /** A member of an owning group whose system is entitled to My Number (so in the tenant). */
  private static final Who OWNER =
      new Who("tally-owner", List.of(OWNERS), List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT));
  /**
   * Granted one task of the desk's by its id (counted one by one) and the tasks of a definition key no task has yet
   * (counted from the tally).
   */
  private static final Who ONE_TASK = new Who("tally-one-task", List.of("tally-one-task-group"), List.of());
  private static final String UNUSED_KEY = "tally-test-no-such-model";
  /** Holds more grants than the tally weighs (a designer's group, granted task by task): the engine counts. */
  private static final Who MANY_GRANTS = new Who("tally-many-grants", List.of("tally-many-grants-group"), List.of());
  /** Holds a revocation: the engine weighs it task by task, so the engine counts for this user. */
  private static final Who REVOKED = new Who("tally-revoked", List.of("tally-revoked-group"), List.of());

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired OpenTaskTally tally;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired PlatformTransactionManager transactionManager;

  private final List<String> grants = new ArrayList<>();
  private final List<String> instances = new ArrayList<>();
  private String deskFilter;
  private String ownerFilter;
  private String checkTask;
  private String specificTask;
  private String key;
  /** The owning group's tasks left by other tests in the shared database. */
  private long ownersBefore;

  @BeforeEach
  void requestsAtTheirCheckAndAnOwningGroup() {
    assertThat(tally.kept()).as("the tally is installed on PostgreSQL").isTrue();
    checkTask = checkTaskOf(TestRequests.request(register).type(RequestType.DISCLOSURE).register());
    checkTaskOf(TestRequests.request(register).type(RequestType.CORRECTION).register());
    specificTask = checkTaskOf(TestRequests.request(register).type(RequestType.DISCLOSURE).specific().register());
    Task check = engine.getTaskService().createTaskQuery().taskId(checkTask).singleResult();
    key = engine.getRepositoryService().getProcessDefinition(check.getProcessDefinitionId()).getKey();
    assertThat(engine.getTaskService().createTaskQuery().taskId(specificTask).singleResult().getTenantId())
        .isEqualTo(DeskGroups.SPECIFIC_INFORMATION_TENANT);

    deskFilter = engine.getFilterService().createFilterQuery().filterName("窓口の未処理タスク / Desk's open tasks")
        .singleResult().getId();
    Filter owners = engine.getFilterService().newTaskFilter(OWNER_FILTER);
    owners.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup(OWNERS).includeAssignedTasks()
        .orderByDueDate().asc());
    ownerFilter = engine.getFilterService().saveFilter(owners).getId();
    grant(OWNERS, Resources.FILTER, ownerFilter, Permissions.READ);
    grant(OWNERS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_TASK);
    grant(ONE_TASK.groups().get(0), Resources.FILTER, deskFilter, Permissions.READ);
    grant(ONE_TASK.groups().get(0), Resources.TASK, checkTask, Permissions.READ);
    grant(ONE_TASK.groups().get(0), Resources.PROCESS_DEFINITION, UNUSED_KEY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(REVOKED.groups().get(0), Resources.FILTER, deskFilter, Permissions.READ);
    grant(REVOKED.groups().get(0), Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId(REVOKED.groups().get(0));
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(specificTask);
    revoke.removePermission(Permissions.READ);
    grants.add(authorizations.saveAuthorization(revoke).getId());
    usersExist();
    ownersBefore = engines(OWNER, OWNERS, false);
    engine.getTaskService().addCandidateGroup(checkTask, OWNERS);
    engine.getTaskService().addCandidateGroup(specificTask, OWNERS);
  }

  /** The desk member and the owner as Camunda users, so that tasks can be given to them. */
  private void usersExist() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(OWNERS).count() == 0) {
      identity.saveGroup(identity.newGroup(OWNERS));
    }
    for (Who who : List.of(DESK, OWNER)) {
      if (identity.createUserQuery().userId(who.user()).count() == 0) {
        User user = identity.newUser(who.user());
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(who.user(), who.groups().get(0));
      }
    }
  }

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    // the engine removes a task's grants with the task
    grants.stream().filter(id -> engine.getAuthorizationService().createAuthorizationQuery().authorizationId(id)
        .count() > 0).forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    engine.getFilterService().deleteFilter(ownerFilter);
    for (String instance : instances) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(instance, "tally test", true, true);
      }
    }
    // the changes written by hand go (they may have been folded in meanwhile): rebuilt as at a start
    tally.install(engine);
  }

  @Test
  void everyUsersKeptCountIsTheEnginesAndComesFromTheTally() {
    assertAllCountsAreTheEngines();
    assertThat(kept(OWNER, ownerFilter)).isEqualTo(ownersBefore + 2);

    // a change written by hand: the answers that come from the tally show it, the one the engine counts does not
    jdbc.sql("INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta) "
        + "VALUES (?, '', ?, true, 1000)").params(DeskGroups.PRIVACY_DESK, key).update();
    for (Who who : List.of(DESK, SPECIALIST, MANAGER, ADMIN)) {
      assertThat(kept(who, deskFilter)).as(who.user()).isEqualTo(engines(who, DeskGroups.PRIVACY_DESK, false) + 1000);
    }
    assertThat(kept(ONE_TASK, deskFilter)).as("the task granted by its id, counted one by one")
        .isEqualTo(engines(ONE_TASK, DeskGroups.PRIVACY_DESK, false)).isEqualTo(1);
    jdbc.sql("INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta) "
        + "VALUES (?, '', ?, true, 1000)").params(DeskGroups.PRIVACY_DESK, UNUSED_KEY).update();
    assertThat(kept(ONE_TASK, deskFilter)).as("the key granted, from the tally; the task granted, one by one")
        .isEqualTo(engines(ONE_TASK, DeskGroups.PRIVACY_DESK, false) + 1000).isEqualTo(1001);
    assertThat(kept(REVOKED, deskFilter)).as("a revocation: the engine counts")
        .isEqualTo(engines(REVOKED, DeskGroups.PRIVACY_DESK, false));

    // a user with more grants than the tally weighs, among them the key of the row written by hand: the engine counts
    String many = MANY_GRANTS.groups().get(0);
    grant(many, Resources.FILTER, deskFilter, Permissions.READ);
    grant(many, Resources.PROCESS_DEFINITION, UNUSED_KEY, ProcessDefinitionPermissions.READ_TASK);
    grant(many, Resources.TASK, checkTask, Permissions.READ);
    for (int i = 0; i < TalliedFilterCountCmd.MOST_GRANTS_WEIGHED_HERE; i++) {
      String id = "tally-test-task-" + i;
      grant(many, Resources.TASK, id, Permissions.READ);
    }
    assertThat(kept(MANY_GRANTS, deskFilter)).isEqualTo(engines(MANY_GRANTS, DeskGroups.PRIVACY_DESK, false))
        .isEqualTo(1);
  }

  @Test
  void theTallyFollowsEveryChangeTheEngineMakesToTasks() {
    // a second link of the same group to the same task: the engine counts the task once
    engine.getTaskService().addCandidateGroup(checkTask, OWNERS);
    assertAllCountsAreTheEngines();
    assertThat(kept(OWNER, ownerFilter)).isEqualTo(ownersBefore + 2);

    // tasks given to a desk member and to an owner: the engine grants each of them their task by its id
    engine.getTaskService().setAssignee(checkTask, DESK.user());
    engine.getTaskService().setAssignee(specificTask, OWNER.user());
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn(OWNER.user())
        .resourceType(Resources.TASK).resourceId(specificTask).count()).isEqualTo(1);
    assertAllCountsAreTheEngines();
    assertThat(kept(OWNER, ownerFilter)).isEqualTo(ownersBefore + 2);

    engine.getTaskService().deleteCandidateGroup(checkTask, OWNERS);
    assertAllCountsAreTheEngines();
    assertThat(kept(OWNER, ownerFilter)).isEqualTo(ownersBefore + 1);

    // a suspended instance's task: still open, not active (Tasklist lists active tasks only)
    String suspended = engine.getTaskService().createTaskQuery().taskId(specificTask).singleResult()
        .getProcessInstanceId();
    engine.getRuntimeService().suspendProcessInstanceById(suspended);
    assertAllCountsAreTheEngines();
    assertThat(keptActive(OWNER, ownerFilter)).isEqualTo(ownersBefore);
    assertThat(kept(OWNER, ownerFilter)).isEqualTo(ownersBefore + 1);
    engine.getRuntimeService().activateProcessInstanceById(suspended);
    assertAllCountsAreTheEngines();

    // a task moved to the My Number tenant (as a database administrator could): the desk no longer sees it
    long desks = kept(DESK, deskFilter);
    jdbc.sql("UPDATE ACT_RU_TASK SET TENANT_ID_ = ? WHERE ID_ = ?")
        .params(DeskGroups.SPECIFIC_INFORMATION_TENANT, checkTask).update();
    assertAllCountsAreTheEngines();
    assertThat(kept(DESK, deskFilter)).isEqualTo(desks - 1);
    jdbc.sql("UPDATE ACT_RU_TASK SET TENANT_ID_ = NULL WHERE ID_ = ?").params(checkTask).update();
    assertAllCountsAreTheEngines();

    // a task completed and an instance deleted, with their links
    String deleted = engine.getTaskService().createTaskQuery().taskId(checkTask).singleResult().getProcessInstanceId();
    engine.getRuntimeService().deleteProcessInstance(deleted, "tally test", true, true);
    assertAllCountsAreTheEngines();
    assertThat(kept(DESK, deskFilter)).isEqualTo(desks - 1);

    // folded into the tally: nothing changes, nothing is left to fold
    tally.fold();
    assertThat(jdbc.sql("SELECT count(*) FROM open_task_tally_change").query(Long.class).single()).isZero();
    assertAllCountsAreTheEngines();

    // a tally that went wrong (a change counted twice): the next start rebuilds it from the engine's tables
    jdbc.sql("INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta) "
        + "VALUES (?, '', ?, true, 3)").params(DeskGroups.PRIVACY_DESK, key).update();
    assertThat(kept(DESK, deskFilter)).isEqualTo(engines(DESK, DeskGroups.PRIVACY_DESK, false) + 3);
    tally.install(engine);
    assertAllCountsAreTheEngines();
  }

  /**
   * Statements of many links (a database administrator's bulk insert or update) are tallied as statements of a few:
   * beyond {@link OpenTaskTally#PLANNED_FOR_ITS_SIZE_ABOVE} rows the functions plan their statement for its size
   * ({@code EXECUTE}), after the session has kept the plan of a small one. In one transaction, rolled back.
   */
  @Test
  void statementsOfManyLinksAreTalliedAsStatementsOfAFew() {
    int many = OpenTaskTally.PLANNED_FOR_ITS_SIZE_ABOVE + 100;
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      jdbc.sql("""
          INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_, TASK_STATE_)
          SELECT 'tally-bulk-' || n, 1, 'Bulk ' || n, 50, now(), 1, 'Created' FROM generate_series(0, :many) AS n""")
          .param("many", many).update();
      // one link: the session's functions keep the plan of a statement of one row
      jdbc.sql("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
          + "VALUES ('tally-bulk-link-0', 1, :group, 'candidate', 'tally-bulk-0')").param("group", BULK).update();
      assertThat(tallied(BULK)).isEqualTo(1);
      // then many in one statement, and a second link of the same group to tasks that have one: not counted twice
      jdbc.sql("""
          INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
          SELECT 'tally-bulk-link-' || n, 1, :group, 'candidate', 'tally-bulk-' || n FROM generate_series(1, :many) n
          UNION ALL
          SELECT 'tally-bulk-twice-' || n, 1, :group, 'candidate', 'tally-bulk-' || n FROM generate_series(0, 9) n""")
          .param("group", BULK).param("many", many).update();
      assertThat(tallied(BULK)).isEqualTo(many + 1);
      // many links given to another group in one statement (the update's function): the tasks whose every link
      // moved leave the group; the ten that keep a second link stay
      jdbc.sql("UPDATE ACT_RU_IDENTITYLINK SET GROUP_ID_ = :other WHERE ID_ LIKE 'tally-bulk-link-%'")
          .param("other", BULK_OTHER).update();
      assertThat(tallied(BULK)).isEqualTo(10);
      assertThat(tallied(BULK_OTHER)).isEqualTo(many + 1);
      status.setRollbackOnly();
    });
  }

  /** The tally's changes of a group, added up (none of them folded: the test's transaction is not committed). */
  private long tallied(String group) {
    return jdbc.sql("SELECT coalesce(sum(delta), 0) FROM open_task_tally_change WHERE group_id = ?").param(group)
        .query(Long.class).single();
  }

  @Test
  void tasklistsCountBesideTheSelectedFilterIsTheTallys() {
    long engines = engines(DESK, DeskGroups.PRIVACY_DESK, true);

    assertThat(tasklistCount()).isEqualTo(engines);
    jdbc.sql("INSERT INTO open_task_tally_change (group_id, tenant_id, proc_def_key, active, delta) "
        + "VALUES (?, '', ?, true, 1000)").params(DeskGroups.PRIVACY_DESK, key).update();
    assertThat(tasklistCount()).isEqualTo(engines + 1000);
  }

  @Test
  void onlyQueriesOfOneCandidateGroupAndNothingElseAreAnsweredFromTheTally() {
    TaskQuery alone = engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks();
    assertThat(TalliedFilterCountCmd.shape(alone)).isEqualTo(new TalliedFilterCountCmd.Shape("g", false));
    assertThat(TalliedFilterCountCmd.shape(engine.getTaskService().createTaskQuery().taskCandidateGroup("g")
        .includeAssignedTasks().active().orderByDueDate().asc()))
        .isEqualTo(new TalliedFilterCountCmd.Shape("g", true));
    for (TaskQuery other : List.of(
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g"),
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks().suspended(),
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks().taskName("x"),
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks()
            .processVariableValueEquals("reference", "R"),
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks()
            .dueBeforeExpression("${now()}"),
        engine.getTaskService().createTaskQuery().taskCandidateGroup("g").includeAssignedTasks().tenantIdIn("t"),
        engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of("g", "h")).includeAssignedTasks(),
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"))) {
      assertThat(TalliedFilterCountCmd.shape(other)).as(other.toString()).isNull();
    }
  }

  private void assertAllCountsAreTheEngines() {
    for (Who who : List.of(DESK, SPECIALIST, MANAGER, ADMIN, ONE_TASK, REVOKED)) {
      assertThat(kept(who, deskFilter)).as(who.user() + ": desk's open tasks")
          .isEqualTo(engines(who, DeskGroups.PRIVACY_DESK, false));
      assertThat(keptActive(who, deskFilter)).as(who.user() + ": desk's active tasks")
          .isEqualTo(engines(who, DeskGroups.PRIVACY_DESK, true));
    }
    for (Who who : List.of(OWNER, ADMIN)) {
      assertThat(kept(who, ownerFilter)).as(who.user() + ": owners' tasks").isEqualTo(engines(who, OWNERS, false));
      assertThat(keptActive(who, ownerFilter)).as(who.user() + ": owners' active tasks")
          .isEqualTo(engines(who, OWNERS, true));
    }
  }

  private long kept(Who who, String filter) {
    return as(who, () -> engine.getFilterService().count(filter));
  }

  private long keptActive(Who who, String filter) {
    return as(who, () -> engine.getFilterService().count(filter, engine.getTaskService().createTaskQuery().active()));
  }

  private long engines(Who who, String group, boolean activeOnly) {
    return as(who, () -> {
      TaskQuery query = engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
      return (activeOnly ? query.active() : query).count();
    });
  }

  private long as(Who who, java.util.function.Supplier<Long> count) {
    engine.getIdentityService().setAuthentication(who.user(), who.groups(), who.tenants());
    try {
      return count.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** What Tasklist asks for the selected filter: its first page with the count, active tasks, Tasklist's body. */
  private long tasklistCount() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    Map<String, Object> body = Map.of("processVariables", List.of(), "taskVariables", List.of(),
        "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
        "active", true);
    ResponseEntity<Map<String, Object>> page = rest.withBasicAuth(DESK.user(), PASSWORD).exchange(
        "/engine-rest/engine/{engine}/filter/{id}/list?firstResult=0&maxResults=15", HttpMethod.POST,
        new HttpEntity<>(body, headers),
        new org.springframework.core.ParameterizedTypeReference<>() {}, engine.getName(), deskFilter);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((Number) page.getBody().get("count")).longValue();
  }

  private String checkTaskOf(DeskRequest request) {
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.reference())
        .singleResult();
    instances.add(task.getProcessInstanceId());
    return task.getId();
  }

  private void grant(String group, Resources resource, String resourceId, Permission permission) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    grants.add(authorizations.saveAuthorization(grant).getId());
  }

}
