package jp.madoguchi.desk;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The desk's Tasklist filters, created or brought up to date at every start, each readable only by the groups that
 * need it. Without a filter, Tasklist shows no task at all.
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);
  private static final List<String> ALL_DESK =
      List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC, DeskGroups.PRIVACY_MANAGERS);

  /** A filter as the desk defines it. */
  record DeskFilter(String name, String description, int priority, String color, List<String> groups,
      java.util.function.Function<TaskQuery, TaskQuery> query) {}

  static List<DeskFilter> filters() {
    return List.of(
        new DeskFilter("自分のタスク / My tasks", "自分が担当しているタスク / Tasks assigned to me", -10, "#2b6cb0",
            ALL_DESK, q -> q.taskAssigneeExpression("${currentUser()}")),
        new DeskFilter("窓口の未処理タスク / Desk's open tasks", "窓口のすべての未完了タスク / All open tasks of the desk",
            -9, "#2f855a", List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS),
            q -> q.taskCandidateGroup(DeskGroups.PRIVACY_DESK).includeAssignedTasks()),
        new DeskFilter("2営業日以内に期限 / Due within 2 business days",
            "期限が2営業日以内のタスク / Tasks due within two business days", -8, "#d69e2e", ALL_DESK,
            q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueAfterExpression("${now()}").dueBeforeExpression("${deskCalendar.businessDaysFromNow(2)}")),
        new DeskFilter("期限超過 / Overdue", "期限を過ぎたタスク / Tasks past their due date", -7, "#c53030", ALL_DESK,
            q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueBeforeExpression("${now()}")),
        // every task for the managers: refusals to approve and the reviews escalated to them (overdue, two weeks,
        // overdue complaints), which have no due date of their own and so would show in no other filter
        new DeskFilter("管理者のタスク / Managers' tasks",
            "不開示等の承認と、期限超過・2週間経過の確認 / Refusals to approve, overdue and two-week reviews", -6,
            "#6b46c1", List.of(DeskGroups.PRIVACY_MANAGERS),
            q -> q.taskCandidateGroup(DeskGroups.PRIVACY_MANAGERS).includeAssignedTasks()),
        new DeskFilter("特定個人情報(マイナンバー) / My Number tasks",
            "特定個人情報の請求のタスク(取扱担当のみ) / Tasks of requests about specific personal information",
            -5, "#805ad5", List.of(DeskGroups.PRIVACY_DESK_SPECIFIC),
            q -> q.taskCandidateGroup(DeskGroups.PRIVACY_DESK_SPECIFIC).includeAssignedTasks()));
  }

  /** Filters earlier versions created and this one replaced: removed at start, with their grants. */
  static final List<String> REPLACED_FILTERS = List.of("管理者の承認待ち / Waiting for manager approval");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filterService = engine.getFilterService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String name : REPLACED_FILTERS) {
      for (Filter replaced : filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name)
          .list()) {
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(replaced.getId()).list()
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        filterService.deleteFilter(replaced.getId());
        LOG.info("Removed the Tasklist filter {}, replaced by a newer one", name);
      }
    }
    for (DeskFilter definition : filters()) {
      // a task filter's resource type is "Task"; copies left by starts before this lookup was right are removed
      List<Filter> existing = filterService.createFilterQuery().filterResourceType(EntityTypes.TASK)
          .filterName(definition.name()).list().stream().sorted(Comparator.comparing(Filter::getId)).toList();
      Filter filter = existing.isEmpty() ? null : existing.get(0);
      for (Filter copy : existing.subList(Math.min(1, existing.size()), existing.size())) {
        filterService.deleteFilter(copy.getId());
        LOG.info("Removed a second copy of the Tasklist filter {}", definition.name());
      }
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name());
        LOG.info("Created Tasklist filter {}", definition.name());
      }
      filter.setQuery(definition.query().apply(engine.getTaskService().createTaskQuery()).orderByDueDate().asc());
      filter.setProperties(properties(definition));
      filterService.saveFilter(filter);
      for (String group : definition.groups()) {
        grantRead(authorizations, group, filter.getId());
      }
    }
  }

  private static Map<String, Object> properties(DeskFilter definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.color());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    // the columns show the task's display-only words (TaskPresentation), never the codes and ISO dates
    properties.put("variables", List.of(
        Map.of("name", RequestFacts.REFERENCE.name(), "label", "受付番号 / Reference"),
        Map.of("name", TaskPresentation.Display.REQUEST_TYPE_LABEL.name(), "label", "種別 / Type"),
        Map.of("name", TaskPresentation.Display.ARRIVED_ON_TEXT.name(), "label", "到着日 / Arrived")));
    return properties;
  }

  private static void grantRead(AuthorizationService authorizations, String group, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filterId);
      grant.addPermission(Permissions.READ);
      authorizations.saveAuthorization(grant);
    }
  }
}
