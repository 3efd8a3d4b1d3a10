package jp.madoguchi.deadline;

import java.util.Date;
import jp.madoguchi.calendar.DeskCalendar;
import org.springframework.stereotype.Component;

/** How long the desk waits for the requester (documents, the request form, the fee): counted from today. */
@Component
class RequesterWaitDates {

  private final DeskCalendar calendar;
  private final DeadlineProperties properties;

  RequesterWaitDates(DeskCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
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
