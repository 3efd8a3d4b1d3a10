package jp.madoguchi.identity;

import java.time.LocalDate;
import jp.madoguchi.process.RequestFacts.RequesterKind;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Assess identity documents": verified, more documents needed, or rejected. */
@Component
class AssessIdentityDocumentsDelegate implements JavaDelegate {

  private final IdentityVerification verification;
  private final CurrentActor actor;

  AssessIdentityDocumentsDelegate(IdentityVerification verification, CurrentActor actor) {
    this.verification = verification;
    this.actor = actor;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityVerification.Evidence evidence = new IdentityVerification.Evidence(
        RequestFacts.REQUESTER_KIND.getEnum(execution, RequesterKind.class),
        IdentityVerificationProcess.Variables.IDENTITY_DOCUMENT_TYPE.get(execution),
        IdentityVerificationProcess.Variables.IDENTITY_DOCUMENT_ISSUED_ON.get(execution),
        IdentityVerificationProcess.Variables.IDENTITY_DOCUMENT_EXPIRES_ON.get(execution),
        IdentityVerificationProcess.Variables.POWER_OF_ATTORNEY_PRESENT.isTrue(execution),
        IdentityVerificationProcess.Variables.SEAL_CERTIFICATE_ISSUED_ON.get(execution),
        IdentityVerificationProcess.Variables.AGENT_DOCUMENT_TYPE.get(execution),
        IdentityVerificationProcess.Variables.AGENT_DOCUMENT_ISSUED_ON.get(execution),
        IdentityVerificationProcess.Variables.AGENT_DOCUMENT_EXPIRES_ON.get(execution),
        IdentityVerificationProcess.Variables.STATUS_PROOF_TYPE.get(execution),
        IdentityVerificationProcess.Variables.STATUS_PROOF_ISSUED_ON.get(execution),
        IdentityVerificationProcess.Variables.DOCUMENTS_ARRIVED_ON.get(execution),
        IdentityVerificationProcess.Variables.IDENTITY_MISMATCH.isTrue(execution));
    IdentityVerification.Assessment assessment = verification.assess(
        RequestFacts.REQUEST_ID.require(execution), LocalDate.parse(RequestFacts.ARRIVED_ON.require(execution)),
        evidence, actor.id());
    IdentityVerificationProcess.Variables.IDENTITY_OUTCOME.setEnum(execution, assessment.outcome());
    IdentityVerificationProcess.Variables.IDENTITY_FINDING.set(execution, assessment.finding());
  }
}
