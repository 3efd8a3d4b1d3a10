package jp.madoguchi.decision;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.ProcessVariable;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Decide on the request": refuses an incomplete decision (the task stays open, staff see why) and
 * records a valid one in the register.
 */
@Component
class DecisionTaskListener implements TaskListener {

  /** A case note: read here before it moves to the register. */
  static final ProcessVariable<String> ACTION_TAKEN = ProcessVariable.string("actionTakenNote");

  private final RequestDecisions decisions;
  private final CurrentActor actor;

  DecisionTaskListener(RequestDecisions decisions, CurrentActor actor) {
    this.decisions = decisions;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    @SuppressWarnings("unchecked")
    List<String> grounds = PersonalDataRequestProcess.Variables.REFUSAL_GROUNDS.get(task);
    RequestDecisions.Submission submission = new RequestDecisions.Submission(
        RequestFacts.REQUEST_TYPE.getEnum(task, RequestType.class), PersonalDataRequestProcess.Variables.DECISION.get(task), grounds,
        PersonalDataRequestProcess.FreeText.REFUSAL_REASONS.get(task), ACTION_TAKEN.get(task));
    List<String> problems = decisions.problems(submission);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
    decisions.record(RequestFacts.REQUEST_ID.require(task), submission, actor.id());
  }
}
