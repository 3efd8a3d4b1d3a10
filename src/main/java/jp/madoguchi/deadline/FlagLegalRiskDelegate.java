package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Flag request unanswered for two weeks": APPI Art 39 lets the person sue from now on. */
@Component
class FlagLegalRiskDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  FlagLegalRiskDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.flagLegalRisk(RequestFacts.REQUEST_ID.require(execution));
  }
}
