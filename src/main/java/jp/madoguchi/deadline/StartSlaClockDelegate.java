package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start the SLA clock": computes the target and (where Art 39 applies: not for purpose notification or complaints)
 * Art 39 dates from the arrival date.
 */
@Component
class StartSlaClockDelegate implements JavaDelegate {

  private final SlaClock clock;
  private final CurrentActor actor;

  StartSlaClockDelegate(SlaClock clock, CurrentActor actor) {
    this.clock = clock;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long targetBusinessDays = RequestFacts.TARGET_BUSINESS_DAYS.require(execution);
    ClockDates dates =
        clock.start(RequestFacts.REQUEST_ID.require(execution), Math.toIntExact(targetBusinessDays), actor.id());
    RequestFacts.TARGET_DUE_DATE.set(execution, dates.targetDueDate());
    if (dates.art39Date() != null) {
      // a purpose notification and a complaint have no Art 39 date
      RequestFacts.ART39_DATE.set(execution, dates.art39Date());
    }
  }
}
