package jp.madoguchi.reply;

import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: the written reply goes to the requester by the chosen method; a paper reply ends with
 * its dispatch by registered mail. Called with the request's facts ({@code process.RequestFacts}), the chosen
 * letter and what the letter repeats.
 */
public final class ReplyProcess {

  public static final String KEY = "reply";

  public static final class Elements {
    public static final String SEND_REPLY = "Task_SendReply";
    public static final String DISPATCH_BY_REGISTERED_MAIL = "Task_DispatchByRegisteredMail";

    private Elements() {}
  }

  public static final class Variables {
    /** In: the reply letter (a {@code LetterKind}), chosen by the {@code reply-letter} table. */
    public static final ProcessVariable<String> REPLY_LETTER = ProcessVariable.string("replyLetter");
    /** Out: how the reply went ({@code EMAIL} or {@code PAPER}). */
    public static final ProcessVariable<String> REPLY_DELIVERY = ProcessVariable.string("replyDelivery");
    /** Out: the registered mail's tracking number of a paper reply. */
    public static final ProcessVariable<String> TRACKING_NUMBER = ProcessVariable.string("trackingNumber");
    /** The outbox id of a paper reply, so that the dispatch form can offer its PDF to print. */
    public static final ProcessVariable<Long> REPLY_LETTER_ID = ProcessVariable.number("replyLetterId");
    /** The outbox id of the notice that the method changed to paper, printed with the reply. */
    public static final ProcessVariable<Long> METHOD_CHANGE_LETTER_ID = ProcessVariable.number("methodChangeLetterId");

    private Variables() {}
  }

  private ReplyProcess() {}
}
