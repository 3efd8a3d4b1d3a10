package jp.madoguchi.investigation;

import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Refer to the client company": see {@link ClientReferrals}. */
@Component
class ReferToClientDelegate implements JavaDelegate {

  private final ClientReferrals referrals;

  ReferToClientDelegate(ClientReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    referrals.refer(RequestFacts.REQUEST_ID.require(execution),
        PersonalDataRequestProcess.Variables.CLIENT_COMPANY_NAME.get(execution),
        PersonalDataRequestProcess.Variables.CLIENT_CONTACT_EMAIL.get(execution), LetterKeys.step(execution));
  }
}
