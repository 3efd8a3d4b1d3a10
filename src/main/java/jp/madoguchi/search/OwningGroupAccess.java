package jp.madoguchi.search;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryAudited;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.security.OwningGroupModels;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the owning group of a system needs to search it, brought up to date at start and whenever the inventory is
 * changed or imported: its own Tasklist filter ("search tasks: group"), readable by the group alone; access to
 * Tasklist; and, for a group owning a system entitled to specific personal information, membership of the My
 * Number tenant, so that it sees the search tasks of My Number requests offered to it (ADR 0028); and its own copy
 * of each model whose tasks it works (the search and the action by hand, {@link OwningGroupModels}), with its forms,
 * on which it holds {@code READ_TASK} and {@code UPDATE_TASK}: the investigation calls the group's copy, so that the
 * group reads its tasks through one grant per copy instead of one authorization row per task (ADR 0037). It sees no
 * other task.
 */
@Component
public class OwningGroupAccess {

  private static final Logger LOG = LoggerFactory.getLogger(OwningGroupAccess.class);

  private final Inventory inventory;
  private final FilterService filters;
  private final AuthorizationService authorizations;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final SystemSearches searches;

  OwningGroupAccess(Inventory inventory, FilterService filters, AuthorizationService authorizations,
      IdentityService identity, TaskService tasks, RepositoryService repository, SystemSearches searches) {
    this.inventory = inventory;
    this.filters = filters;
    this.authorizations = authorizations;
    this.identity = identity;
    this.tasks = tasks;
    this.repository = repository;
    this.searches = searches;
  }

  /** The model the investigation calls to search the execution's system by hand: its owning group's copy. */
  public String searchByHandModel(VariableScope execution) {
    return modelFor(OwningGroupModels.SEARCH_BY_HAND, execution);
  }

  /** The model called to carry out an approved action on the execution's system by hand: the group's copy. */
  public String actionByHandModel(VariableScope execution) {
    return modelFor(OwningGroupModels.ACTION_BY_HAND, execution);
  }

  private String modelFor(String template, VariableScope execution) {
    Object systemCode = execution.getVariable(SearchSheets.SYSTEM_CODE);
    String group = systemCode == null ? null
        : searches.system(systemCode.toString()).map(HoldingSystem::owningGroup).orElse(null);
    if (group == null) {
      return template;
    }
    String copy = OwningGroupModels.copyKey(template, group);
    if (repository.createProcessDefinitionQuery().processDefinitionKey(copy).withoutTenantId().count() > 0) {
      return copy;
    }
    // a group whose copy is not deployed (the inventory changed a moment ago, or the copy was removed by hand): the
    // designers' model, where the engine gives the group its task with a row of its own, as before ADR 0037
    LOG.warn("No copy {} of {} is deployed yet: the task is offered to {} through the model itself", copy, template,
        group);
    return template;
  }

  /** The name of a group's filter of search tasks. */
  public static String filterName(String group) {
    return "検索タスク: " + group + " / Search tasks: " + group;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    update();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void inventoryChanged(InventoryAudited event) {
    if (!Inventory.EXPORTED.equals(event.action())) {
      update();
    }
  }

  /** Creates what is missing for every owning group of the inventory; never removes (a task may still be open). */
  public synchronized void update() {
    List<HoldingSystem> systems = inventory.snapshot().systems();
    Set<String> groups = new TreeSet<>();
    Set<String> entitled = new TreeSet<>();
    for (HoldingSystem system : systems) {
      groups.add(system.owningGroup());
      if (system.specificInformationEntitled()) {
        entitled.add(system.owningGroup());
      }
    }
    for (String group : groups) {
      Filter filter = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(filterName(group))
          .list().stream().findFirst().orElse(null);
      if (filter == null) {
        filter = filters.newTaskFilter(filterName(group));
        filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
            .orderByDueDate().asc());
        filter.setProperties(properties(group));
        filters.saveFilter(filter);
        LOG.info("Created the Tasklist filter of search tasks for group {}", group);
      }
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (String template : OwningGroupModels.TEMPLATES) {
        deployCopy(template, group);
        grant(group, Resources.PROCESS_DEFINITION, OwningGroupModels.copyKey(template, group),
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
      }
    }
    for (String group : entitled) {
      // a group not created yet (in Camunda Admin) joins the tenant at the next start or inventory change
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        LOG.warn("Group {} owns a system entitled to My Number but does not exist yet: create it in Camunda Admin",
            group);
        continue;
      }
      if (identity.createTenantQuery().tenantId(DeskGroups.SPECIFIC_INFORMATION_TENANT).count() > 0
          && identity.createTenantQuery().tenantId(DeskGroups.SPECIFIC_INFORMATION_TENANT).groupMember(group)
              .count() == 0) {
        identity.createTenantGroupMembership(DeskGroups.SPECIFIC_INFORMATION_TENANT, group);
        LOG.info("Group {} owns a system entitled to My Number: joined tenant {}", group,
            DeskGroups.SPECIFIC_INFORMATION_TENANT);
      }
    }
  }

  private static Map<String, Object> properties(String group) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", "システム検索のタスク(" + group + ") / Search tasks of the systems " + group + " owns");
    properties.put("priority", 0);
    properties.put("color", "#2c7a7b");
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(Map.of("name", RequestFacts.REFERENCE.name(), "label", "受付番号 / Reference")));
    return properties;
  }

  /**
   * Deploys the group's copy of a designers' model, from its latest version, with the forms its user tasks name
   * (bound to the deployment), when the copy differs from the one deployed last (duplicate filtering): an unchanged
   * model makes no new version. A model not deployed (a database of an older version) is skipped.
   */
  void deployCopy(String template, String group) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(template)
        .withoutTenantId().latestVersion().singleResult();
    if (latest == null) {
      LOG.warn("The model {} is not deployed: no copy for group {}", template, group);
      return;
    }
    String copyKey = OwningGroupModels.copyKey(template, group);
    BpmnModelInstance model = repository.getBpmnModelInstance(latest.getId());
    // a copy of the engine's cached model, which the running definition still uses
    BpmnModelInstance copy = Bpmn.readModelFromStream(
        new ByteArrayInputStream(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
    Process process = copy.getModelElementById(template);
    process.setId(copyKey);
    process.setName(process.getName() + " (" + group + ")");
    DeploymentBuilder deployment = repository.createDeployment().name(copyKey).source(COPY_SOURCE)
        .enableDuplicateFiltering(true).addModelInstance(copyKey + ".bpmn", copy);
    List<String> resources = repository.getDeploymentResourceNames(latest.getDeploymentId());
    for (UserTask task : copy.getModelElementsByType(UserTask.class)) {
      String form = task.getCamundaFormRef();
      if (form == null) {
        continue;
      }
      String file = resources.stream().filter(name -> name.equals(form + ".form") || name.endsWith("/" + form + ".form"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "The form " + form + " of " + template + " is not in its deployment " + latest.getDeploymentId()));
      deployment.addInputStream(file, repository.getResourceAsStream(latest.getDeploymentId(), file));
    }
    deployment.deploy();
  }

  /** The deployments of the owning groups' copies (ADR 0037). */
  static final String COPY_SOURCE = "madoguchi-owning-group-copy";

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
    boolean changed = grant == null;
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        grant.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(grant);
    }
  }
}
