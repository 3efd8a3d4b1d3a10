package jp.madoguchi.security;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.madoguchi.engine.EveryUserTask;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Only a task's candidates may hold it or work it: a task offered to candidate groups (or candidate users) can be
 * assigned only to a member of one of those groups (or to one of those users), and claimed, completed or its form
 * submitted only by such a member or its assignee. Work done by the engine itself (a job, a timer, a step with
 * nobody logged in) is not checked.
 *
 * <p>The desk's groups read and work tasks by a grant on every process definition (see
 * {@link DeskTaskAuthorizations}), which would otherwise let desk staff take a task meant for managers, such as
 * "Approve refusal", through the REST API. This rule keeps the four-eyes steps with the managers, and is what an
 * auditor reads in the model: the candidate groups of a task are who may do it. Designers need not do anything.
 *
 * <p>Two hooks: the engine's command checks ({@code checkTaskWork}, run before claim, complete and form submission;
 * a refusal is an {@link AuthorizationException}, HTTP 403 in the REST API), and a task listener on assignment
 * for the person a task is given to (whoever gives it).
 */
@Component
class CandidateGroupGuard extends AbstractProcessEnginePlugin implements TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.beforeEngine(configuration, TaskListener.EVENTNAME_ASSIGNMENT, this);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandCheckers().add(workChecker());
  }

  /**
   * A command checker that checks who works a task and nothing else. The engine's interface has some eighty checks
   * (all {@code void}); the others are left to the engine's own checkers, so this one answers them with nothing.
   */
  private CommandChecker workChecker() {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, arguments) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == arguments[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "CandidateGroupGuard.workChecker";
            };
          }
          if ("checkTaskWork".equals(method.getName()) && arguments[0] instanceof TaskEntity task) {
            checkWorker(task);
          }
          return null;
        });
  }

  private static void checkWorker(TaskEntity task) {
    CommandContext command = Context.getCommandContext();
    Authentication actor = command.getAuthentication();
    if (!command.isAuthorizationCheckEnabled() || actor == null || actor.getUserId() == null
        || actor.getUserId().equals(task.getAssignee())) {
      return;
    }
    Candidates candidates = Candidates.of(task);
    List<String> actorGroups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
    if (!candidates.isEmpty() && !candidates.users().contains(actor.getUserId())
        && actorGroups.stream().noneMatch(candidates.groups()::contains)) {
      throw new AuthorizationException(String.format(
          "「%s」を担当・完了できるのは候補グループ %s のメンバーだけです / Only members of the candidate groups %s may "
              + "work on \"%s\" (user %s)", task.getName(), candidates.groups(), candidates.groups(), task.getName(),
          actor.getUserId()));
    }
  }

  /** On assignment: the new assignee must be one of the task's candidates. */
  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    Candidates candidates = Candidates.of(task);
    if (!candidates.isEmpty() && !candidates.users().contains(assignee)
        && groupsOf(assignee).stream().noneMatch(candidates.groups()::contains)) {
      throw new AuthorizationException(String.format(
          "%s さんは「%s」の候補グループ %s に属していないため、担当にできません / %s cannot be assigned \"%s\": "
              + "not a member of its candidate groups %s", assignee, task.getName(), candidates.groups(), assignee,
          task.getName(), candidates.groups()));
    }
  }

  /** The candidate groups and users of a task. */
  private record Candidates(Set<String> groups, Set<String> users) {

    static Candidates of(DelegateTask task) {
      Set<String> groups = new TreeSet<>();
      Set<String> users = new TreeSet<>();
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
        }
      }
      return new Candidates(groups, users);
    }

    boolean isEmpty() {
      return groups.isEmpty() && users.isEmpty();
    }
  }

  /** The user's groups, read without the logged-in user's permissions (they need not be allowed to read groups). */
  private static Set<String> groupsOf(String userId) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> {
      Set<String> ids = new HashSet<>();
      for (Group group : command.getReadOnlyIdentityProvider().createGroupQuery(command).groupMember(userId).list()) {
        ids.add(group.getId());
      }
      return ids;
    });
  }
}
