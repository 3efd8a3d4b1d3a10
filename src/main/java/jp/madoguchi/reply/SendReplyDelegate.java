package jp.madoguchi.reply;

import java.util.List;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
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
 * the desk changed an electronic disclosure to paper, the person is first told so and why (APPI Art 33(3)). A paper
 * reply leaves the ids of its letters for the dispatch task, which offers their PDFs to print.
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
    @SuppressWarnings("unchecked")
    List<String> locations = Variables.DATA_LOCATIONS.get(execution);
    LetterFacts facts = LetterFacts.NONE.withDataLocations(locations)
        .withFeeAmount(Variables.FEE_AMOUNT.get(execution));
    if (Variables.CHANGE_TO_PAPER.isTrue(execution) && request.disclosureMethod() == DisclosureMethod.ELECTRONIC) {
      register.changeDisclosureMethod(requestId, DisclosureMethod.PAPER, actor.id(), null);
      String noticeKey = LetterKeys.of(execution, LetterKind.METHOD_CHANGED_TO_PAPER);
      correspondence.queueToRequester(requestId, LetterKind.METHOD_CHANGED_TO_PAPER, noticeKey, facts);
      Variables.METHOD_CHANGE_LETTER_ID.set(execution, correspondence.letterId(noticeKey).orElseThrow());
      Variables.DISCLOSURE_METHOD.setEnum(execution, DisclosureMethod.PAPER);
    }
    String replyKey = LetterKeys.of(execution, reply);
    Delivery delivery = correspondence.queueToRequester(requestId, reply, replyKey, facts);
    Variables.REPLY_DELIVERY.setEnum(execution, delivery);
    if (delivery == Delivery.PAPER) {
      Variables.REPLY_LETTER_ID.set(execution, correspondence.letterId(replyKey).orElseThrow());
    }
  }
}
