package jp.madoguchi.reply;

import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ask to confirm the e-mail address": mails the requester a new confirmation link. */
@Component
class AskToConfirmEmailAddressDelegate implements JavaDelegate {

  private final WrittenReplies replies;
  private final CurrentActor actor;

  AskToConfirmEmailAddressDelegate(WrittenReplies replies, CurrentActor actor) {
    this.replies = replies;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    replies.askToConfirm(RequestFacts.REQUEST_ID.require(execution), LetterKeys.step(execution), actor.id());
  }
}
