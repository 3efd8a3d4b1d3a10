package jp.madoguchi.search;

import jp.madoguchi.connector.ConnectorVariables;
import jp.madoguchi.process.ProcessVariable;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The owning group's "Carry out in X" task (ADR 0034): on create, named for its system and action (the model's name
 * is the same for every system); on complete, what the group answered ({@code actionTaken}: {@code DONE} or
 * {@code NOT_POSSIBLE}) is recorded for the system in the request's search, with who did it. Their note
 * ({@code actionNote}) goes to the register as every note does.
 */
@Component
class ActOnSystemTaskListener implements TaskListener {

  /** The group's answer, a code of the form {@code act-on-system}. */
  static final ProcessVariable<String> ACTION_TAKEN = ProcessVariable.string("actionTaken");

  private final SystemSearches searches;
  private final CurrentActor actor;

  ActOnSystemTaskListener(SystemSearches searches, CurrentActor actor) {
    this.searches = searches;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    String systemCode = ConnectorVariables.SYSTEM_CODE.get(task);
    String action = ConnectorVariables.CONNECTOR_ACTION.get(task);
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      searches.system(systemCode).ifPresent(system -> task.setName(taskName(system, action)));
      return;
    }
    String answer = ACTION_TAKEN.get(task);
    if (!"DONE".equals(answer) && !"NOT_POSSIBLE".equals(answer)) {
      throw new BadUserRequestException("実施したか、実施できなかったかを選んでください"
          + " / Choose whether the action was carried out (DONE) or could not be (NOT_POSSIBLE)");
    }
    String who = task.getAssignee() != null ? task.getAssignee() : actor.id();
    searches.recordAction(RequestFacts.REQUEST_ID.require(task), systemCode, action, null, answer, who);
  }

  static String taskName(jp.madoguchi.inventory.HoldingSystem system, String action) {
    String what = switch (action == null ? "" : action) {
      case "ERASURE" -> "消去 / erase";
      case "CORRECTION" -> "訂正 / correct";
      case "SUSPENSION" -> "利用停止 / suspend";
      default -> "対応 / act";
    };
    return "「" + system.nameJa() + "」で対応(" + what.substring(0, what.indexOf(" /")) + ") / Carry out in "
        + system.nameEn() + " (" + what.substring(what.indexOf("/ ") + 2) + ")";
  }
}
