package jp.madoguchi.handling;

import jp.madoguchi.fee.FeePaymentProcess.FeeOutcome;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;

/**
 * How a request (or complaint) ended, as the register, the report and the record of handling name it: the first of
 * these that applies, in this order. The codes are stored and counted by the report, so a new way of ending gets a
 * new code here and in the report's list ({@code DeskReport.OUTCOMES}), never a changed meaning of an old one.
 */
final class ClosingOutcome {

  /**
   * What the request's processes left when it closes; null where a step never ran.
   *
   * @param complaintResolved for a complaint: whether it was resolved; null for a request
   * @param entrustedByClient whether any of the data sought was referred to a client company
   * @param entrustedData how much of it ({@code null} for a request checked before contract version 4, when a
   *     referral was always of the whole request)
   * @param decision {@code FULL}, {@code PARTIAL} or {@code NONE}
   */
  record Facts(Boolean complaintResolved, boolean withdrawn, FeeOutcome feeOutcome, boolean abandoned,
      IdentityOutcome identityOutcome, boolean entrustedByClient, EntrustedData entrustedData, Boolean dataFound,
      String decision) {}

  static String of(Facts facts) {
    if (facts.complaintResolved() != null) {
      return facts.complaintResolved() ? "COMPLAINT_RESOLVED" : "COMPLAINT_UNRESOLVED";
    }
    if (facts.withdrawn()) {
      return "WITHDRAWN";
    }
    if (facts.feeOutcome() == FeeOutcome.ABANDONED) {
      return "FEE_NOT_PAID";
    }
    if (facts.abandoned()) {
      return "ABANDONED";
    }
    if (facts.identityOutcome() == IdentityOutcome.REJECTED) {
      return "IDENTITY_REJECTED";
    }
    // a partly entrusted request closes as its own part ended; its referral is in the request's history
    if (facts.entrustedByClient() && facts.entrustedData() != EntrustedData.PART) {
      return "REFERRED_TO_CLIENT";
    }
    if (Boolean.FALSE.equals(facts.dataFound())) {
      return "NO_DATA_HELD";
    }
    return facts.decision() == null ? "CLOSED" : "DECIDED_" + facts.decision();
  }

  private ClosingOutcome() {}
}
