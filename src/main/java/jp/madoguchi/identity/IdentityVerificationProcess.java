package jp.madoguchi.identity;

import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: staff record the identity documents of the principal, authorised agent or legal
 * representative; the documents are assessed (verified, more documents needed, or rejected). Called with the
 * request's facts ({@code process.RequestFacts}); its outcome goes back to the calling process.
 */
public final class IdentityVerificationProcess {

  public static final String KEY = "identity-verification";

  public static final class Elements {
    public static final String VERIFY_IDENTITY = "Task_VerifyIdentity";
    public static final String ASSESS_IDENTITY_DOCUMENTS = "Task_AssessIdentityDocuments";
    public static final String AWAIT_DOCUMENTS = "CallActivity_AwaitDocuments";

    private Elements() {}
  }

  public static final class Variables {
    /** Out: an {@link IdentityOutcome}. */
    public static final ProcessVariable<String> IDENTITY_OUTCOME = ProcessVariable.string("identityOutcome");
    /** Out: when not verified, what is missing or wrong (a code the letters explain). */
    public static final ProcessVariable<String> IDENTITY_FINDING = ProcessVariable.string("identityFinding");

    // what staff record in the form
    public static final ProcessVariable<String> IDENTITY_DOCUMENT_TYPE = ProcessVariable.string("identityDocumentType");
    public static final ProcessVariable<String> IDENTITY_DOCUMENT_ISSUED_ON =
        ProcessVariable.string("identityDocumentIssuedOn");
    /** Since version 3: the expiry date printed on the principal's identity document ({@code yyyy-MM-dd}). */
    public static final ProcessVariable<String> IDENTITY_DOCUMENT_EXPIRES_ON =
        ProcessVariable.string("identityDocumentExpiresOn");
    public static final ProcessVariable<Boolean> POWER_OF_ATTORNEY_PRESENT =
        ProcessVariable.bool("powerOfAttorneyPresent");
    public static final ProcessVariable<String> SEAL_CERTIFICATE_ISSUED_ON =
        ProcessVariable.string("sealCertificateIssuedOn");
    public static final ProcessVariable<String> AGENT_DOCUMENT_TYPE = ProcessVariable.string("agentDocumentType");
    public static final ProcessVariable<String> AGENT_DOCUMENT_ISSUED_ON =
        ProcessVariable.string("agentDocumentIssuedOn");
    /** Since version 3: the expiry date printed on the agent's or representative's own identity document. */
    public static final ProcessVariable<String> AGENT_DOCUMENT_EXPIRES_ON =
        ProcessVariable.string("agentDocumentExpiresOn");
    public static final ProcessVariable<String> STATUS_PROOF_TYPE = ProcessVariable.string("statusProofType");
    public static final ProcessVariable<String> STATUS_PROOF_ISSUED_ON = ProcessVariable.string("statusProofIssuedOn");
    /**
     * Since version 3: the day the documents reached the desk, when they came after the request (by post); blank:
     * the day of the latest upload of each kind, else the request's arrival date.
     */
    public static final ProcessVariable<String> DOCUMENTS_ARRIVED_ON = ProcessVariable.string("documentsArrivedOn");
    public static final ProcessVariable<Boolean> IDENTITY_MISMATCH = ProcessVariable.bool("identityMismatch");

    private Variables() {}
  }

  /** Values of {@link Variables#IDENTITY_OUTCOME}. */
  public enum IdentityOutcome { VERIFIED, MORE_DOCUMENTS_NEEDED, REJECTED }

  private IdentityVerificationProcess() {}
}
