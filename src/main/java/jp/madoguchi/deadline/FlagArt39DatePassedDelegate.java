package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Flag request past its Art 39 date": two weeks after the request reached the desk unanswered, APPI Art 39 lets the
 * person sue. The bean keeps its first name, {@code flagLegalRiskDelegate}: every version of the model, those that
 * running requests still follow included, wires it by that name (glossary in the designer guide).
 */
@Component("flagLegalRiskDelegate")
class FlagArt39DatePassedDelegate implements JavaDelegate {

  private final DeadlineEscalations escalations;

  FlagArt39DatePassedDelegate(DeadlineEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalations.flagArt39DatePassed(RequestFacts.REQUEST_ID.require(execution));
  }
}
