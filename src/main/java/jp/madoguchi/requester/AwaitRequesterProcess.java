package jp.madoguchi.requester;

import jp.madoguchi.process.ProcessVariable;

/**
 * The process {@value #KEY}: the desk sends the requester a letter asking for something (the request form, missing
 * documents) and waits, with the SLA clock stopped, for the reply; a reminder, then the request is closed as
 * abandoned. Called with the request's facts ({@code process.RequestFacts}).
 */
public final class AwaitRequesterProcess {

  public static final String KEY = "await-requester";

  public static final class Elements {
    public static final String SEND_REQUEST_TO_REQUESTER = "Task_SendRequestToRequester";
    public static final String RECORD_REQUESTER_REPLY = "Task_RecordRequesterReply";
    public static final String REQUESTER_REMINDER_DUE = "Event_RequesterReminderDue";
    public static final String NO_REPLY_IN_TIME = "Event_NoReplyInTime";

    private Elements() {}
  }

  public static final class Variables {
    /** In: the letter that asks the requester for what the desk waits for (a {@code LetterKind}). */
    public static final ProcessVariable<String> AWAITED_LETTER = ProcessVariable.string("awaitedLetter");
    /** Out: true when the requester never answered and the request is closed as abandoned. */
    public static final ProcessVariable<Boolean> ABANDONED = ProcessVariable.bool("abandoned");

    private Variables() {}
  }

  private AwaitRequesterProcess() {}
}
