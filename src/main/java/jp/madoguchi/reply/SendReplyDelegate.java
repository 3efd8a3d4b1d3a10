package jp.madoguchi.reply;

import java.util.List;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send reply": see {@link WrittenReplies}. */
@Component
class SendReplyDelegate implements JavaDelegate {

  private final WrittenReplies replies;
  private final CurrentActor actor;

  SendReplyDelegate(WrittenReplies replies, CurrentActor actor) {
    this.replies = replies;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    LetterKind letter = ReplyProcess.Variables.REPLY_LETTER.getEnum(execution, LetterKind.class);
    if (letter == null) {
      throw new IllegalStateException("No reply letter was chosen for request " + requestId);
    }
    @SuppressWarnings("unchecked")
    List<String> locations = PersonalDataRequestProcess.Variables.DATA_LOCATIONS.get(execution);
    WrittenReplies.Sent sent = replies.send(new WrittenReplies.Reply(requestId, letter,
        PersonalDataRequestProcess.Variables.CHANGE_TO_PAPER.isTrue(execution), locations,
        FeePaymentProcess.Variables.FEE_AMOUNT.get(execution), LetterKeys.step(execution)), actor.id());
    if (sent.changedToPaper()) {
      ReplyProcess.Variables.METHOD_CHANGE_LETTER_ID.set(execution, sent.methodChangeLetterId());
      RequestFacts.DISCLOSURE_METHOD.setEnum(execution, DisclosureMethod.PAPER);
    }
    ReplyProcess.Variables.REPLY_DELIVERY.setEnum(execution, sent.delivery());
    if (sent.replyLetterId() != null) {
      ReplyProcess.Variables.REPLY_LETTER_ID.set(execution, sent.replyLetterId());
    }
  }
}
