package jp.madoguchi.deadline;

import java.time.LocalDate;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.request.RequestType;
import org.springframework.stereotype.Component;

/**
 * The date arithmetic of a request's SLA clock: the target counts business days from the arrival date and moves by
 * the business days the clock stood still; the APPI Art 39 date is calendar days after arrival and never moves.
 */
@Component
class SlaDates {

  private final DeskCalendar calendar;
  private final DeadlineProperties properties;

  SlaDates(DeskCalendar calendar, DeadlineProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  /** The target deadline: the business days it is given, plus those the clock stood still, after arrival. */
  LocalDate targetDueOn(LocalDate arrivedOn, int targetBusinessDays, int pausedBusinessDays) {
    return calendar.addBusinessDays(arrivedOn, targetBusinessDays + pausedBusinessDays);
  }

  /**
   * The day from which the person may sue (APPI Art 39), or null for a purpose notification and a complaint, which
   * have no such date.
   */
  LocalDate art39On(LocalDate arrivedOn, RequestType type) {
    // Art 39 concerns requests under Arts 33(1), 34(1), 35(1), (3), (5); a purpose notification (a 求め under Art
    // 32(2)) and a complaint (Art 40) have a target deadline and no such date
    return type.art39Applies() ? arrivedOn.plusDays(properties.legalRiskCalendarDays()) : null;
  }

  /** The business days the clock stood still, from the day it stopped until today; never negative. */
  int businessDaysWaited(LocalDate pausedSince, LocalDate today) {
    return Math.max(0, calendar.businessDaysBetween(pausedSince, today));
  }

  /**
   * The clock's dates as the process's timers and tasks use them: the target at closing time of its business day,
   * the reminder at opening time some business days before it, and the Art 39 date at midnight in the desk's time
   * zone.
   */
  ClockDates dates(LocalDate targetDueOn, LocalDate art39On) {
    LocalDate reminderOn = targetDueOn;
    for (int i = 0; i < properties.reminderBusinessDaysBefore(); i++) {
      reminderOn = calendar.previousBusinessDay(reminderOn);
    }
    return new ClockDates(calendar.endOfBusinessDay(targetDueOn), calendar.startOfBusinessDay(reminderOn),
        art39On == null ? null : calendar.startOfDay(art39On));
  }
}
