package jp.madoguchi.deadline;

import java.util.Date;
import org.springframework.stereotype.Service;

/**
 * The BPMN models' entry point to the deadlines, as the bean {@code deadlineService}. Running process instances
 * evaluate these expressions, so the bean's name and these methods stay as they are:
 * <ul>
 *   <li>{@code ${deadlineService.targetDueDate(requestId)}}: the due date of the desk's tasks and the target timer
 *   <li>{@code ${deadlineService.reminderDate(requestId)}}: the "deadline near" timer
 *   <li>{@code ${deadlineService.art39Date(requestId)}}: the Art 39 timer; earlier versions of the model, which
 *   running requests may still follow, call it {@code legalRiskDate(requestId)}
 *   <li>{@code ${deadlineService.requesterReminderDue()}}: the reminder while the desk waits for the requester
 *   <li>{@code ${deadlineService.requesterAbandonDue()}}: when the request is closed as abandoned
 *   <li>{@code ${deadlineService.emailConfirmationDue()}}: when a reply waiting for the requester to confirm their
 *   e-mail address goes on paper instead
 * </ul>
 * Java code uses {@link SlaClock} and the other classes of this package.
 */
@Service
public class DeadlineService {

  private final SlaClock clock;
  private final RequesterWaitDates requesterWait;

  DeadlineService(SlaClock clock, RequesterWaitDates requesterWait) {
    this.clock = clock;
    this.requesterWait = requesterWait;
  }

  /** The target deadline, at closing time of its business day. */
  public Date targetDueDate(long requestId) {
    return clock.targetDueDate(requestId);
  }

  /** When the assignee is reminded: opening time, some business days before the target. */
  public Date reminderDate(long requestId) {
    return clock.reminderDate(requestId);
  }

  /**
   * The Art 39 date (two weeks after arrival), at midnight in the desk's time zone. A request without one (purpose
   * notification: Art 39 does not apply) gets the date that never comes ({@link ClockTimers#PARKED}): the model's
   * Art 39 timer then never fires, and no request that may not be taken to court is flagged as if it could.
   */
  public Date art39Date(long requestId) {
    Date date = clock.art39Date(requestId);
    return date == null ? ClockTimers.PARKED : date;
  }

  /** {@link #art39Date(long)} under the name earlier versions of the model call. */
  public Date legalRiskDate(long requestId) {
    return art39Date(requestId);
  }

  /** When the desk reminds the requester, counted from today. */
  public Date requesterReminderDue() {
    return requesterWait.reminderDue();
  }

  /** When the desk stops waiting for the requester and closes the request as abandoned, counted from today. */
  public Date requesterAbandonDue() {
    return requesterWait.abandonDue();
  }

  /** When a reply waiting for the requester to confirm their e-mail address goes on paper, counted from today. */
  public Date emailConfirmationDue() {
    return requesterWait.emailConfirmationDue();
  }
}
