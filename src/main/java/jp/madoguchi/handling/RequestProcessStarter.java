package jp.madoguchi.handling;

import jp.madoguchi.complaint.ComplaintProcess;
import jp.madoguchi.process.RequestFacts.RequesterKind;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;

/**
 * Starts the process of a registered request, with the reference as business key and only routing facts as
 * variables: the person's details stay in the register.
 */
@Service
public class RequestProcessStarter {

  private final RuntimeService runtimeService;

  RequestProcessStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public ProcessInstance start(DeskRequest request) {
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
    variables.put(RequestFacts.REQUEST_ID.name(), request.id());
    variables.put(RequestFacts.REFERENCE.name(), request.reference());
    variables.put(RequestFacts.ARRIVED_ON.name(), request.arrivedOn().toString());
    variables.put(RequestFacts.PERSONAL_INFORMATION_KIND.name(), request.personalInformationKind().name());
    variables.put(RequestFacts.DESK_GROUP.name(), deskGroup(request));
    // the complaint's target deadline, like a request's, comes from the response-deadline table by request type
    variables.put(RequestFacts.REQUEST_TYPE.name(), request.type().name());
    if (request.type() == RequestType.COMPLAINT) {
      return runtimeService.startProcessInstanceByKey(ComplaintProcess.KEY, request.reference(), variables);
    }
    variables.put(RequestFacts.REQUESTER_KIND.name(), requesterKind(request).name());
    variables.put(RequestFacts.DISCLOSURE_METHOD.name(),
        request.disclosureMethod() == null ? null : request.disclosureMethod().name());
    return runtimeService.startProcessInstanceByKey(PersonalDataRequestProcess.KEY, request.reference(), variables);
  }

  /** My Number requests are handled only by staff entitled to specific personal information. */
  static String deskGroup(DeskRequest request) {
    return request.personalInformationKind() == PersonalInformationKind.SPECIFIC
        ? DeskGroups.PRIVACY_DESK_SPECIFIC
        : DeskGroups.PRIVACY_DESK;
  }

  static RequesterKind requesterKind(DeskRequest request) {
    if (request.agentKind() == null) {
      return RequesterKind.PRINCIPAL;
    }
    return request.agentKind() == AgentKind.AUTHORISED
        ? RequesterKind.AUTHORISED_AGENT
        : RequesterKind.LEGAL_REPRESENTATIVE;
  }
}
