package jp.madoguchi.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the desk works. The defaults are the desk's seeds (Monday to Friday, 9:00 to 17:00 in Japan, closed on
 * national holidays and from December 31 to January 3), so {@code application.yaml} needs none of these keys.
 *
 * @param timeZone the desk's time zone: "today", arrivals and closing times are taken in it, never in the JVM's
 * @param openingTime when the desk opens; business days start at it
 * @param closingTime when the desk closes: something arriving at or after it counts as arrived on the next business
 *     day, and business-day due dates end at it
 * @param closedDays days closed every year, each entry {@code MM-dd} for one day or {@code MM-dd..MM-dd} for an
 *     inclusive range that may wrap the year end; the default is {@code 12-31..01-03}
 * @param extraClosedDates single closed dates ({@code yyyy-MM-dd}), such as the company's foundation day
 * @param extraOpenDates single dates ({@code yyyy-MM-dd}) on which the desk works although they fall on a weekend,
 *     a holiday or a closed day
 */
@ConfigurationProperties("madoguchi.calendar")
public record CalendarProperties(
    @DefaultValue(DEFAULT_TIME_ZONE) ZoneId timeZone,
    @DefaultValue(DEFAULT_OPENING_TIME) LocalTime openingTime,
    @DefaultValue(DEFAULT_CLOSING_TIME) LocalTime closingTime,
    @DefaultValue(DEFAULT_CLOSED_DAYS) List<String> closedDays,
    @DefaultValue List<LocalDate> extraClosedDates,
    @DefaultValue List<LocalDate> extraOpenDates) {

  static final String DEFAULT_TIME_ZONE = "Asia/Tokyo";
  static final String DEFAULT_OPENING_TIME = "09:00";
  static final String DEFAULT_CLOSING_TIME = "17:00";
  static final String DEFAULT_CLOSED_DAYS = "12-31..01-03";

  /**
   * @throws IllegalArgumentException when a value is missing, the desk would close before it opens, a closed-days
   *     entry cannot be read, or a date is both an extra closed and an extra open date
   */
  public CalendarProperties {
    if (timeZone == null || openingTime == null || closingTime == null) {
      throw new IllegalArgumentException("madoguchi.calendar needs time-zone, opening-time and closing-time");
    }
    if (!openingTime.isBefore(closingTime)) {
      throw new IllegalArgumentException(
          "madoguchi.calendar.opening-time (" + openingTime + ") must be before closing-time (" + closingTime + ")");
    }
    closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
    extraClosedDates = extraClosedDates == null ? List.of() : List.copyOf(extraClosedDates);
    extraOpenDates = extraOpenDates == null ? List.of() : List.copyOf(extraOpenDates);
    ClosedDays.parse(closedDays);
    Set<LocalDate> both = new HashSet<>(extraClosedDates);
    both.retainAll(extraOpenDates);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException(
          "madoguchi.calendar: " + both + " cannot be both an extra closed date and an extra open date");
    }
  }

  /** The desk's seeds, the same values Spring binds when nothing is configured. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(
        ZoneId.of(DEFAULT_TIME_ZONE),
        LocalTime.parse(DEFAULT_OPENING_TIME),
        LocalTime.parse(DEFAULT_CLOSING_TIME),
        List.of(DEFAULT_CLOSED_DAYS),
        List.of(),
        List.of());
  }
}
