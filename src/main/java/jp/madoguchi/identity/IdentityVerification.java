package jp.madoguchi.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import jp.madoguchi.process.RequestFacts.RequesterKind;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.VerifiedAddresses;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Judges the identity documents the desk received. Which documents count, how many calendar months a certificate
 * may be old and until when a discontinued document is still taken is the decision table {@code identity-documents};
 * which documents each kind of requester needs is the law (PPC General Guidelines), here, and so is the counting of
 * dates, which a table cannot do exactly.
 *
 * <p>Every date is compared with the day the document reached the desk: what staff record as the documents' arrival
 * ({@code documentsArrivedOn}, for documents that came later by post); otherwise the day the latest document of that
 * kind was uploaded, when later than the request's arrival; otherwise the request's arrival date.
 *
 * <ul>
 *   <li>A certificate whose row gives {@code maximumAgeMonths} N is accepted when it was issued on or before that day
 *       and that day is no later than the issue date plus N calendar months (Civil Code Art 140, 143: the period
 *       runs from the day after issue and ends on the corresponding day N months on, or the month's last day when
 *       that month is shorter). Issued 5 June, 6 months: arrived 5 December is accepted, 6 December is not.</li>
 *   <li>A document with an expiry date is accepted when that day is no later than its expiry date.</li>
 *   <li>A document type whose row gives {@code acceptedUntil} (the old health insurance card) is accepted only when
 *       that day is no later than that date.</li>
 * </ul>
 */
@Service
public class IdentityVerification {

  static final String DECISION_KEY = "identity-documents";
  static final String VERIFIED_ADDRESS_MISSING = "本人確認書類に記載された住所が記録されていません。請求ファイルの画面で"
      + "住所を記録してから、このタスクを完了してください。 / The address shown on the identity document has not been "
      + "recorded: record it on the request file page, then complete this task.";

  private final DecisionService decisionService;
  private final RequestRegister register;
  private final RequestDocuments documents;
  private final VerifiedAddresses verifiedAddresses;
  private final ZoneId zone;

  IdentityVerification(DecisionService decisionService, RequestRegister register, RequestDocuments documents,
      VerifiedAddresses verifiedAddresses, DeskCalendar calendar) {
    this.verifiedAddresses = verifiedAddresses;
    this.decisionService = decisionService;
    this.register = register;
    this.documents = documents;
    this.zone = calendar.timeZone();
  }

  /** The documents as staff recorded them; dates as {@code yyyy-MM-dd}. */
  public record Evidence(
      RequesterKind requesterKind,
      String identityDocumentType,
      String identityDocumentIssuedOn,
      String identityDocumentExpiresOn,
      boolean powerOfAttorneyPresent,
      String sealCertificateIssuedOn,
      String agentDocumentType,
      String agentDocumentIssuedOn,
      String agentDocumentExpiresOn,
      String statusProofType,
      String statusProofIssuedOn,
      String documentsArrivedOn,
      boolean mismatch) {}

  /** The outcome and, when not verified, what is missing or wrong (a code the letters explain). */
  public record Assessment(IdentityOutcome outcome, String finding) {}

  /** The day each kind of document reached the desk. */
  record Arrivals(LocalDate identityDocument, LocalDate sealCertificate, LocalDate statusProof) {

    static Arrivals all(LocalDate day) {
      return new Arrivals(day, day, day);
    }
  }

  /** How one document fared against the table and its dates. */
  private enum Check { ACCEPTED, NOT_ACCEPTED, EXPIRED, TOO_OLD }

  /**
   * Judges the documents and records the outcome in the request's history. Identity is verified only once staff
   * recorded the address shown on the verified document (the principal's, or the agent's), since every paper letter
   * from here on goes there ({@link VerifiedAddresses}): without it the verification is refused with a
   * {@link BadUserRequestException} saying so, the task stays open and nothing is recorded.
   */
  public Assessment assess(long requestId, LocalDate requestArrivedOn, Evidence evidence, String actor) {
    Assessment assessment = judge(arrivals(requestId, requestArrivedOn, evidence.documentsArrivedOn()), evidence);
    if (assessment.outcome() == IdentityOutcome.VERIFIED && !verifiedAddresses.isRecorded(requestId)) {
      throw new BadUserRequestException(VERIFIED_ADDRESS_MISSING);
    }
    register.recordEvent(requestId, actor, "IDENTITY_" + assessment.outcome().name(), assessment.finding());
    return assessment;
  }

  /**
   * The day the documents arrived: what staff recorded, else per kind the day of the latest upload when later than
   * the request's arrival (documents sent later from the status page), else the request's arrival.
   */
  Arrivals arrivals(long requestId, LocalDate requestArrivedOn, String recorded) {
    LocalDate staffRecorded = date(recorded);
    if (staffRecorded != null) {
      return Arrivals.all(staffRecorded);
    }
    return new Arrivals(uploadedOrArrived(requestId, DocumentKind.IDENTITY_DOCUMENT, requestArrivedOn),
        uploadedOrArrived(requestId, DocumentKind.SEAL_CERTIFICATE, requestArrivedOn),
        uploadedOrArrived(requestId, DocumentKind.STATUS_PROOF, requestArrivedOn));
  }

  private LocalDate uploadedOrArrived(long requestId, DocumentKind kind, LocalDate requestArrivedOn) {
    Optional<Instant> uploaded = documents.lastReceivedAt(requestId, kind);
    return uploaded.map(at -> at.atZone(zone).toLocalDate()).filter(day -> day.isAfter(requestArrivedOn))
        .orElse(requestArrivedOn);
  }

  Assessment judge(Arrivals arrived, Evidence evidence) {
    if (evidence.mismatch()) {
      return new Assessment(IdentityOutcome.REJECTED, "DOCUMENTS_DO_NOT_MATCH_REQUESTER");
    }
    return switch (evidence.requesterKind()) {
      case PRINCIPAL -> switch (check(evidence.identityDocumentType(), evidence.identityDocumentIssuedOn(),
          evidence.identityDocumentExpiresOn(), arrivalOf(evidence.identityDocumentType(), arrived))) {
        case ACCEPTED -> verified();
        case EXPIRED -> moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT_EXPIRED");
        default -> moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT");
      };
      case AUTHORISED_AGENT -> {
        if (!evidence.powerOfAttorneyPresent()) {
          yield moreNeeded("POWER_OF_ATTORNEY");
        }
        if (check("SEAL_REGISTRATION_CERTIFICATE", evidence.sealCertificateIssuedOn(), null,
            arrived.sealCertificate()) != Check.ACCEPTED) {
          yield moreNeeded("PRINCIPAL_SEAL_CERTIFICATE_WITHIN_3_MONTHS");
        }
        yield switch (check(evidence.agentDocumentType(), evidence.agentDocumentIssuedOn(),
            evidence.agentDocumentExpiresOn(), arrived.identityDocument())) {
          case ACCEPTED -> verified();
          case EXPIRED -> moreNeeded("AGENT_IDENTITY_DOCUMENT_EXPIRED");
          default -> moreNeeded("AGENT_IDENTITY_DOCUMENT");
        };
      }
      case LEGAL_REPRESENTATIVE -> {
        Check proof = check(evidence.statusProofType(), evidence.statusProofIssuedOn(), null, arrived.statusProof());
        if (proof == Check.TOO_OLD) {
          yield moreNeeded("PROOF_OF_LEGAL_REPRESENTATION_TOO_OLD");
        }
        if (proof != Check.ACCEPTED) {
          yield moreNeeded("PROOF_OF_LEGAL_REPRESENTATION");
        }
        yield switch (check(evidence.agentDocumentType(), evidence.agentDocumentIssuedOn(),
            evidence.agentDocumentExpiresOn(), arrived.identityDocument())) {
          case ACCEPTED -> verified();
          case EXPIRED -> moreNeeded("REPRESENTATIVE_IDENTITY_DOCUMENT_EXPIRED");
          default -> moreNeeded("REPRESENTATIVE_IDENTITY_DOCUMENT");
        };
      }
    };
  }

  /** A principal may prove identity with a seal registration certificate, which the form files as such. */
  private static LocalDate arrivalOf(String documentType, Arrivals arrived) {
    return "SEAL_REGISTRATION_CERTIFICATE".equals(documentType) ? arrived.sealCertificate()
        : arrived.identityDocument();
  }

  private Check check(String documentType, String issuedOn, String expiresOn, LocalDate arrivedOn) {
    if (documentType == null || documentType.isBlank() || "NONE".equals(documentType)) {
      return Check.NOT_ACCEPTED;
    }
    LocalDate issued = date(issuedOn);
    // documentAgeDays is still passed so that a table written to version 2 of the contract keeps working
    DmnDecisionRuleResult result =
        decisionService.evaluateDecisionTableByKey(DECISION_KEY)
            .variables(Variables.createVariables()
                .putValue("documentType", documentType)
                .putValue("documentAgeDays", issued == null ? null : ChronoUnit.DAYS.between(issued, arrivedOn)))
            .evaluate()
            .getSingleResult();
    if (result == null || !Boolean.TRUE.equals(result.getEntry("documentAccepted"))) {
      return Check.NOT_ACCEPTED;
    }
    LocalDate acceptedUntil = date(result.getEntry("acceptedUntil"));
    LocalDate expires = date(expiresOn);
    if ((acceptedUntil != null && arrivedOn.isAfter(acceptedUntil)) || (expires != null && arrivedOn.isAfter(expires))) {
      return Check.EXPIRED;
    }
    Number maximumAgeMonths = result.getEntry("maximumAgeMonths");
    if (maximumAgeMonths != null) {
      if (issued == null || issued.isAfter(arrivedOn)) {
        return Check.NOT_ACCEPTED;
      }
      if (arrivedOn.isAfter(issued.plusMonths(maximumAgeMonths.longValue()))) {
        return Check.TOO_OLD;
      }
    }
    return Check.ACCEPTED;
  }

  /** A date as the form records it ({@code yyyy-MM-dd}, possibly with a time); null when blank. */
  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return LocalDate.parse(value.toString().strip().substring(0, 10));
  }

  private static Assessment verified() {
    return new Assessment(IdentityOutcome.VERIFIED, null);
  }

  private static Assessment moreNeeded(String missing) {
    return new Assessment(IdentityOutcome.MORE_DOCUMENTS_NEEDED, missing);
  }
}
