package jp.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import jp.madoguchi.identity.IdentityVerification.Arrivals;
import jp.madoguchi.identity.IdentityVerification.Assessment;
import jp.madoguchi.identity.IdentityVerification.Evidence;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import jp.madoguchi.process.RequestFacts.RequesterKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.UnmaskedNumber;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The identity rules with the shipped {@code identity-documents} table: expiry, certificate ages in calendar months
 * to the day the document arrived, discontinued documents, and the legal representative's proof of status.
 */
@DeskTest
class IdentityVerificationTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  @Autowired IdentityVerification verification;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void aPrincipalsDocumentIsAcceptedUpToItsExpiryDateAndRefusedWithTheReasonAfterIt() {
    assertThat(principal("PASSPORT", null, "2026-12-01", "2026-12-01")).isEqualTo(verified());

    assertThat(principal("PASSPORT", null, "2026-11-30", "2026-12-01"))
        .isEqualTo(moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT_EXPIRED"));
    assertThat(principal("DRIVERS_LICENCE", null, "", "2026-12-01")).isEqualTo(verified());
  }

  @Test
  void anOldHealthInsuranceCardCountsUntilFirstDecember2025AndIsRefusedAsExpiredAfter() {
    assertThat(principal("HEALTH_INSURANCE_CARD", null, null, "2025-12-01")).isEqualTo(verified());
    assertThat(principal("HEALTH_INSURANCE_CARD", null, null, "2025-12-02"))
        .isEqualTo(moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT_EXPIRED"));
    // a card whose own printed expiry came first ends there
    assertThat(principal("HEALTH_INSURANCE_CARD", null, "2025-09-30", "2025-10-01"))
        .isEqualTo(moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT_EXPIRED"));
    // the eligibility certificate that replaced it, and a pension book issued before April 2022, are accepted
    assertThat(principal("HEALTH_INSURANCE_CERTIFICATE", null, "2027-07-31", "2026-12-01")).isEqualTo(verified());
    assertThat(principal("PENSION_BOOK", null, null, "2026-12-01")).isEqualTo(verified());
    assertThat(principal("MY_NUMBER_CARD_FRONT", null, "2030-04-01", "2026-12-01")).isEqualTo(verified());
  }

  @Test
  void aSealCertificateOfThePrincipalIsCountedInCalendarMonthsToTheDayItArrived() {
    assertThat(principal("SEAL_REGISTRATION_CERTIFICATE", "2026-09-01", null, "2026-12-01")).isEqualTo(verified());
    assertThat(principal("SEAL_REGISTRATION_CERTIFICATE", "2026-09-01", null, "2026-12-02"))
        .isEqualTo(moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT"));
    assertThat(principal("SEAL_REGISTRATION_CERTIFICATE", null, null, "2026-12-01"))
        .isEqualTo(moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT"));
  }

  @Test
  void aResidentRecordOfExactlySixMonthsIsAcceptedAndSixMonthsAndOneDayIsNot() {
    assertThat(representative("RESIDENT_RECORD", "2026-06-01", "DRIVERS_LICENCE", null, "2026-12-01"))
        .isEqualTo(verified());
    assertThat(representative("RESIDENT_RECORD", "2026-06-01", "DRIVERS_LICENCE", null, "2026-12-02"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD"));
    // months are calendar months: 31 August plus six months is the last day of February
    assertThat(representative("RESIDENT_RECORD", "2026-08-31", "DRIVERS_LICENCE", null, "2027-02-28"))
        .isEqualTo(verified());
    assertThat(representative("RESIDENT_RECORD", "2026-08-31", "DRIVERS_LICENCE", null, "2027-03-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD"));
  }

  @Test
  void aFamilyRegisterExtractOfThreeMonthsIsAcceptedAndAnOlderOneIsNot() {
    assertThat(representative("FAMILY_REGISTER_EXTRACT", "2026-09-01", "PASSPORT", null, "2026-12-01"))
        .isEqualTo(verified());
    assertThat(representative("FAMILY_REGISTER_EXTRACT", "2026-08-31", "PASSPORT", null, "2026-12-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD"));
    // what six months would allow for a resident record is too old for a family register extract
    assertThat(representative("FAMILY_REGISTER_EXTRACT", "2026-06-01", "PASSPORT", null, "2026-12-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD"));
  }

  @Test
  void aLegalRepresentativeWithoutProofOrWithAnExpiredOwnDocumentIsAskedForWhatIsMissing() {
    assertThat(representative("NONE", null, "PASSPORT", null, "2026-12-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION"));
    assertThat(representative("RESIDENT_RECORD", null, "PASSPORT", null, "2026-12-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION"));
    // a certificate dated after the day it arrived is a typing error, not proof
    assertThat(representative("RESIDENT_RECORD", "2026-12-02", "PASSPORT", null, "2026-12-01"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION"));
    assertThat(representative("GUARDIANSHIP_CERTIFICATE", "2026-10-01", "PASSPORT", "2026-11-30", "2026-12-01"))
        .isEqualTo(moreNeeded("REPRESENTATIVE_IDENTITY_DOCUMENT_EXPIRED"));
    assertThat(representative("GUARDIANSHIP_CERTIFICATE", "2026-10-01", "NONE", null, "2026-12-01"))
        .isEqualTo(moreNeeded("REPRESENTATIVE_IDENTITY_DOCUMENT"));
  }

  @Test
  void anAgentsExpiredOwnDocumentIsRefusedWithTheReason() {
    Evidence agent = new Evidence(RequesterKind.AUTHORISED_AGENT, null, null, null, true, "2026-10-15",
        "DRIVERS_LICENCE", null, "2026-11-01", null, null, null, false);

    assertThat(verification.judge(Arrivals.all(LocalDate.parse("2026-12-01")), agent))
        .isEqualTo(moreNeeded("AGENT_IDENTITY_DOCUMENT_EXPIRED"));
  }

  @Test
  void documentsSentLaterCountFromTheDayTheyWereUploadedAndStaffMayRecordTheDayPaperArrived() {
    DeskRequest request = TestRequests.request(register).byAgent(AgentKind.LEGAL_REPRESENTATIVE)
        .arrivedOn(LocalDate.of(2026, 12, 1)).register();
    at("2026-12-01T10:00");
    documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "licence.pdf", PDF, "requester");
    at("2026-12-10T09:30");
    documents.store(request.id(), DocumentKind.STATUS_PROOF, "juminhyo.pdf", (new String(PDF,
        StandardCharsets.US_ASCII) + "% second\n").getBytes(StandardCharsets.US_ASCII), "requester");
    // an unmasked copy deleted later does not move the day
    at("2026-12-20T09:30");
    long unmasked = documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "back.pdf", (new String(PDF,
        StandardCharsets.US_ASCII) + "% third\n").getBytes(StandardCharsets.US_ASCII), "requester").id();
    documents.deleteUnmasked(request.id(), unmasked, UnmaskedNumber.MY_NUMBER, "desk");

    Arrivals arrivals = verification.arrivals(request.id(), request.arrivedOn(), null);

    assertThat(arrivals.identityDocument()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(arrivals.statusProof()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(arrivals.sealCertificate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(verification.arrivals(request.id(), request.arrivedOn(), "2026-12-05"))
        .isEqualTo(Arrivals.all(LocalDate.of(2026, 12, 5)));

    // a resident record issued 9 June counts to its six months on 9 December: uploaded on the 10th it is too old
    Evidence evidence = new Evidence(RequesterKind.LEGAL_REPRESENTATIVE, null, null, null, false, null, "PASSPORT",
        null, null, "RESIDENT_RECORD", "2026-06-09", null, false);
    assertThat(verification.assess(request.id(), request.arrivedOn(), evidence, "desk"))
        .isEqualTo(moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD"));
    assertThat(register.events(request.id())).last().satisfies(event -> {
      assertThat(event.eventType()).isEqualTo("IDENTITY_MORE_DOCUMENTS_NEEDED");
      assertThat(event.detail()).isEqualTo("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD");
    });
  }

  private Assessment principal(String type, String issuedOn, String expiresOn, String arrivedOn) {
    return verification.judge(Arrivals.all(LocalDate.parse(arrivedOn)), new Evidence(RequesterKind.PRINCIPAL, type,
        issuedOn, expiresOn, false, null, null, null, null, null, null, null, false));
  }

  private Assessment representative(String proofType, String proofIssuedOn, String ownDocument, String ownExpiresOn,
      String arrivedOn) {
    return verification.judge(Arrivals.all(LocalDate.parse(arrivedOn)), new Evidence(
        RequesterKind.LEGAL_REPRESENTATIVE, null, null, null, false, null, ownDocument, null, ownExpiresOn, proofType,
        proofIssuedOn, null, false));
  }

  private static Assessment verified() {
    return new Assessment(IdentityOutcome.VERIFIED, null);
  }

  private static Assessment moreNeeded(String finding) {
    return new Assessment(IdentityOutcome.MORE_DOCUMENTS_NEEDED, finding);
  }

  private static void at(String tokyoLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(tokyoLocalDateTime).atZone(TOKYO).toInstant()));
  }
}
