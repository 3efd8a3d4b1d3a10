package jp.madoguchi.disclosure;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess.Decision;
import jp.madoguchi.handling.PersonalDataRequestProcess.ManagerApproval;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Decide on the request" and "Approve refusal" of a disclosure: a disclosure in full or in part
 * freezes the package (a full one is final; a partial one is what the manager reviews and approves); a refusal sent
 * back opens it again; an approval keeps it frozen. A decision to disclose with nothing to disclose is refused with
 * what is missing (unless packages are not required).
 */
@Component("disclosurePackageListener")
class PackageFreezeListener implements TaskListener {

  private final DisclosurePackage disclosure;
  private final CurrentActor actor;

  PackageFreezeListener(DisclosurePackage disclosure, CurrentActor actor) {
    this.disclosure = disclosure;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateTask task) {
    RequestType type = RequestFacts.REQUEST_TYPE.getEnum(task, RequestType.class);
    if (!DisclosurePackage.isDisclosure(type)) {
      return;
    }
    long requestId = RequestFacts.REQUEST_ID.require(task);
    String approval = PersonalDataRequestProcess.Variables.MANAGER_APPROVAL.get(task);
    boolean approvalTask = "Task_ApproveRefusal".equals(task.getTaskDefinitionKey());
    if (approvalTask && ManagerApproval.SENT_BACK.name().equals(approval)) {
      disclosure.unfreeze(requestId, actor.id());
      return;
    }
    String decision = PersonalDataRequestProcess.Variables.DECISION.get(task);
    if (!Decision.FULL.name().equals(decision) && !Decision.PARTIAL.name().equals(decision)) {
      return;
    }
    if (disclosure.freeze(requestId, actor.id()).isEmpty()) {
      List<String> missing = disclosure.missingForReply(requestId);
      if (!missing.isEmpty()) {
        throw new BadUserRequestException(String.join("; ", missing));
      }
    }
  }
}
