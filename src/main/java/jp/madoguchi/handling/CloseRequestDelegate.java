package jp.madoguchi.handling;

import jp.madoguchi.complaint.ComplaintProcess;
import jp.madoguchi.fee.FeePaymentProcess.FeeOutcome;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.handling.PersonalDataRequestProcess.Variables;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.requester.AwaitRequesterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close request": the register records the outcome and how long the request's personal data is kept. */
@Component
class CloseRequestDelegate implements JavaDelegate {

  private final RequestClosing closing;

  CloseRequestDelegate(RequestClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closing.close(RequestFacts.REQUEST_ID.require(execution), new ClosingOutcome.Facts(
        ComplaintProcess.Variables.COMPLAINT_RESOLVED.get(execution),
        Variables.WITHDRAWN.isTrue(execution),
        FeePaymentProcess.Variables.FEE_OUTCOME.getEnum(execution, FeeOutcome.class),
        AwaitRequesterProcess.Variables.ABANDONED.isTrue(execution),
        IdentityVerificationProcess.Variables.IDENTITY_OUTCOME.getEnum(execution, IdentityOutcome.class),
        Variables.ENTRUSTED_BY_CLIENT.isTrue(execution),
        Variables.ENTRUSTED_DATA.getEnum(execution, EntrustedData.class),
        Variables.DATA_FOUND.get(execution),
        Variables.DECISION.get(execution)));
  }
}
