package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Flag request unanswered for two weeks": APPI Art 39 lets the person sue from now on. The models wire it as
 * {@code ${flagLegalRiskDelegate}}, hence its name.
 */
@Component
class FlagLegalRiskDelegate implements JavaDelegate {

  private final DeadlineEscalations escalations;

  FlagLegalRiskDelegate(DeadlineEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.flagArt39DatePassed(RequestFacts.REQUEST_ID.require(execution));
  }
}
