package jp.madoguchi.handling;

import java.util.List;
import jp.madoguchi.connector.ConnectorVariables;
import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: a request under APPI Arts 32-35 from receipt to closing. Its element IDs and its own
 * variables; the facts it hands to the processes it calls are {@code process.RequestFacts}, and each called process
 * has its contract beside its delegates. Variable names and values are a contract with integrators and reports;
 * personal data never appears among them.
 */
public final class PersonalDataRequestProcess {

  public static final String KEY = "personal-data-request";

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
    /**
     * Whether the data sought is held for a client company (contract version 4): all of it is referred without a
     * fee; part of it is referred and the rest goes on to the fee; none goes on as before.
     */
    public static final String ENTRUSTED_DATA = "Gateway_EntrustedData";
    /** After a referral: whether the company's own data remains to be answered (a partly entrusted request). */
    public static final String OWN_DATA_TO_ANSWER = "Gateway_OwnDataToAnswer";
    public static final String DETERMINE_FEE = "Task_DetermineFee";
    public static final String COLLECT_FEE = "CallActivity_CollectFee";
    /** No third-party provision records exist for specific personal information: such a request skips the search. */
    public static final String RECORDS_KEPT = "Gateway_RecordsKept";
    public static final String INVESTIGATE = "Task_InvestigateRetainedData";
    /** Plans the search from the data inventory (the requester's relationship gives categories, then systems). */
    public static final String PLAN_SYSTEM_SEARCH = "Task_PlanSystemSearch";
    /**
     * Each system of the plan, in parallel, searched by its kind ({@code systemSearchKind}): through its connector,
     * by its external-task worker, or by hand (ADR 0033).
     */
    public static final String SEARCH_SYSTEMS = "SubProcess_SearchSystem";
    /** "Search system X for request R": one task per manual system, offered to its owning group, in parallel. */
    public static final String SEARCH_SYSTEM = "Task_SearchSystem";
    /** A system with an SQL or HTTP connector searched automatically (asynchronous, retried, then an incident). */
    public static final String SEARCH_SYSTEM_BY_CONNECTOR = "Task_SearchSystemByConnector";
    /** An external-task system: a one-time handle for its worker (asynchronous, retried, then an incident). */
    public static final String HAND_OUT_SYSTEM_SEARCH = "Task_HandOutSystemSearch";
    /** The external task its worker fetches (topic from the connector's configuration). */
    public static final String SEARCH_SYSTEM_BY_WORKER = "Task_SearchSystemByWorker";
    public static final String REFER_TO_CLIENT = "Task_ReferToClient";
    public static final String DECIDE = "Task_DecideOnRequest";
    public static final String APPROVE_REFUSAL = "Task_ApproveRefusal";
    /**
     * A manager approves a decision in full that changes the systems (a correction, a suspension or erasure, a
     * suspension of provision): four eyes before anything is done on a system (contract version 5, ADR 0034).
     */
    public static final String APPROVE_ACTION = "Task_ApproveAction";
    /**
     * Each system where the person's data was found, in parallel, after the approval: the approved action through
     * its connector or by its owning group ({@code systemActionKind}, ADR 0034).
     */
    public static final String ACT_ON_SYSTEMS = "SubProcess_ActOnSystem";
    /** The action through the system's connector (asynchronous, retried, then an incident). */
    public static final String ACT_ON_SYSTEM_BY_CONNECTOR = "Task_ActOnSystemByConnector";
    /** An external-task system: a one-time handle for its worker, with the action (asynchronous, retried). */
    public static final String HAND_OUT_SYSTEM_ACTION = "Task_HandOutSystemAction";
    /** The external task the system's worker fetches; it reports the outcome through the desk's signed endpoint. */
    public static final String ACT_ON_SYSTEM_BY_WORKER = "Task_ActOnSystemByWorker";
    /** The wait between two looks at an accepted action's callback. */
    public static final String ACTION_OUTCOME_AWAITED = "Event_ActionOutcomeAwaited";
    /**
     * Looks whether the accepted action's callback (or the worker's report) came: an incident when it reported a
     * failure, or once its configured time passed.
     */
    public static final String CHECK_ACTION_OUTCOME = "Task_CheckActionOutcome";
    /** "Carry out in X": the owning group's task for a manual system, and for every system of a decision in part. */
    public static final String ACT_ON_SYSTEM_BY_HAND = "Task_ActOnSystemByHand";
    public static final String CHOOSE_REPLY_LETTER = "Task_ChooseReplyLetter";
    public static final String SEND_REPLY_CALL = "CallActivity_SendReply";
    public static final String REQUEST_WITHDRAWN = "Event_RequestWithdrawn";
    public static final String CONFIRM_WITHDRAWAL = "Task_ConfirmWithdrawal";
    public static final String READY_TO_CLOSE = "Gateway_ReadyToClose";
    public static final String CLOSE_REQUEST = "Task_CloseRequest";
    public static final String REQUEST_CLOSED = "Event_RequestClosed";
    public static final String DEADLINE_NEAR = "Event_DeadlineNear";
    public static final String TARGET_DEADLINE_PASSED = "Event_TargetDeadlinePassed";
    /** The Art 39 date passed (the id keeps its first name: instances wait there). */
    public static final String ART39_DATE_PASSED = "Event_TwoWeeksPassed";
    public static final String REVIEW_OVERDUE = "Task_ReviewOverdueRequest";
    /** Managers review a request past its Art 39 date (the id keeps its first name: tasks wait there). */
    public static final String REVIEW_ART39_DATE_PASSED = "Task_ReviewLegalRisk";
    public static final String REQUEST_ANSWERED = "Event_RequestAnswered";
    public static final String REQUEST_ABANDONED = "Event_RequestAbandoned";
    public static final String REFERRED_TO_CLIENT = "Event_ReferredToClient";

    private Elements() {}
  }

  /** The variables of this process of its own. */
  public static final class Variables {
    // receipt
    public static final ProcessVariable<Boolean> REQUEST_FORM_COMPLETE = ProcessVariable.bool("requestFormComplete");
    /**
     * What the request lacks, when {@link #REQUEST_FORM_COMPLETE} is false: codes of {@link RequestDetail}, handed to
     * the wait for the requester, whose letter asks for these only. Empty when the request is complete (contract
     * version 3).
     */
    public static final ProcessVariable<List> MISSING_REQUEST_DETAILS = ProcessVariable.list("missingRequestDetails");
    /**
     * Whether the data sought is held for a client company: a code of {@link EntrustedData}, answered in "Check the
     * request" once the request is complete, before any fee is asked (contract version 4). Set in one place only
     * ({@code EntrustedDataAnswer}); a later version may take the answer from the data inventory instead.
     */
    public static final ProcessVariable<String> ENTRUSTED_DATA = ProcessVariable.string("entrustedData");
    /**
     * The requester's relationship to the company, chosen in "Check the request": a code of the data inventory's
     * relationships ({@code CUSTOMER}, {@code EMPLOYEE_OR_APPLICANT}, {@code CLIENT_CUSTOMER},
     * {@code BUSINESS_CONTACT}). It gives the categories that may hold the person's data and so the systems to search
     * (contract version 4, inventory-driven investigation); kept in our tables as well. Without it the search has no
     * systems from the rule and staff add them on the investigation page.
     */
    public static final ProcessVariable<String> REQUESTER_RELATIONSHIP = ProcessVariable.string("requesterRelationship");
    /** Set by the message that ends the handling when the requester withdraws. */
    public static final ProcessVariable<Boolean> WITHDRAWN = ProcessVariable.bool("withdrawn");

    // investigation
    public static final ProcessVariable<Boolean> DATA_FOUND = ProcessVariable.bool("dataFound");
    /**
     * True when any of the data sought is referred to a client company ({@link #ENTRUSTED_DATA} {@code ALL} or
     * {@code PART}), false when none is. Until contract version 4 it was ticked in the investigation and meant the
     * whole request was referred; since version 4 it is set with {@link #ENTRUSTED_DATA}, and a request with it true
     * may still be answered in part: read {@link #ENTRUSTED_DATA} to tell.
     */
    public static final ProcessVariable<Boolean> ENTRUSTED_BY_CLIENT = ProcessVariable.bool("entrustedByClient");
    /** Where the data was found (codes); handed to the reply, whose letter lists them. */
    public static final ProcessVariable<List> DATA_LOCATIONS = ProcessVariable.list("dataLocations");

    // decision
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
    public static final ProcessVariable<List> REFUSAL_GROUNDS = ProcessVariable.list("refusalGrounds");
    /** The desk changes an electronic disclosure to paper (APPI Art 33(3)); handed to the reply. */
    public static final ProcessVariable<Boolean> CHANGE_TO_PAPER = ProcessVariable.bool("changeToPaper");
    public static final ProcessVariable<String> MANAGER_APPROVAL = ProcessVariable.string("managerApproval");
    /**
     * For a suspension of use decided in full or in part: what the desk does on the systems, a code of
     * {@link ActionMeasure} chosen in the decision form (contract version 5).
     */
    public static final ProcessVariable<String> ACTION_MEASURE = ProcessVariable.string("actionMeasure");
    /**
     * Whether the request's type leads to an action on the systems (correction, suspension of use, suspension of
     * provision), set when the desk decides: a decision in full then goes to {@code Task_ApproveAction} (version 5).
     */
    public static final ProcessVariable<Boolean> ACTION_REQUEST = ProcessVariable.bool("actionRequest");
    /** The action to carry out once approved (ERASURE, CORRECTION, SUSPENSION), set when the desk decides. */
    public static final ProcessVariable<String> APPROVED_ACTION = ConnectorVariables.APPROVED_ACTION;
    /** A decision in part: every system is acted on by its owning group (ADR 0034). */
    public static final ProcessVariable<Boolean> ACTION_IN_PART = ConnectorVariables.ACTION_IN_PART;

    private Variables() {}
  }

  /**
   * Free text staff type in this process's forms (contract version 4): submitted with a task's completion, read by
   * that task's completion listeners, then kept in the register's history as a note of the step
   * ({@code RequestRegister#latestNote}) and never as a process variable or in the engine's history (ADR 0022).
   */
  public static final class FreeText {
    /** Why the request is refused in whole or in part, written for the requester (APPI Art 36). */
    public static final ProcessVariable<String> REFUSAL_REASONS = ProcessVariable.string("refusalReasons");
    /** The manager's comment on a refusal; a sent-back refusal needs one. */
    public static final ProcessVariable<String> MANAGER_COMMENT = ProcessVariable.string("managerComment");
    /** The manager's note on a decision that changes the systems; a decision sent back needs one (version 5). */
    public static final ProcessVariable<String> APPROVAL_NOTE = ProcessVariable.string("approvalNote");
    /** The owning group's note on what they did, or why it was not possible, in "Carry out in X" (version 5). */
    public static final ProcessVariable<String> ACTION_NOTE = ProcessVariable.string("actionNote");
    /** The client company whose entrusted data the request concerns. */
    public static final ProcessVariable<String> CLIENT_COMPANY_NAME = ProcessVariable.string("clientCompanyName");
    /** The client company's contact address; without one the notice goes on paper. */
    public static final ProcessVariable<String> CLIENT_CONTACT_EMAIL = ProcessVariable.string("clientContactEmail");

    private FreeText() {}
  }

  /**
   * What staff may find missing in "Check the request" (APPI Art 37(2): details that identify the data may be asked;
   * Art 37(4): nothing more). Identity documents are not among them: identity verification asks for those.
   */
  public enum RequestDetail {
    /** Which request the person makes is unclear. */
    REQUEST_TYPE,
    /** The details that identify the retained personal data concerned (service used, period, customer number). */
    DATA_CONCERNED,
    /** For a correction or suspension: what is to change, and why. */
    CHANGE_SOUGHT,
    /** For a disclosure: electronic record or paper, when the request does not say. */
    DISCLOSURE_METHOD,
    /** A request by post came without the requester's signature or seal. */
    SIGNATURE_OR_SEAL
  }

  /** Whether the data a request seeks is held for a client company (values of {@code entrustedData}). */
  public enum EntrustedData {
    /** All of it: the client answers; the desk refers the person to the client and asks no fee. */
    ALL,
    /** Part of it: the desk answers for its own data (fee as usual) and refers the rest to the client. */
    PART,
    /** None of it: the desk answers the whole request. */
    NONE;

    /** Whether any data is referred to a client: the value of {@code entrustedByClient}. */
    public boolean referred() {
      return this != NONE;
    }
  }

  /** Values of the contract's outcome variables. */
  public enum Decision { FULL, PARTIAL, NONE }

  /**
   * What a refusal, in whole or in part, rests on. Each request type has its own grounds in the law (see
   * {@code decision.RequestDecisions#groundsFor}); the first three are the disclosure grounds of contract version 1
   * and keep their meaning (Art 33(2)); the others came with version 3.
   */
  public enum RefusalGround {
    /** Art 33(2)(i): disclosure would harm the life, body, property or other rights of the person or a third party. */
    HARM_TO_PERSON_OR_THIRD_PARTY,
    /** Art 33(2)(ii): disclosure would significantly hinder the proper conduct of the business. */
    SIGNIFICANT_BUSINESS_HINDRANCE,
    /** Art 33(2)(iii): disclosure would violate other laws. */
    VIOLATION_OF_LAWS,
    /** Art 32(2)(i): the purposes are already clear from what the company published under Art 32(1). */
    PURPOSES_ALREADY_CLEAR,
    /** Art 32(2)(ii) with Art 21(4)(i): notifying would harm the life, body, property or other rights of the person
     * or a third party. */
    PURPOSE_NOTICE_HARMS_PERSON_OR_THIRD_PARTY,
    /** Art 32(2)(ii) with Art 21(4)(ii): notifying would harm the company's rights or legitimate interests. */
    PURPOSE_NOTICE_HARMS_COMPANY_INTERESTS,
    /** Art 32(2)(ii) with Art 21(4)(iii): notifying would hinder cooperation with national or local authorities. */
    PURPOSE_NOTICE_HINDERS_AUTHORITIES,
    /** Art 34(2): the investigation found the data accurate. */
    DATA_ACCURATE,
    /** Art 34(2): the correction is not needed for the purpose of use. */
    CORRECTION_NOT_NEEDED_FOR_PURPOSE,
    /** Art 35(1), (3), (5): the statutory condition of the request is not met. */
    STATUTORY_CONDITION_NOT_MET,
    /** Art 35(2), (4), (6), provisos: compliance would be very costly or difficult; an alternative measure protects
     * the person. */
    ALTERNATIVE_MEASURE_TAKEN
  }

  public enum ManagerApproval { APPROVED, SENT_BACK }

  /** What a suspension of use does on the systems (values of {@code actionMeasure}): erase, or stop using. */
  public enum ActionMeasure { ERASURE, SUSPENSION }

  private PersonalDataRequestProcess() {}
}
