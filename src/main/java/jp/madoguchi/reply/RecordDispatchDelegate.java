package jp.madoguchi.reply;

import jp.madoguchi.disclosure.DisclosurePackage;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record dispatch": the paper reply left by registered mail with this tracking number; for the method
 * {@code OTHER}, with the medium holding the frozen package's archive (what was sent is the task's note
 * {@code mediumSentNote}, in the register; the manifest's hash is recorded here).
 */
@Component
class RecordDispatchDelegate implements JavaDelegate {

  private final WrittenReplies replies;
  private final CurrentActor actor;
  private final DisclosurePackage disclosure;

  RecordDispatchDelegate(WrittenReplies replies, CurrentActor actor, DisclosurePackage disclosure) {
    this.replies = replies;
    this.actor = actor;
    this.disclosure = disclosure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    replies.recordDispatch(requestId, ReplyProcess.Variables.TRACKING_NUMBER.require(execution), actor.id());
    if (RequestFacts.DISCLOSURE_METHOD.getEnum(execution, DisclosureMethod.class) == DisclosureMethod.OTHER) {
      disclosure.recordSentOnMedium(requestId, actor.id());
    }
  }
}
