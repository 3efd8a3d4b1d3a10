package jp.madoguchi.handling;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.fee.FeePaymentProcess.FeeOutcome;
import jp.madoguchi.handling.ClosingOutcome.Facts;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import org.junit.jupiter.api.Test;

/** The closing outcome's rule, without the engine: the first way of ending that applies, in its order. */
class ClosingOutcomeTest {

  /** A request that went all the way: identity verified, fee paid, data found, decided. */
  private static final Facts DECIDED = new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED,
      false, null, true, "PARTIAL");

  @Test
  void aDecidedRequestClosesWithItsDecision() {
    assertThat(ClosingOutcome.of(DECIDED)).isEqualTo("DECIDED_PARTIAL");
  }

  @Test
  void aComplaintClosesResolvedOrUnresolvedWhateverElseIsSet() {
    assertThat(ClosingOutcome.of(new Facts(true, true, FeeOutcome.ABANDONED, true, IdentityOutcome.REJECTED,
        true, null, false, "NONE"))).isEqualTo("COMPLAINT_RESOLVED");
    assertThat(ClosingOutcome.of(new Facts(false, false, null, false, null, false, null, null, null)))
        .isEqualTo("COMPLAINT_UNRESOLVED");
  }

  @Test
  void aWithdrawalComesBeforeEveryOtherWayOfEnding() {
    assertThat(ClosingOutcome.of(new Facts(null, true, FeeOutcome.ABANDONED, true, IdentityOutcome.REJECTED,
        false, null, null, null))).isEqualTo("WITHDRAWN");
  }

  @Test
  void aFeeNeverPaidComesBeforeAbandonmentAndIdentity() {
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.ABANDONED, true, IdentityOutcome.REJECTED,
        false, null, null, null))).isEqualTo("FEE_NOT_PAID");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.NOT_REQUIRED, true, IdentityOutcome.REJECTED,
        false, null, null, null))).isEqualTo("ABANDONED");
  }

  @Test
  void aRejectedIdentityEndsTheRequestBeforeAnyInvestigation() {
    assertThat(ClosingOutcome.of(new Facts(null, false, null, false, IdentityOutcome.REJECTED, true, null, false,
        "FULL"))).isEqualTo("IDENTITY_REJECTED");
  }

  @Test
  void entrustedDataIsReferredAndNoDataHeldIsSaidSo() {
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED, true, null,
        true, "FULL"))).isEqualTo("REFERRED_TO_CLIENT");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED, false, null,
        false, null))).isEqualTo("NO_DATA_HELD");
  }

  @Test
  void anAllEntrustedRequestClosesAsReferredAPartlyEntrustedOneAsItsOwnPartEnded() {
    assertThat(ClosingOutcome.of(new Facts(null, false, null, false, IdentityOutcome.VERIFIED, true,
        EntrustedData.ALL, null, null))).isEqualTo("REFERRED_TO_CLIENT");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED, true,
        EntrustedData.PART, true, "FULL"))).isEqualTo("DECIDED_FULL");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED, true,
        EntrustedData.PART, false, null))).isEqualTo("NO_DATA_HELD");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.ABANDONED, false, IdentityOutcome.VERIFIED,
        true, EntrustedData.PART, null, null))).isEqualTo("FEE_NOT_PAID");
    assertThat(ClosingOutcome.of(new Facts(null, false, FeeOutcome.PAID, false, IdentityOutcome.VERIFIED, false,
        EntrustedData.NONE, true, "NONE"))).isEqualTo("DECIDED_NONE");
  }

  @Test
  void aRequestClosedWithoutADecisionClosesPlainly() {
    assertThat(ClosingOutcome.of(new Facts(null, false, null, false, null, false, null, null, null))).isEqualTo("CLOSED");
  }
}
