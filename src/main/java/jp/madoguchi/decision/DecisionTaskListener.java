package jp.madoguchi.decision;

import java.util.List;
import jp.madoguchi.connector.Action;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess.Decision;
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
 * records a valid one in the register, and sets what an approval will do on the systems ({@code actionRequest},
 * {@code approvedAction}, {@code actionInPart}, ADR 0034).
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
        PersonalDataRequestProcess.FreeText.REFUSAL_REASONS.get(task), ACTION_TAKEN.get(task),
        PersonalDataRequestProcess.Variables.ACTION_MEASURE.get(task));
    List<String> problems = decisions.problems(submission);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
    decisions.record(RequestFacts.REQUEST_ID.require(task), submission, actor.id());
    // what the systems will see once a manager approves (ADR 0034): routing facts, no personal data
    boolean actionRequest = Action.actionRequest(submission.type());
    PersonalDataRequestProcess.Variables.ACTION_REQUEST.set(task.getExecution(), actionRequest);
    PersonalDataRequestProcess.Variables.APPROVED_ACTION.set(task.getExecution(),
        Action.approvedFor(submission.type(), submission.actionMeasure())
            .filter(action -> !Decision.NONE.name().equals(submission.decision()))
            .map(Action::name).orElse(null));
    PersonalDataRequestProcess.Variables.ACTION_IN_PART.set(task.getExecution(),
        Decision.PARTIAL.name().equals(submission.decision()));
  }
}
