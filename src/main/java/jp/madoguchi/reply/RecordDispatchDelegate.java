package jp.madoguchi.reply;

import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record dispatch": the paper reply left by registered mail with this tracking number. */
@Component
class RecordDispatchDelegate implements JavaDelegate {

  private final WrittenReplies replies;
  private final CurrentActor actor;

  RecordDispatchDelegate(WrittenReplies replies, CurrentActor actor) {
    this.replies = replies;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    replies.recordDispatch(RequestFacts.REQUEST_ID.require(execution),
        ReplyProcess.Variables.TRACKING_NUMBER.require(execution), actor.id());
  }
}
