package jp.madoguchi.complaint;

import jp.madoguchi.process.ProcessVariable;

/** The complaint or consultation process (APPI Art 40, JIS Q 15001). */
public final class ComplaintProcess {

  public static final String KEY = "complaint";

  public static final class Elements {
    public static final String COMPLAINT_RECEIVED = "Event_ComplaintReceived";
    public static final String DETERMINE_TARGET = "Task_DetermineComplaintTarget";
    public static final String START_SLA_CLOCK = "Task_StartComplaintSlaClock";
    public static final String SEND_ACKNOWLEDGEMENT = "Task_SendComplaintAcknowledgement";
    public static final String HANDLE_COMPLAINT = "Task_HandleComplaint";
    public static final String COMPLAINT_RESOLVED = "Gateway_ComplaintResolved";
    public static final String SEND_ANSWER = "Task_SendComplaintAnswer";
    public static final String SEND_ANSWER_NAMING_ORGANISATION = "Task_SendAnswerNamingAccreditedOrganisation";
    public static final String CLOSE_COMPLAINT = "Task_CloseComplaint";
    public static final String COMPLAINT_ANSWERED = "Event_ComplaintAnswered";
    public static final String DEADLINE_NEAR = "Event_ComplaintDeadlineNear";
    public static final String REMIND_DESK = "Task_RemindDeskOfComplaint";
    public static final String DESK_REMINDED = "Event_ComplaintDeskReminded";
    public static final String TARGET_DEADLINE_PASSED = "Event_ComplaintTargetPassed";
    public static final String FLAG_OVERDUE = "Task_FlagOverdueComplaint";
    public static final String REVIEW_OVERDUE = "Task_ReviewOverdueComplaint";
    public static final String OVERDUE_REVIEWED = "Event_OverdueComplaintReviewed";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<Boolean> COMPLAINT_RESOLVED = ProcessVariable.bool("complaintResolved");

    private Variables() {}
  }

  private ComplaintProcess() {}
}
