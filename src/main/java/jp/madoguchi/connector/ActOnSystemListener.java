package jp.madoguchi.connector;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the approved action starts on one system (an element of the multi-instance "Act on a system", ADR 0034):
 * names the action ({@code connectorAction}, from the approved {@code approvedAction}) and tells the model how it is
 * carried out ({@code systemActionKind}): through the connector, by its external-task worker, or by the owning
 * group, which also does every part
 * of a decision in part ({@code actionInPart}), since connectors act on the whole person. The connector's variables
 * become local to this system, so that systems acted on in parallel do not overwrite each other's handle.
 */
@Component
class ActOnSystemListener implements ExecutionListener {

  private final ConnectorActions actions;

  ActOnSystemListener(ConnectorActions actions) {
    this.actions = actions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String systemCode = ConnectorVariables.SYSTEM_CODE.require(execution);
    Action action = Action.valueOf(ConnectorVariables.APPROVED_ACTION.require(execution));
    boolean inPart = Boolean.TRUE.equals(ConnectorVariables.ACTION_IN_PART.get(execution));
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_ACTION.name(), action.name());
    execution.setVariableLocal(ConnectorVariables.SYSTEM_ACTION_KIND.name(),
        inPart ? ConnectorActions.BY_HAND : actions.actionKind(systemCode, action));
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_HANDLE.name(), null);
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_TOPIC.name(), null);
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_OUTCOME.name(), null);
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_RECORD_COUNT.name(), null);
  }
}
