package jp.madoguchi.decision;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Approve refusal": a refusal sent back needs a comment; the approval is recorded. */
@Component
class ApprovalTaskListener implements TaskListener {

  private final RequestDecisions decisions;
  private final CurrentActor actor;

  ApprovalTaskListener(RequestDecisions decisions, CurrentActor actor) {
    this.decisions = decisions;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = decisions.recordApproval(RequestFacts.REQUEST_ID.require(task),
        PersonalDataRequestProcess.Variables.MANAGER_APPROVAL.get(task), PersonalDataRequestProcess.FreeText.MANAGER_COMMENT.get(task), actor.id());
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
  }
}
