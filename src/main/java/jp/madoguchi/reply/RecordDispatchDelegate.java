package jp.madoguchi.reply;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record dispatch": the paper reply left by registered mail with this tracking number. */
@Component
class RecordDispatchDelegate implements JavaDelegate {

  private final CorrespondenceService correspondence;
  private final CurrentActor actor;

  RecordDispatchDelegate(CorrespondenceService correspondence, CurrentActor actor) {
    this.correspondence = correspondence;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correspondence.recordDispatch(Variables.REQUEST_ID.require(execution),
        Variables.TRACKING_NUMBER.require(execution), actor.id());
  }
}
