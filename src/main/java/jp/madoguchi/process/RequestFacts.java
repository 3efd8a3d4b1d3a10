package jp.madoguchi.process;

import java.util.Date;

/**
 * The shared core of every process of a request: the facts that the request's own process (or the complaint's) sets
 * at its start and hands to each process it calls (one {@code camunda:in} each, checked by the model checks), and
 * the SLA clock's variables. Each process's own variables are in its contract class, beside its delegates
 * ({@code handling.PersonalDataRequestProcess}, {@code identity.IdentityVerificationProcess},
 * {@code fee.FeePaymentProcess}, {@code requester.AwaitRequesterProcess}, {@code reply.ReplyProcess},
 * {@code complaint.ComplaintProcess}). Names and values are a contract with integrators and reports; personal data
 * never appears among them.
 */
public final class RequestFacts {

  // the routing facts, set at the start and handed to every called process
  public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.number("requestId");
  public static final ProcessVariable<String> REFERENCE = ProcessVariable.string("reference");
  public static final ProcessVariable<String> REQUEST_TYPE = ProcessVariable.string("requestType");
  public static final ProcessVariable<String> PERSONAL_INFORMATION_KIND =
      ProcessVariable.string("personalInformationKind");
  public static final ProcessVariable<String> REQUESTER_KIND = ProcessVariable.string("requesterKind");
  public static final ProcessVariable<String> DISCLOSURE_METHOD = ProcessVariable.string("disclosureMethod");
  public static final ProcessVariable<String> DESK_GROUP = ProcessVariable.string("deskGroup");
  public static final ProcessVariable<String> ARRIVED_ON = ProcessVariable.string("arrivedOn");
  /** The target deadline, handed to called processes so that their forms show it. */
  public static final ProcessVariable<Date> TARGET_DUE_DATE = ProcessVariable.date("targetDueDate");

  // the SLA clock, set in the request's (or complaint's) own process
  public static final ProcessVariable<Long> TARGET_BUSINESS_DAYS = ProcessVariable.number("targetBusinessDays");
  /**
   * The Art 39 date: two weeks after arrival, when an unanswered person may sue. The name {@code legalRiskDate} is
   * kept for running instances and integrators (glossary in the designer guide).
   */
  public static final ProcessVariable<Date> ART39_DATE = ProcessVariable.date("legalRiskDate");

  /** Who made the request, for identity verification (the value of {@link #REQUESTER_KIND}). */
  public enum RequesterKind { PRINCIPAL, AUTHORISED_AGENT, LEGAL_REPRESENTATIVE }

  private RequestFacts() {}
}
