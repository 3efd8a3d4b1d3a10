package jp.madoguchi.handling;

import jp.madoguchi.process.ProcessVariable;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register event": writes an entry into the request's history, for steps a designer adds. Input parameters:
 * {@code eventType} (required, e.g. {@code LEGAL_REVIEW_DONE}) and {@code eventDetail} (optional text).
 */
@Component
class RecordEventDelegate implements JavaDelegate {

  static final ProcessVariable<String> EVENT_TYPE = ProcessVariable.string("eventType");
  static final ProcessVariable<String> EVENT_DETAIL = ProcessVariable.string("eventDetail");

  private final RequestRegister register;
  private final CurrentActor actor;

  RecordEventDelegate(RequestRegister register, CurrentActor actor) {
    this.register = register;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = EVENT_TYPE.get(execution);
    if (type == null || !type.matches("[A-Z][A-Z0-9_]{1,47}")) {
      throw new IllegalStateException("Step " + execution.getCurrentActivityId()
          + ": eventType must be UPPER_SNAKE_CASE of at most 48 characters, was " + type);
    }
    register.recordEvent(RequestFacts.REQUEST_ID.require(execution), actor.id(), type, EVENT_DETAIL.get(execution));
  }
}
