package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
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
    long targetBusinessDays = RequestFacts.TARGET_BUSINESS_DAYS.require(execution);
    DeadlineService.ClockDates dates =
        deadlines.start(RequestFacts.REQUEST_ID.require(execution), Math.toIntExact(targetBusinessDays), actor.id());
    RequestFacts.TARGET_DUE_DATE.set(execution, dates.targetDueDate());
    if (dates.legalRiskDate() != null) {
      // a complaint has no Art 39 date
      RequestFacts.ART39_DATE.set(execution, dates.legalRiskDate());
    }
  }
}
