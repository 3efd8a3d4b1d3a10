package jp.madoguchi.reply;

import java.util.List;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.disclosure.DisclosurePackage;
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
  private final DisclosurePackage disclosure;

  SendReplyDelegate(WrittenReplies replies, CurrentActor actor, DisclosurePackage disclosure) {
    this.replies = replies;
    this.actor = actor;
    this.disclosure = disclosure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    LetterKind letter = ReplyProcess.Variables.REPLY_LETTER.getEnum(execution, LetterKind.class);
    if (letter == null) {
      throw new IllegalStateException("No reply letter was chosen for request " + requestId);
    }
    if (letter == LetterKind.DISCLOSURE || letter == LetterKind.PARTIAL_DISCLOSURE) {
      // a disclosure discloses: it goes only with its frozen package (issue 18)
      List<String> missing = disclosure.missingForReply(requestId);
      if (!missing.isEmpty()) {
        throw new IllegalStateException("開示の回答を送付できません / The disclosure cannot be sent: "
            + String.join("; ", missing));
      }
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
      if (disclosure.state(requestId).frozen()) {
        // printed with the letter: the dispatch task shows how many pages
        ReplyProcess.Variables.ANNEX_PAGES.set(execution, (long) disclosure.annexPages(requestId));
      }
    }
  }
}
