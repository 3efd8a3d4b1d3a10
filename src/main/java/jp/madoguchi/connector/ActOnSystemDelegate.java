package jp.madoguchi.connector;

import java.util.Locale;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Erase / correct / suspend in <system>" through its connector, after the manager's approval (the model's
 * four-eyes step comes first): {@code connectorAction} names the action. Sets {@code connectorOutcome} (DONE or
 * ACCEPTED) and, when accepted, {@code connectorHandle} that the system's callback completes. For a system acted on by
 * its worker ({@code systemActionKind} EXTERNAL_TASK), hands the action out instead: {@code connectorTopic} and
 * {@code connectorHandle} for the external task that follows, {@code connectorOutcome} ACCEPTED. Throws on failure.
 */
@Component
class ActOnSystemDelegate implements JavaDelegate {

  private final ConnectorActions actions;

  ActOnSystemDelegate(ConnectorActions actions) {
    this.actions = actions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Action action = Action.valueOf(ConnectorVariables.CONNECTOR_ACTION.require(execution).toUpperCase(Locale.ROOT));
    if (ConnectorActions.BY_WORKER.equals(ConnectorVariables.SYSTEM_ACTION_KIND.get(execution))) {
      ConnectorSearches.ExternalWork work = actions.handOut(RequestFacts.REQUEST_ID.require(execution),
          ConnectorVariables.SYSTEM_CODE.require(execution), action, "engine");
      ConnectorVariables.CONNECTOR_TOPIC.set(execution, work.topic());
      ConnectorVariables.CONNECTOR_HANDLE.set(execution, work.handle());
      ConnectorVariables.CONNECTOR_OUTCOME.set(execution, ConnectorActions.Status.ACCEPTED.name());
      return;
    }
    ConnectorActions.Outcome outcome = actions.perform(RequestFacts.REQUEST_ID.require(execution),
        ConnectorVariables.SYSTEM_CODE.require(execution), action, "engine");
    ConnectorVariables.CONNECTOR_OUTCOME.set(execution, outcome.status().name());
    if (outcome.count() != null) {
      ConnectorVariables.CONNECTOR_RECORD_COUNT.set(execution, outcome.count().longValue());
    }
    if (outcome.status() == ConnectorActions.Status.ACCEPTED) {
      ConnectorVariables.CONNECTOR_HANDLE.set(execution, outcome.handle());
    }
  }
}
