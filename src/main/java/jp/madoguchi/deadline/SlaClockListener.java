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

  private final DeadlineService deadlines;
  private final CurrentActor actor;

  SlaClockListener(DeadlineService deadlines, CurrentActor actor) {
    this.deadlines = deadlines;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      deadlines.pause(requestId, execution.getProcessBusinessKey(), actor.id());
    } else if (EVENTNAME_END.equals(execution.getEventName())) {
      deadlines.resume(requestId, execution.getProcessBusinessKey(), actor.id());
    }
  }
}
