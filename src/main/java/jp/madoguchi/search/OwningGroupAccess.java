package jp.madoguchi.search;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
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
 * Number tenant, so that it sees the search tasks of My Number requests offered to it (ADR 0028). The engine gives
 * such a group its tasks one by one (it is not one of the desk's groups, see DeskTaskAuthorizations); it sees no
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

  OwningGroupAccess(Inventory inventory, FilterService filters, AuthorizationService authorizations,
      IdentityService identity, TaskService tasks) {
    this.inventory = inventory;
    this.filters = filters;
    this.authorizations = authorizations;
    this.identity = identity;
    this.tasks = tasks;
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

  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!granted) {
      Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
    }
  }
}
