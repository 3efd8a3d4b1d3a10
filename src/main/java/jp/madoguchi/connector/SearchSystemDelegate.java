package jp.madoguchi.connector;

import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Search <system>" through its connector: an SQL or HTTP system is searched now (its records published for the
 * investigation, their count in {@code connectorRecordCount}); an external-task system gets a one-time handle and its
 * topic in {@code connectorHandle} / {@code connectorTopic} for the external task that follows. A failure throws, so
 * that the asynchronous job retries and then becomes an incident whose message holds no personal data.
 */
@Component
class SearchSystemDelegate implements JavaDelegate {

  private final ConnectorSearches searches;

  SearchSystemDelegate(ConnectorSearches searches) {
    this.searches = searches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    String systemCode = ConnectorVariables.SYSTEM_CODE.require(execution);
    if (searches.kindOf(systemCode).orElse(null) == ConnectorKind.EXTERNAL_TASK) {
      ConnectorSearches.ExternalWork work = searches.prepareExternal(requestId, systemCode, "engine");
      ConnectorVariables.CONNECTOR_TOPIC.set(execution, work.topic());
      ConnectorVariables.CONNECTOR_HANDLE.set(execution, work.handle());
      return;
    }
    SearchResult result = searches.search(requestId, systemCode, "engine");
    ConnectorVariables.CONNECTOR_RECORD_COUNT.set(execution, (long) result.count());
  }
}
