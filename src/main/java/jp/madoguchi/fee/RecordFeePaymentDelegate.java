package jp.madoguchi.fee;

import jp.madoguchi.process.PersonalDataRequestProcess.FeeOutcome;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
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
    boolean paidInFull = payments.record(Variables.REQUEST_ID.require(execution),
        Variables.FEE_AMOUNT.require(execution), Variables.FEE_AMOUNT_RECEIVED.require(execution),
        Variables.FEE_PAYMENT_METHOD.require(execution), actor.id());
    Variables.FEE_PAID_IN_FULL.set(execution, paidInFull);
    if (paidInFull) {
      Variables.FEE_OUTCOME.setEnum(execution, FeeOutcome.PAID);
    }
  }
}
