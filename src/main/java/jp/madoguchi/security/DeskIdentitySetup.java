package jp.madoguchi.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the desk's groups, their authorizations and the first users when the engine is built. Every step
 * checks what exists first, so a restart (or a second node) changes nothing that is already right.
 *
 * <p>Being an engine plugin, its bean is created before the engine: a missing or weak administrator password
 * stops the application before it touches the database.
 */
@Component
class DeskIdentitySetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeskIdentitySetup.class);
  private static final String ANY = Authorization.ANY;

  private final IdentityProperties properties;

  DeskIdentitySetup(IdentityProperties properties) {
    this.properties = properties;
  }

  /** Task access by process definition for the desk's groups, not by a row per task: see DeskTaskAuthorizations. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DeskTaskAuthorizations());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    ensureGroup(identity, DeskGroups.PRIVACY_DESK, "個人情報窓口 / Privacy desk", Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, DeskGroups.PRIVACY_DESK_SPECIFIC, "特定個人情報取扱担当 / My Number desk",
        Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, DeskGroups.PRIVACY_MANAGERS, "個人情報保護管理者 / Privacy managers",
        Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, DeskGroups.PROCESS_DESIGNERS, "業務設計者 / Process designers",
        Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, DeskGroups.PROVISION_RECORDERS, "第三者提供記録の送信元 / Provision record senders",
        Groups.GROUP_TYPE_WORKFLOW);
    ensureGroup(identity, DeskGroups.CAMUNDA_ADMIN, "システム管理者 / Administrators", Groups.GROUP_TYPE_SYSTEM);

    ensureTenant(identity, DeskGroups.SPECIFIC_INFORMATION_TENANT,
        "特定個人情報(マイナンバー) / Specific personal information (My Number)",
        DeskGroups.SPECIFIC_INFORMATION_GROUPS);
    // designers were members before ADR 18: a database set up then loses the membership at the next start
    leaveTenant(identity, DeskGroups.SPECIFIC_INFORMATION_TENANT, DeskGroups.PROCESS_DESIGNERS);

    Grants grants = new Grants(authorizations);
    grantDesk(grants, DeskGroups.PRIVACY_DESK);
    grantDesk(grants, DeskGroups.PRIVACY_DESK_SPECIFIC);
    grantDesk(grants, DeskGroups.PRIVACY_MANAGERS);
    grantManagers(grants);
    grantDesigners(grants);
    grantAdministrators(grants);

    if (properties.demoUsers()) {
      for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
        ensureUser(identity, demo.id(), demo.firstName(), demo.lastName(), demo.password(), demo.groups());
      }
      LOG.warn("Demo users are enabled (desk, manager, designer, admin): never use them on a production database");
    } else {
      IdentityProperties.Admin admin = properties.admin();
      ensureUser(identity, admin.userId(), "Administrator", "管理者", admin.password(),
          List.of(DeskGroups.CAMUNDA_ADMIN));
    }
  }

  private static void grantDesk(Grants grants, String group) {
    grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // each Tasklist filter is granted to the groups that need it (see desk.TasklistFilters), not all filters to all
    grants.revoke(group, Resources.FILTER, ANY);
    // the group's tasks in every model, instead of one authorization row per task (DeskTaskAuthorizations); My
    // Number requests stay with their tenant's members, manager steps with managers (CandidateGroupGuard)
    grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
    grants.grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
  }

  private static void grantManagers(Grants grants) {
    String group = DeskGroups.PRIVACY_MANAGERS;
    grants.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    // not the same as READ_TASK on every definition: Cockpit's task dashboard (open tasks by candidate group, the
    // engine's task report) checks READ on every task, TASK '*' (issue 20 looked at dropping it: a manager's count of
    // the desk's tasks meets this row as well)
    grants.grant(group, Resources.TASK, ANY, TaskPermissions.READ);
    grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grants.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grants.grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
  }

  /**
   * Designers change models, tables and forms and migrate ordinary requests by instance id; they read no request:
   * no instance, variable, task or history, and no My Number request at all (ADR 18).
   */
  private static void grantDesigners(Grants grants) {
    String group = DeskGroups.PROCESS_DESIGNERS;
    grants.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    // granted before ADR 18: taken back from a database set up then
    grants.withdraw(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE);
    grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private static void grantAdministrators(Grants grants) {
    for (Resources resource : Resources.values()) {
      grants.grant(DeskGroups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private static void ensureGroup(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  /** Removes a group from a tenant, when it is a member. */
  private static void leaveTenant(IdentityService identity, String tenantId, String group) {
    if (identity.createTenantQuery().tenantId(tenantId).groupMember(group).count() > 0) {
      identity.deleteTenantGroupMembership(tenantId, group);
      LOG.info("Removed group {} from tenant {}", group, tenantId);
    }
  }

  /** The tenant and its member groups; members see the tenant's process instances, tasks and history. */
  private static void ensureTenant(IdentityService identity, String id, String name, List<String> groups) {
    if (identity.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identity.newTenant(id);
      tenant.setName(name);
      identity.saveTenant(tenant);
      LOG.info("Created tenant {}", id);
    }
    for (String group : groups) {
      if (identity.createTenantQuery().tenantId(id).groupMember(group).count() == 0) {
        identity.createTenantGroupMembership(id, group);
      }
    }
  }

  private static void ensureUser(IdentityService identity, String id, String firstName, String lastName,
      String password, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      identity.saveUser(user);
      LOG.info("Created user {}", id);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  /** Adds permissions to a group's grant on one resource, creating the grant when missing. */
  private record Grants(AuthorizationService service) {

    void revoke(String group, Resource resource, String resourceId) {
      service.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
          .resourceType(resource).resourceId(resourceId).list()
          .forEach(authorization -> service.deleteAuthorization(authorization.getId()));
    }

    /** Removes permissions from a group's grant on one resource, when it holds them. */
    void withdraw(String group, Resource resource, String resourceId, Permission... permissions) {
      Authorization existing = service.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
      if (existing == null) {
        return;
      }
      boolean changed = false;
      for (Permission permission : permissions) {
        if (existing.isPermissionGranted(permission)) {
          existing.removePermission(permission);
          changed = true;
        }
      }
      if (changed) {
        service.saveAuthorization(existing);
      }
    }

    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
      Authorization existing =
          service.createAuthorizationQuery()
              .authorizationType(AUTH_TYPE_GRANT)
              .groupIdIn(group)
              .resourceType(resource)
              .resourceId(resourceId)
              .singleResult();
      Authorization authorization = existing != null ? existing : service.createNewAuthorization(AUTH_TYPE_GRANT);
      boolean changed = existing == null;
      if (existing == null) {
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
      }
      for (Permission permission : permissions) {
        if (!authorization.isPermissionGranted(permission)) {
          authorization.addPermission(permission);
          changed = true;
        }
      }
      if (changed) {
        service.saveAuthorization(authorization);
      }
    }
  }
}
