package jp.madoguchi.investigation;

import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Refer to the client company": see {@link ClientReferrals}. A request checked before contract version 4 has no
 * {@code entrustedData}: its referral was of the whole request.
 */
@Component
class ReferToClientDelegate implements JavaDelegate {

  private final ClientReferrals referrals;

  ReferToClientDelegate(ClientReferrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    referrals.refer(RequestFacts.REQUEST_ID.require(execution),
        PersonalDataRequestProcess.Variables.ENTRUSTED_DATA.getEnum(execution, EntrustedData.class)
            == EntrustedData.PART,
        LetterKeys.step(execution));
  }
}
