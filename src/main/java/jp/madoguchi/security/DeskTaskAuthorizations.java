package jp.madoguchi.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's authorization provider, except that a task offered to one of the desk's own groups gets no
 * authorization row of its own for that group. Those groups read and work tasks through one grant per group on
 * every process definition ({@code READ_TASK}, {@code UPDATE_TASK}, made by {@link DeskIdentitySetup}); My Number
 * requests are kept from the ordinary desk by their tenant ({@link SpecificInformationTenant}), and only a member of
 * a task's candidate groups may claim or complete it ({@link CandidateGroupGuard}).
 *
 * <p>Why: the engine would otherwise write one row per open task for its group, and its task query joins those rows
 * on {@code RESOURCE_ID_ IN (task id, definition key, '*')}, which no index answers: the desk's task list grew with
 * the square of its open tasks (7 to 8 s for the first page at 10,000 open requests). See ADR 0014.
 *
 * <p>The owning groups of the company's systems work their searches and actions by hand in their own copies of
 * those models ({@link OwningGroupModels}, ADR 0037) and hold a grant per copy: no row per task for them there
 * either. Their task in the designers' model itself (a copy not deployed yet) keeps the engine's row.
 *
 * <p>Groups a designer introduces in a model (any other candidate group) keep the engine's per-task rows, so that a
 * new group works without a code change; users (assignees, candidate users) keep theirs too.
 */
class DeskTaskAuthorizations extends DefaultAuthorizationProvider {

  /** The groups granted task access per process definition instead of per task. */
  static final Set<String> GRANTED_BY_DEFINITION =
      Set.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC, DeskGroups.PRIVACY_MANAGERS);

  private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return GRANTED_BY_DEFINITION.contains(groupId)
        || OwningGroupModels.isCopyOf(definitionKey(task), groupId)
        ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
  }

  /** The key of the task's process definition (its id holds the key only when short enough). */
  private static String definitionKey(Task task) {
    if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return null;
  }
}
