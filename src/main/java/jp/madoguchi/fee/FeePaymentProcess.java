package jp.madoguchi.fee;

import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: the requester is asked for the fee; staff confirm the amount and the method; a
 * reminder, then the request is closed when the fee is never paid. Called with the request's facts
 * ({@code process.RequestFacts}) and the fee.
 */
public final class FeePaymentProcess {

  public static final String KEY = "fee-payment";

  public static final class Elements {
    public static final String SEND_FEE_REQUEST = "Task_SendFeeRequest";
    public static final String CONFIRM_FEE_PAYMENT = "Task_ConfirmFeePayment";
    public static final String FEE_REMINDER_DUE = "Event_FeeReminderDue";
    public static final String FEE_NOT_PAID_IN_TIME = "Event_FeeNotPaidInTime";

    private Elements() {}
  }

  public static final class Variables {
    /** Set by the calling process from the {@code request-fee} table: whether the request type has a fee. */
    public static final ProcessVariable<Boolean> FEE_REQUIRED = ProcessVariable.bool("feeRequired");
    /** In: the fee in yen, tax included. */
    public static final ProcessVariable<Long> FEE_AMOUNT = ProcessVariable.number("feeAmount");
    /** Out: a {@link FeeOutcome}. */
    public static final ProcessVariable<String> FEE_OUTCOME = ProcessVariable.string("feeOutcome");
    public static final ProcessVariable<Long> FEE_AMOUNT_RECEIVED = ProcessVariable.number("feeAmountReceived");
    public static final ProcessVariable<String> FEE_PAYMENT_METHOD = ProcessVariable.string("feePaymentMethod");
    public static final ProcessVariable<Boolean> FEE_PAID_IN_FULL = ProcessVariable.bool("feePaidInFull");

    private Variables() {}
  }

  /** Values of {@link Variables#FEE_OUTCOME}; {@code ABANDONED} is the fee never paid. */
  public enum FeeOutcome { PAID, NOT_REQUIRED, ABANDONED }

  private FeePaymentProcess() {}
}
