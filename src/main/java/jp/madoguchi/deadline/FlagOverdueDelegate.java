package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Flag overdue request": the target deadline passed without an answer. */
@Component
class FlagOverdueDelegate implements JavaDelegate {

  private final DeadlineEscalations escalations;

  FlagOverdueDelegate(DeadlineEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.flagOverdue(RequestFacts.REQUEST_ID.require(execution));
  }
}
