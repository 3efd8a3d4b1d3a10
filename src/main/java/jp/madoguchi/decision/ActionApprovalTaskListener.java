package jp.madoguchi.decision;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Approve the action" (ADR 0034): the decider cannot approve, a decision sent back needs a note; the
 * approval is recorded. Nothing is done on any system before this task is completed with APPROVED.
 */
@Component
class ActionApprovalTaskListener implements TaskListener {

  private final RequestDecisions decisions;
  private final CurrentActor actor;

  ActionApprovalTaskListener(RequestDecisions decisions, CurrentActor actor) {
    this.decisions = decisions;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = decisions.recordActionApproval(RequestFacts.REQUEST_ID.require(task),
        PersonalDataRequestProcess.Variables.MANAGER_APPROVAL.get(task), PersonalDataRequestProcess.FreeText.APPROVAL_NOTE.get(task), actor.id());
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
  }
}
