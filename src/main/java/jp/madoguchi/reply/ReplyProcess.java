package jp.madoguchi.reply;

import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: the written reply goes to the requester by the chosen method; a paper reply ends with
 * its dispatch by registered mail. A reply that would go by e-mail to an address the requester has not confirmed
 * waits, with the SLA clock stopped, for the confirmation (the message {@value Messages#EMAIL_ADDRESS_CONFIRMED})
 * after a new link was mailed; without it in time, it goes on paper with the notice of the change. Called with the
 * request's facts ({@code process.RequestFacts}), the chosen letter and what the letter repeats.
 */
public final class ReplyProcess {

  public static final String KEY = "reply";

  public static final class Elements {
    public static final String CHECK_EMAIL_ADDRESS = "Task_CheckEmailAddress";
    public static final String EMAIL_ADDRESS_CONFIRMED_GATEWAY = "Gateway_EmailAddressConfirmed";
    public static final String ASK_TO_CONFIRM_EMAIL_ADDRESS = "Task_AskToConfirmEmailAddress";
    public static final String AWAIT_EMAIL_CONFIRMATION = "Gateway_AwaitEmailConfirmation";
    public static final String EMAIL_ADDRESS_CONFIRMED = "Event_EmailAddressConfirmed";
    public static final String EMAIL_ADDRESS_NOT_CONFIRMED_IN_TIME = "Event_EmailAddressNotConfirmedInTime";
    public static final String REPLY_TO_SEND = "Gateway_ReplyToSend";
    public static final String SEND_REPLY = "Task_SendReply";
    public static final String DISPATCH_BY_REGISTERED_MAIL = "Task_DispatchByRegisteredMail";

    private Elements() {}
  }

  /** The messages the process waits for. */
  public static final class Messages {
    /** The requester confirmed the e-mail address the reply goes to (correlated by the request's reference). */
    public static final String EMAIL_ADDRESS_CONFIRMED = "EmailAddressConfirmed";

    private Messages() {}
  }

  public static final class Variables {
    /** In: the reply letter (a {@code LetterKind}), chosen by the {@code reply-letter} table. */
    public static final ProcessVariable<String> REPLY_LETTER = ProcessVariable.string("replyLetter");
    /**
     * Whether the reply may go now: true when it goes on paper, or by e-mail to an address the requester confirmed;
     * false when it would go by e-mail to an address not confirmed.
     */
    public static final ProcessVariable<Boolean> EMAIL_ADDRESS_CONFIRMED = ProcessVariable.bool("emailAddressConfirmed");
    /** Out: how the reply went ({@code EMAIL} or {@code PAPER}). */
    public static final ProcessVariable<String> REPLY_DELIVERY = ProcessVariable.string("replyDelivery");
    /** Out: the registered mail's tracking number of a paper reply. */
    public static final ProcessVariable<String> TRACKING_NUMBER = ProcessVariable.string("trackingNumber");
    /** The outbox id of a paper reply, so that the dispatch form can offer its PDF to print. */
    public static final ProcessVariable<Long> REPLY_LETTER_ID = ProcessVariable.number("replyLetterId");
    /** The outbox id of the notice that the method changed to paper, printed with the reply. */
    public static final ProcessVariable<Long> METHOD_CHANGE_LETTER_ID = ProcessVariable.number("methodChangeLetterId");

    /**
     * Out: the pages of the disclosure's annex (別添) printed with a paper reply, shown on the dispatch task
     * (contract 4, disclosure package).
     */
    public static final ProcessVariable<Long> ANNEX_PAGES = ProcessVariable.number("annexPages");

    private Variables() {}
  }

  private ReplyProcess() {}
}
