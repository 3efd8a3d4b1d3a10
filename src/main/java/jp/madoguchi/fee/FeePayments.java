package jp.madoguchi.fee;

import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/** Records fee payments (APPI Art 38: a reasonable fee for purpose notification and disclosure only). */
@Service
public class FeePayments {

  /** Accepted ways to pay, as the fee request letter lists them. */
  public enum PaymentMethod { POSTAL_MONEY_ORDER, REGISTERED_CASH, STAMPS, BANK_TRANSFER }

  private final RequestRegister register;

  FeePayments(RequestRegister register) {
    this.register = register;
  }

  /**
   * Records a payment and tells whether it covers the fee.
   *
   * @throws IllegalArgumentException for a negative amount or an unknown method
   */
  public boolean record(long requestId, long feeAmount, long amountReceived, String method, String actor) {
    if (amountReceived < 0) {
      throw new IllegalArgumentException("The amount received cannot be negative: " + amountReceived);
    }
    PaymentMethod paymentMethod = PaymentMethod.valueOf(method);
    boolean paidInFull = amountReceived >= feeAmount;
    register.recordEvent(requestId, actor, paidInFull ? "FEE_PAID" : "FEE_PARTLY_PAID",
        amountReceived + " yen of " + feeAmount + " by " + paymentMethod.name());
    return paidInFull;
  }
}
