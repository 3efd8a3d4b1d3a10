package jp.madoguchi.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import jp.madoguchi.connector.SystemSearched;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The records a connector (or an external-task worker) found for a disclosure request go into its package: one JSON
 * item per category and system, added as staff would add a file, so that staff review, withhold and mask them the
 * same way (ADR 0033). Other request types keep no copy. A frozen package takes nothing (the decision was made).
 */
@Component
class ConnectorRecordsIntoPackage {

  private final DisclosurePackage disclosure;
  private final RequestRegister register;
  private final ObjectMapper json = new ObjectMapper();

  ConnectorRecordsIntoPackage(DisclosurePackage disclosure, RequestRegister register) {
    this.disclosure = disclosure;
    this.register = register;
  }

  @EventListener
  void searched(SystemSearched searched) throws Exception {
    DeskRequest request = register.find(searched.requestId());
    if (request.type() != RequestType.DISCLOSURE || disclosure.state(request.id()).state() != PackageState.State.OPEN) {
      return;
    }
    String system = searched.result().systemCode();
    for (Map.Entry<String, List<Map<String, Object>>> category : searched.result().records().entrySet()) {
      if (category.getValue().isEmpty()) {
        continue;
      }
      byte[] content = json.writeValueAsBytes(category.getValue());
      disclosure.addItem(request, category.getKey(), system, system + "-" + category.getKey() + ".json",
          "application/json", new ByteArrayInputStream(content), "connector:" + searched.result().connectorCode());
    }
  }
}
