package jp.madoguchi.deadline;

import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Put on a step where the desk waits for the requester: the clock stops when the step starts and runs again when
 * it ends (the reply arrived, or the request was closed as abandoned).
 */
@Component
class SlaClockListener implements ExecutionListener {

  private final SlaClock clock;
  private final CurrentActor actor;

  SlaClockListener(SlaClock clock, CurrentActor actor) {
    this.clock = clock;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      clock.pause(requestId, execution.getProcessBusinessKey(), actor.id());
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      clock.resume(requestId, execution.getProcessBusinessKey(), actor.id());
    }
  }
}
