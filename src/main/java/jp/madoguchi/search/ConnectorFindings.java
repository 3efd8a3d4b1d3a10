package jp.madoguchi.search;

import jp.madoguchi.connector.SystemSearched;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A system searched through its connector (or by its worker) records its finding in the request's search, as its
 * owning group would by hand: searched, how many records, in which categories (ADR 0033). The records themselves go
 * to the disclosure package, not here.
 */
@Component
class ConnectorFindings {

  private final SystemSearches searches;

  ConnectorFindings(SystemSearches searches) {
    this.searches = searches;
  }

  @EventListener
  void searched(SystemSearched searched) {
    searches.recordConnectorFinding(searched.requestId(), searched.result().systemCode(),
        searched.result().connectorCode(), searched.result().count(),
        searched.result().records().entrySet().stream().filter(e -> !e.getValue().isEmpty())
            .map(java.util.Map.Entry::getKey).toList());
  }
}
