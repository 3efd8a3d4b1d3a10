package jp.madoguchi.fee;

import jp.madoguchi.fee.FeePaymentProcess.FeeOutcome;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record fee payment": the fee is paid when the amount received covers it. */
@Component
class RecordFeePaymentDelegate implements JavaDelegate {

  private final FeePayments payments;
  private final CurrentActor actor;

  RecordFeePaymentDelegate(FeePayments payments, CurrentActor actor) {
    this.payments = payments;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean paidInFull = payments.record(RequestFacts.REQUEST_ID.require(execution),
        FeePaymentProcess.Variables.FEE_AMOUNT.require(execution), FeePaymentProcess.Variables.FEE_AMOUNT_RECEIVED.require(execution),
        FeePaymentProcess.Variables.FEE_PAYMENT_METHOD.require(execution), actor.id());
    FeePaymentProcess.Variables.FEE_PAID_IN_FULL.set(execution, paidInFull);
    if (paidInFull) {
      FeePaymentProcess.Variables.FEE_OUTCOME.setEnum(execution, FeeOutcome.PAID);
    }
  }
}
