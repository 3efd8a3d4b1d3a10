package jp.madoguchi.identity;

import java.time.LocalDate;
import jp.madoguchi.process.PersonalDataRequestProcess.RequesterKind;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
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
        Variables.REQUESTER_KIND.getEnum(execution, RequesterKind.class),
        Variables.IDENTITY_DOCUMENT_TYPE.get(execution),
        Variables.IDENTITY_DOCUMENT_ISSUED_ON.get(execution),
        Variables.POWER_OF_ATTORNEY_PRESENT.isTrue(execution),
        Variables.SEAL_CERTIFICATE_ISSUED_ON.get(execution),
        Variables.AGENT_DOCUMENT_TYPE.get(execution),
        Variables.AGENT_DOCUMENT_ISSUED_ON.get(execution),
        Variables.STATUS_PROOF_TYPE.get(execution),
        Variables.STATUS_PROOF_ISSUED_ON.get(execution),
        Variables.IDENTITY_MISMATCH.isTrue(execution));
    IdentityVerification.Assessment assessment = verification.assess(
        Variables.REQUEST_ID.require(execution), LocalDate.parse(Variables.ARRIVED_ON.require(execution)),
        evidence, actor.id());
    Variables.IDENTITY_OUTCOME.setEnum(execution, assessment.outcome());
    Variables.IDENTITY_FINDING.set(execution, assessment.finding());
  }
}
