package jp.madoguchi.connector;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check the system's callback", in the model's wait loop after an ACCEPTED action: {@code connectorOutcome} becomes
 * DONE when the system called back, stays ACCEPTED while it may; a callback reported failed or overdue throws, so the
 * job retries and becomes an incident.
 */
@Component
class AwaitActionOutcomeDelegate implements JavaDelegate {

  private final ConnectorActions actions;

  AwaitActionOutcomeDelegate(ConnectorActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean done = actions.awaitDone(ConnectorVariables.CONNECTOR_HANDLE.require(execution));
    ConnectorVariables.CONNECTOR_OUTCOME.set(execution, done ? ConnectorActions.Status.DONE.name()
        : ConnectorActions.Status.ACCEPTED.name());
  }
}
