package jp.madoguchi.connector;

import jp.madoguchi.request.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a request's personal data is erased, the records its external-task workers posted go with it. */
@Component
class ConnectorRecordsErasure {

  private final ConnectorHandles handles;

  ConnectorRecordsErasure(ConnectorHandles handles) {
    this.handles = handles;
  }

  @EventListener
  void on(PersonalDataErased erased) {
    handles.forgetRecords(erased.requestId());
  }
}
