package jp.madoguchi.search;

import jp.madoguchi.connector.SystemActedOn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An approved action carried out through a system's connector (or its accepted action's callback) is recorded in
 * the request's search, as the owning group's "Carry out in X" task records it by hand (ADR 0034).
 */
@Component
class ConnectorActionOutcomes {

  private final SystemSearches searches;

  ConnectorActionOutcomes(SystemSearches searches) {
    this.searches = searches;
  }

  @EventListener
  void actedOn(SystemActedOn acted) {
    searches.recordAction(acted.requestId(), acted.systemCode(), acted.action(), acted.count(), acted.outcome(),
        "connector:" + acted.connectorCode());
  }
}
