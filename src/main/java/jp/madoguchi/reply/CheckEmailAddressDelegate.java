package jp.madoguchi.reply;

import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the e-mail address": whether the reply may go now or waits for the requester to confirm the address. */
@Component
class CheckEmailAddressDelegate implements JavaDelegate {

  private final WrittenReplies replies;

  CheckEmailAddressDelegate(WrittenReplies replies) {
    this.replies = replies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    LetterKind letter = ReplyProcess.Variables.REPLY_LETTER.getEnum(execution, LetterKind.class);
    if (letter == null) {
      throw new IllegalStateException("No reply letter was chosen for request " + requestId);
    }
    boolean waits = replies.awaitsConfirmation(requestId, letter,
        PersonalDataRequestProcess.Variables.CHANGE_TO_PAPER.isTrue(execution));
    ReplyProcess.Variables.EMAIL_ADDRESS_CONFIRMED.set(execution, !waits);
  }
}
