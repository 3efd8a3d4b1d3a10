package jp.madoguchi.connector;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the search of one system starts (an element of the multi-instance "Search a system"), tells the model how it
 * is searched ({@code systemSearchKind}: {@code MANUAL}, {@code CONNECTOR} or {@code EXTERNAL_TASK}, from the
 * managers' choice of connector as it is now) and makes the connector's variables local to this system's search, so
 * that systems searched in parallel do not overwrite each other's handle or count.
 */
@Component
class SystemSearchKindListener implements ExecutionListener {

  private final ConnectorSearches searches;

  SystemSearchKindListener(ConnectorSearches searches) {
    this.searches = searches;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String systemCode = ConnectorVariables.SYSTEM_CODE.require(execution);
    execution.setVariableLocal(ConnectorVariables.SYSTEM_SEARCH_KIND.name(), searches.searchKind(systemCode));
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_TOPIC.name(), null);
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_HANDLE.name(), null);
    execution.setVariableLocal(ConnectorVariables.CONNECTOR_RECORD_COUNT.name(), null);
  }
}
