package jp.madoguchi.deadline;

import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start the SLA clock": computes the target and (for requests, not complaints) Art 39 dates from the arrival date. */
@Component
class StartSlaClockDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final CurrentActor actor;

  StartSlaClockDelegate(DeadlineService deadlines, CurrentActor actor) {
    this.deadlines = deadlines;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long targetBusinessDays = Variables.TARGET_BUSINESS_DAYS.require(execution);
    DeadlineService.ClockDates dates =
        deadlines.start(Variables.REQUEST_ID.require(execution), Math.toIntExact(targetBusinessDays), actor.id());
    Variables.TARGET_DUE_DATE.set(execution, dates.targetDueDate());
    if (dates.legalRiskDate() != null) {
      // a complaint has no Art 39 date
      Variables.LEGAL_RISK_DATE.set(execution, dates.legalRiskDate());
    }
  }
}
