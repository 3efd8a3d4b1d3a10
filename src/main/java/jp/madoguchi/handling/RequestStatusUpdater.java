package jp.madoguchi.handling;

import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For BPMN execution listeners: {@code ${requestStatus.set(execution, 'VERIFYING_IDENTITY')}} moves the request
 * to a stage the register and the status page show.
 */
@Component("requestStatus")
public class RequestStatusUpdater {

  private final RequestRegister register;

  RequestStatusUpdater(RequestRegister register) {
    this.register = register;
  }

  public void set(DelegateExecution execution, String status) {
    Long requestId = RequestFacts.REQUEST_ID.get(execution);
    if (requestId != null) {
      register.changeStatus(requestId, RequestStatus.valueOf(status), RequestRegister.SYSTEM_ACTOR);
    }
  }
}
