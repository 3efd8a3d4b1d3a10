package jp.madoguchi.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The desk's business days and hours, in the desk's time zone whatever the JVM's default is.
 *
 * <p>A business day is a Monday to Friday that is neither a holiday of {@link JapaneseHolidays} (national, substitute
 * and citizens' holidays) nor a configured closed day or extra closed date; an extra open date is a business day
 * whatever else applies. See {@link CalendarProperties} for the configuration.
 *
 * <p>BPMN designers reach this bean as {@code deskCalendar}, e.g. a user task's due date
 * {@code ${deskCalendar.businessDaysFromNow(2)}} or a timer's {@code ${deskCalendar.businessDaysAfter(receivedOn, 10)}}.
 */
@Component
public class DeskCalendar {

  // a configuration that closes every day must fail rather than search for ever
  private static final int MAX_DAYS_TO_NEXT_BUSINESS_DAY = 366;

  private final ZoneId zone;
  private final LocalTime openingTime;
  private final LocalTime closingTime;
  private final ClosedDays closedDays;
  private final Set<LocalDate> extraClosedDates;
  private final Set<LocalDate> extraOpenDates;

  public DeskCalendar(CalendarProperties properties) {
    this.zone = properties.timeZone();
    this.openingTime = properties.openingTime();
    this.closingTime = properties.closingTime();
    this.closedDays = ClosedDays.parse(properties.closedDays());
    this.extraClosedDates = Set.copyOf(properties.extraClosedDates());
    this.extraOpenDates = Set.copyOf(properties.extraOpenDates());
  }

  /** The desk's time zone. */
  public ZoneId timeZone() {
    return zone;
  }

  /** Whether the desk works on {@code date}. */
  public boolean isBusinessDay(LocalDate date) {
    if (extraOpenDates.contains(date)) {
      return true;
    }
    return !isWeekend(date)
        && !JapaneseHolidays.isHoliday(date)
        && !closedDays.contains(date)
        && !extraClosedDates.contains(date);
  }

  /**
   * The business day on which something arriving at {@code arrival} counts as arrived: the desk's local date of the
   * instant if that is a business day and the time is before closing time (an arrival before opening time counts on
   * that day), otherwise the next business day.
   */
  public LocalDate arrivalDay(Instant arrival) {
    ZonedDateTime local = arrival.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (isBusinessDay(date) && local.toLocalTime().isBefore(closingTime)) {
      return date;
    }
    return nextBusinessDay(date);
  }

  /** The first business day after {@code date} (never {@code date} itself). */
  public LocalDate nextBusinessDay(LocalDate date) {
    LocalDate day = date.plusDays(1);
    for (int i = 0; i < MAX_DAYS_TO_NEXT_BUSINESS_DAY; i++, day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        return day;
      }
    }
    throw noBusinessDayNear(date);
  }

  /** The last business day before {@code date} (never {@code date} itself). */
  public LocalDate previousBusinessDay(LocalDate date) {
    LocalDate day = date.minusDays(1);
    for (int i = 0; i < MAX_DAYS_TO_NEXT_BUSINESS_DAY; i++, day = day.minusDays(1)) {
      if (isBusinessDay(day)) {
        return day;
      }
    }
    throw noBusinessDayNear(date);
  }

  /**
   * The {@code days}-th business day after {@code start}, counting only days after it: from an arrival on Friday,
   * 1 business day is the next Monday (or later, if that is a holiday). {@code start} itself need not be a business
   * day; 0 days returns {@code start} unchanged.
   *
   * @throws IllegalArgumentException if {@code days} is negative
   */
  public LocalDate addBusinessDays(LocalDate start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate day = start;
    for (int i = 0; i < days; i++) {
      day = nextBusinessDay(day);
    }
    return day;
  }

  /**
   * The number of business days {@code d} with {@code from <= d < toExclusive}, e.g. the business days a request
   * has waited from its arrival day until today. When {@code toExclusive} is before {@code from} the result is the
   * negated count of {@code toExclusive <= d < from}. For a business day {@code from},
   * {@code businessDaysBetween(from, addBusinessDays(from, n)) == n}.
   */
  public int businessDaysBetween(LocalDate from, LocalDate toExclusive) {
    if (toExclusive.isBefore(from)) {
      return -businessDaysBetween(toExclusive, from);
    }
    int count = 0;
    for (LocalDate day = from; day.isBefore(toExclusive); day = day.plusDays(1)) {
      if (isBusinessDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** {@code date} at opening time in the desk's time zone. */
  public Date startOfBusinessDay(LocalDate date) {
    return Date.from(date.atTime(openingTime).atZone(zone).toInstant());
  }

  /** {@code date} at closing time in the desk's time zone, the form Camunda's due dates and timers take. */
  public Date endOfBusinessDay(LocalDate date) {
    return Date.from(date.atTime(closingTime).atZone(zone).toInstant());
  }

  /**
   * The end of the {@code days}-th business day after today, today being the desk's date at the process engine's
   * current time (which tests move with {@code ClockUtil}). For BPMN: {@code ${deskCalendar.businessDaysFromNow(2)}}.
   */
  public Date businessDaysFromNow(int days) {
    return endOfBusinessDay(addBusinessDays(today(), days));
  }

  /** The desk's date at the process engine's current time. */
  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /** Midnight at the start of {@code date} in the desk's time zone. */
  public Date startOfDay(LocalDate date) {
    return Date.from(date.atStartOfDay(zone).toInstant());
  }

  /**
   * The end of the {@code days}-th business day after {@code date}. For BPMN:
   * {@code ${deskCalendar.businessDaysAfter(receivedOn, 10)}}.
   *
   * @param date a {@link Date} (its date in the desk's time zone), a {@link LocalDate} or a {@code yyyy-MM-dd} string
   * @throws IllegalArgumentException for anything else
   */
  public Date businessDaysAfter(Object date, int days) {
    return endOfBusinessDay(addBusinessDays(toLocalDate(date), days));
  }

  private LocalDate toLocalDate(Object date) {
    if (date instanceof LocalDate localDate) {
      return localDate;
    }
    if (date instanceof Date utilDate) {
      // java.sql.Date refuses toInstant()
      return LocalDate.ofInstant(Instant.ofEpochMilli(utilDate.getTime()), zone);
    }
    if (date instanceof String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Not a date of the form yyyy-MM-dd: '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException(
        "Expected a java.util.Date, a LocalDate or a yyyy-MM-dd string, got "
            + (date == null ? "null" : date.getClass().getName()));
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  private static IllegalStateException noBusinessDayNear(LocalDate date) {
    return new IllegalStateException(
        "No business day within a year of " + date + ": check madoguchi.calendar.closed-days and extra-closed-dates");
  }
}
