package jp.madoguchi.reply;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send reply": the written reply goes to the requester (the agent when an agent asked) by the chosen method. When
 * the desk changed an electronic disclosure to paper, the person is first told so and why (APPI Art 33(3)).
 */
@Component
class SendReplyDelegate implements JavaDelegate {

  private final CorrespondenceService correspondence;
  private final RequestRegister register;
  private final CurrentActor actor;

  SendReplyDelegate(CorrespondenceService correspondence, RequestRegister register, CurrentActor actor) {
    this.correspondence = correspondence;
    this.register = register;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = Variables.REQUEST_ID.require(execution);
    LetterKind reply = Variables.REPLY_LETTER.getEnum(execution, LetterKind.class);
    if (reply == null) {
      throw new IllegalStateException("No reply letter was chosen for request " + requestId);
    }
    DeskRequest request = register.find(requestId);
    if (Variables.CHANGE_TO_PAPER.isTrue(execution) && request.disclosureMethod() == DisclosureMethod.ELECTRONIC) {
      register.changeDisclosureMethod(requestId, DisclosureMethod.PAPER, actor.id(), null);
      correspondence.queueToRequester(requestId, LetterKind.METHOD_CHANGED_TO_PAPER,
          LetterKeys.of(execution, LetterKind.METHOD_CHANGED_TO_PAPER));
      Variables.DISCLOSURE_METHOD.setEnum(execution, DisclosureMethod.PAPER);
    }
    Delivery delivery = correspondence.queueToRequester(requestId, reply, LetterKeys.of(execution, reply));
    Variables.REPLY_DELIVERY.setEnum(execution, delivery);
  }
}
