package jp.madoguchi.deadline;

import java.util.Date;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.correspondence.EmailConfirmationProperties;
import org.springframework.stereotype.Component;

/**
 * How long the desk waits for the requester (documents, the request form, the fee, the confirmation of an e-mail
 * address): counted from today.
 */
@Component
class RequesterWaitDates {

  private final DeskCalendar calendar;
  private final DeadlineProperties properties;
  private final EmailConfirmationProperties confirmation;

  RequesterWaitDates(DeskCalendar calendar, DeadlineProperties properties, EmailConfirmationProperties confirmation) {
    this.calendar = calendar;
    this.properties = properties;
    this.confirmation = confirmation;
  }

  /** When a reply that waits for the requester to confirm their e-mail address goes on paper instead. */
  Date emailConfirmationDue() {
    return calendar.businessDaysFromNow(confirmation.replyWaitBusinessDays());
  }

  /** When the desk reminds the requester. */
  Date reminderDue() {
    return calendar.businessDaysFromNow(properties.requesterReminderBusinessDays());
  }

  /** When the desk stops waiting for the requester and closes the request as abandoned. */
  Date abandonDue() {
    return calendar.businessDaysFromNow(properties.requesterAbandonBusinessDays());
  }
}
