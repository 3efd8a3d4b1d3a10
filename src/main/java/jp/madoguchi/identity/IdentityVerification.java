package jp.madoguchi.identity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import jp.madoguchi.identity.IdentityVerificationProcess.IdentityOutcome;
import jp.madoguchi.process.RequestFacts.RequesterKind;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Judges the identity documents the desk received. Which documents count, and how old a certificate may be, is the
 * decision table {@code identity-documents}; which documents each kind of requester needs is the law (PPC General
 * Guidelines), here.
 */
@Service
public class IdentityVerification {

  static final String DECISION_KEY = "identity-documents";

  private final DecisionService decisionService;
  private final RequestRegister register;

  IdentityVerification(DecisionService decisionService, RequestRegister register) {
    this.decisionService = decisionService;
    this.register = register;
  }

  /** The documents as staff recorded them; dates as {@code yyyy-MM-dd}. */
  public record Evidence(
      RequesterKind requesterKind,
      String identityDocumentType,
      String identityDocumentIssuedOn,
      boolean powerOfAttorneyPresent,
      String sealCertificateIssuedOn,
      String agentDocumentType,
      String agentDocumentIssuedOn,
      String statusProofType,
      String statusProofIssuedOn,
      boolean mismatch) {}

  /** The outcome and, when not verified, what is missing or wrong (a code the letters explain). */
  public record Assessment(IdentityOutcome outcome, String finding) {}

  public Assessment assess(long requestId, LocalDate arrivedOn, Evidence evidence, String actor) {
    Assessment assessment = judge(arrivedOn, evidence);
    register.recordEvent(requestId, actor, "IDENTITY_" + assessment.outcome().name(), assessment.finding());
    return assessment;
  }

  Assessment judge(LocalDate arrivedOn, Evidence evidence) {
    if (evidence.mismatch()) {
      return new Assessment(IdentityOutcome.REJECTED, "DOCUMENTS_DO_NOT_MATCH_REQUESTER");
    }
    return switch (evidence.requesterKind()) {
      case PRINCIPAL ->
          accepted(evidence.identityDocumentType(), evidence.identityDocumentIssuedOn(), arrivedOn)
              ? verified()
              : moreNeeded("PRINCIPAL_IDENTITY_DOCUMENT");
      case AUTHORISED_AGENT -> {
        if (!evidence.powerOfAttorneyPresent()) {
          yield moreNeeded("POWER_OF_ATTORNEY");
        }
        if (!accepted("SEAL_REGISTRATION_CERTIFICATE", evidence.sealCertificateIssuedOn(), arrivedOn)) {
          yield moreNeeded("PRINCIPAL_SEAL_CERTIFICATE_WITHIN_3_MONTHS");
        }
        yield accepted(evidence.agentDocumentType(), evidence.agentDocumentIssuedOn(), arrivedOn)
            ? verified()
            : moreNeeded("AGENT_IDENTITY_DOCUMENT");
      }
      case LEGAL_REPRESENTATIVE -> {
        if (!accepted(evidence.statusProofType(), evidence.statusProofIssuedOn(), arrivedOn)) {
          yield moreNeeded("PROOF_OF_LEGAL_REPRESENTATION");
        }
        yield accepted(evidence.agentDocumentType(), evidence.agentDocumentIssuedOn(), arrivedOn)
            ? verified()
            : moreNeeded("REPRESENTATIVE_IDENTITY_DOCUMENT");
      }
    };
  }

  private boolean accepted(String documentType, String issuedOn, LocalDate arrivedOn) {
    if (documentType == null || documentType.isBlank() || "NONE".equals(documentType)) {
      return false;
    }
    Long ageDays = issuedOn == null || issuedOn.isBlank()
        ? null
        : ChronoUnit.DAYS.between(LocalDate.parse(issuedOn.substring(0, 10)), arrivedOn);
    DmnDecisionRuleResult result =
        decisionService.evaluateDecisionTableByKey(DECISION_KEY)
            .variables(Variables.createVariables()
                .putValue("documentType", documentType)
                .putValue("documentAgeDays", ageDays))
            .evaluate()
            .getSingleResult();
    return result != null && Boolean.TRUE.equals(result.getEntry("documentAccepted"));
  }

  private static Assessment verified() {
    return new Assessment(IdentityOutcome.VERIFIED, null);
  }

  private static Assessment moreNeeded(String missing) {
    return new Assessment(IdentityOutcome.MORE_DOCUMENTS_NEEDED, missing);
  }
}
