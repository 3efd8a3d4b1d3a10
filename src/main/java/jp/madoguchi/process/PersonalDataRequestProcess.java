package jp.madoguchi.process;

import java.util.List;

/**
 * The personal-data request process and its call activities: keys, element IDs and variables. Variable names and
 * values are a contract with integrators and reports; personal data never appears among them.
 */
public final class PersonalDataRequestProcess {

  public static final String KEY = "personal-data-request";
  public static final String IDENTITY_VERIFICATION_KEY = "identity-verification";
  public static final String FEE_PAYMENT_KEY = "fee-payment";
  public static final String AWAIT_REQUESTER_KEY = "await-requester";
  public static final String REPLY_KEY = "reply";

  /** The message that ends the handling of a request its requester withdrew (see {@code RequestWithdrawal}). */
  public static final String REQUEST_WITHDRAWN_MESSAGE = "RequestWithdrawn";

  /** Element IDs, for tests and for code that looks at where a request stands. */
  public static final class Elements {
    public static final String REQUEST_RECEIVED = "Event_RequestReceived";
    public static final String DETERMINE_RESPONSE_DEADLINE = "Task_DetermineResponseDeadline";
    public static final String START_SLA_CLOCK = "Task_StartSlaClock";
    public static final String SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
    public static final String HANDLE_REQUEST = "SubProcess_HandleRequest";
    public static final String CHECK_REQUEST = "Task_CheckRequest";
    public static final String AWAIT_REQUEST_FORM = "CallActivity_AwaitRequestForm";
    public static final String VERIFY_IDENTITY_CALL = "CallActivity_VerifyIdentity";
    public static final String DETERMINE_FEE = "Task_DetermineFee";
    public static final String COLLECT_FEE = "CallActivity_CollectFee";
    public static final String INVESTIGATE = "Task_InvestigateRetainedData";
    public static final String REFER_TO_CLIENT = "Task_ReferToClient";
    public static final String DECIDE = "Task_DecideOnRequest";
    public static final String APPROVE_REFUSAL = "Task_ApproveRefusal";
    public static final String CHOOSE_REPLY_LETTER = "Task_ChooseReplyLetter";
    public static final String SEND_REPLY_CALL = "CallActivity_SendReply";
    public static final String REQUEST_WITHDRAWN = "Event_RequestWithdrawn";
    public static final String CONFIRM_WITHDRAWAL = "Task_ConfirmWithdrawal";
    public static final String READY_TO_CLOSE = "Gateway_ReadyToClose";
    public static final String CLOSE_REQUEST = "Task_CloseRequest";
    public static final String REQUEST_CLOSED = "Event_RequestClosed";
    public static final String DEADLINE_NEAR = "Event_DeadlineNear";
    public static final String TARGET_DEADLINE_PASSED = "Event_TargetDeadlinePassed";
    public static final String TWO_WEEKS_PASSED = "Event_TwoWeeksPassed";
    public static final String REVIEW_OVERDUE = "Task_ReviewOverdueRequest";
    public static final String REVIEW_LEGAL_RISK = "Task_ReviewLegalRisk";
    public static final String REQUEST_ANSWERED = "Event_RequestAnswered";
    public static final String REQUEST_ABANDONED = "Event_RequestAbandoned";
    public static final String REFERRED_TO_CLIENT = "Event_ReferredToClient";

    // identity-verification
    public static final String VERIFY_IDENTITY = "Task_VerifyIdentity";
    public static final String ASSESS_IDENTITY_DOCUMENTS = "Task_AssessIdentityDocuments";
    public static final String AWAIT_DOCUMENTS = "CallActivity_AwaitDocuments";

    // fee-payment
    public static final String SEND_FEE_REQUEST = "Task_SendFeeRequest";
    public static final String CONFIRM_FEE_PAYMENT = "Task_ConfirmFeePayment";
    public static final String FEE_REMINDER_DUE = "Event_FeeReminderDue";
    public static final String FEE_NOT_PAID_IN_TIME = "Event_FeeNotPaidInTime";

    // await-requester
    public static final String SEND_REQUEST_TO_REQUESTER = "Task_SendRequestToRequester";
    public static final String RECORD_REQUESTER_REPLY = "Task_RecordRequesterReply";
    public static final String REQUESTER_REMINDER_DUE = "Event_RequesterReminderDue";
    public static final String NO_REPLY_IN_TIME = "Event_NoReplyInTime";

    // reply
    public static final String SEND_REPLY = "Task_SendReply";
    public static final String DISPATCH_BY_REGISTERED_MAIL = "Task_DispatchByRegisteredMail";

    private Elements() {}
  }

  /** The variables of the request's processes. */
  public static final class Variables {
    // routing facts set at the start
    public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.number("requestId");
    public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
    public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.string("requestType");
    public static final ProcessVariable<String> PERSONAL_INFORMATION_KIND =
        ProcessVariable.string("personalInformationKind");
    public static final ProcessVariable<String> REQUESTER_KIND = ProcessVariable.string("requesterKind");
    public static final ProcessVariable<String> DISCLOSURE_METHOD = ProcessVariable.string("disclosureMethod");
    public static final ProcessVariable<String> DESK_GROUP = ProcessVariable.string("deskGroup");
    public static final ProcessVariable<String> ARRIVED_ON = ProcessVariable.string("arrivedOn");

    // the clock
    public static final ProcessVariable<Long> TARGET_BUSINESS_DAYS = ProcessVariable.number("targetBusinessDays");
    public static final ProcessVariable<java.util.Date> TARGET_DUE_DATE = ProcessVariable.date("targetDueDate");
    public static final ProcessVariable<java.util.Date> LEGAL_RISK_DATE = ProcessVariable.date("legalRiskDate");

    // receipt and waiting for the requester
    public static final ProcessVariable<Boolean> REQUEST_FORM_COMPLETE = ProcessVariable.bool("requestFormComplete");
    public static final ProcessVariable<String> AWAITED_LETTER = ProcessVariable.string("awaitedLetter");
    public static final ProcessVariable<Boolean> ABANDONED = ProcessVariable.bool("abandoned");
    public static final ProcessVariable<Boolean> WITHDRAWN = ProcessVariable.bool("withdrawn");

    // identity
    public static final ProcessVariable<String> IDENTITY_OUTCOME = ProcessVariable.string("identityOutcome");
    public static final ProcessVariable<String> IDENTITY_DOCUMENT_TYPE = ProcessVariable.string("identityDocumentType");
    public static final ProcessVariable<String> IDENTITY_DOCUMENT_ISSUED_ON =
        ProcessVariable.string("identityDocumentIssuedOn");
    public static final ProcessVariable<Boolean> POWER_OF_ATTORNEY_PRESENT =
        ProcessVariable.bool("powerOfAttorneyPresent");
    public static final ProcessVariable<String> SEAL_CERTIFICATE_ISSUED_ON =
        ProcessVariable.string("sealCertificateIssuedOn");
    public static final ProcessVariable<String> AGENT_DOCUMENT_TYPE = ProcessVariable.string("agentDocumentType");
    public static final ProcessVariable<String> AGENT_DOCUMENT_ISSUED_ON =
        ProcessVariable.string("agentDocumentIssuedOn");
    public static final ProcessVariable<String> STATUS_PROOF_TYPE = ProcessVariable.string("statusProofType");
    public static final ProcessVariable<String> STATUS_PROOF_ISSUED_ON = ProcessVariable.string("statusProofIssuedOn");
    public static final ProcessVariable<Boolean> IDENTITY_MISMATCH = ProcessVariable.bool("identityMismatch");
    public static final ProcessVariable<String> IDENTITY_FINDING = ProcessVariable.string("identityFinding");

    // fee
    public static final ProcessVariable<Boolean> FEE_REQUIRED = ProcessVariable.bool("feeRequired");
    public static final ProcessVariable<Long> FEE_AMOUNT = ProcessVariable.number("feeAmount");
    public static final ProcessVariable<String> FEE_OUTCOME = ProcessVariable.string("feeOutcome");
    public static final ProcessVariable<Long> FEE_AMOUNT_RECEIVED = ProcessVariable.number("feeAmountReceived");
    public static final ProcessVariable<String> FEE_PAYMENT_METHOD = ProcessVariable.string("feePaymentMethod");
    public static final ProcessVariable<Boolean> FEE_PAID_IN_FULL = ProcessVariable.bool("feePaidInFull");

    // investigation
    public static final ProcessVariable<Boolean> DATA_FOUND = ProcessVariable.bool("dataFound");
    public static final ProcessVariable<Boolean> ENTRUSTED_BY_CLIENT = ProcessVariable.bool("entrustedByClient");
    public static final ProcessVariable<String> CLIENT_COMPANY_NAME = ProcessVariable.string("clientCompanyName");
    public static final ProcessVariable<String> CLIENT_CONTACT_EMAIL = ProcessVariable.string("clientContactEmail");
    public static final ProcessVariable<List> DATA_LOCATIONS = ProcessVariable.list("dataLocations");

    // decision
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
    public static final ProcessVariable<List> REFUSAL_GROUNDS = ProcessVariable.list("refusalGrounds");
    public static final ProcessVariable<String> REFUSAL_REASONS = ProcessVariable.string("refusalReasons");
    public static final ProcessVariable<Boolean> CHANGE_TO_PAPER = ProcessVariable.bool("changeToPaper");
    public static final ProcessVariable<String> MANAGER_APPROVAL = ProcessVariable.string("managerApproval");
    public static final ProcessVariable<String> MANAGER_COMMENT = ProcessVariable.string("managerComment");

    // reply
    public static final ProcessVariable<String> REPLY_LETTER = ProcessVariable.string("replyLetter");
    public static final ProcessVariable<String> REPLY_DELIVERY = ProcessVariable.string("replyDelivery");
    public static final ProcessVariable<String> TRACKING_NUMBER = ProcessVariable.string("trackingNumber");
    /** The outbox id of a paper reply, so that the dispatch form can offer its PDF to print. */
    public static final ProcessVariable<Long> REPLY_LETTER_ID = ProcessVariable.number("replyLetterId");
    /** The outbox id of the notice that the method changed to paper, printed with the reply. */
    public static final ProcessVariable<Long> METHOD_CHANGE_LETTER_ID = ProcessVariable.number("methodChangeLetterId");

    private Variables() {}
  }

  /** Values of the contract's outcome variables. */
  public enum IdentityOutcome { VERIFIED, MORE_DOCUMENTS_NEEDED, REJECTED }

  public enum FeeOutcome { PAID, NOT_REQUIRED, ABANDONED }

  public enum Decision { FULL, PARTIAL, NONE }

  public enum RefusalGround { HARM_TO_PERSON_OR_THIRD_PARTY, SIGNIFICANT_BUSINESS_HINDRANCE, VIOLATION_OF_LAWS }

  public enum ManagerApproval { APPROVED, SENT_BACK }

  /** Who made the request, for identity verification. */
  public enum RequesterKind { PRINCIPAL, AUTHORISED_AGENT, LEGAL_REPRESENTATIVE }

  private PersonalDataRequestProcess() {}
}
