package jp.madoguchi.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them, in one place for the pages, the Tasklist's texts and the letters: Japanese as
 * Japanese offices write them ({@code 2026年12月21日(月) 17:00}), English as {@code Mon 21 December 2026, 17:00},
 * 24-hour times in the desk's time zone. Machines keep ISO dates (process variables, CSV columns, APIs); this class
 * is only for what a person reads. Pages call it as {@code ${@deskDates.date(value, #locale)}}.
 */
@Component("deskDates")
public class DeskDates {

  private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("H:mm", Locale.JAPANESE);
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ENGLISH);
  // a letter's date line and the dates in its sentences are written without the weekday, as formal letters are
  private static final DateTimeFormatter JA_LETTER_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE);
  private static final DateTimeFormatter EN_LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private final ZoneId zone;

  public DeskDates(CalendarProperties properties) {
    this.zone = properties.timeZone();
  }

  /** With the desk's default time zone (Asia/Tokyo), for code that runs without the application. */
  public static DeskDates ofDefaults() {
    return new DeskDates(CalendarProperties.defaults());
  }

  /** Whether a locale reads Japanese; every other language reads English, the desk's second language. */
  public static boolean japanese(Locale locale) {
    return locale != null && "ja".equals(locale.getLanguage());
  }

  /**
   * A date with its weekday, e.g. {@code 2026年12月21日(月)} or {@code Mon 21 December 2026}; null for null. Takes a
   * {@link LocalDate}, an ISO date text (as process variables hold it), or a point in time (taken in the desk's zone).
   */
  public String date(Object value, Locale locale) {
    LocalDate date = localDate(value);
    return date == null ? null : (japanese(locale) ? JA_DATE : EN_DATE).format(date);
  }

  /**
   * A point in time with its date, weekday and 24-hour time in the desk's zone, e.g. {@code 2026年12月21日(月) 17:00}
   * or {@code Mon 21 December 2026, 17:00}; null for null. A {@link LocalDateTime} is taken as the desk's own time.
   */
  public String dateTime(Object value, Locale locale) {
    ZonedDateTime time = zoned(value);
    if (time == null) {
      return null;
    }
    return japanese(locale)
        ? JA_DATE.format(time) + " " + JA_TIME.format(time)
        : EN_DATE.format(time) + ", " + EN_TIME.format(time);
  }

  /** A date without its weekday, as for a date of birth: {@code 1980年4月1日} or {@code 1 April 1980}; null for null. */
  public String dateWithoutWeekday(Object value, Locale locale) {
    return letterDate(localDate(value), locale);
  }

  /** Japanese and English together, for the texts every Tasklist user reads alike: {@code 日本語 / English}. */
  public String dateBoth(Object value) {
    String ja = date(value, Locale.JAPANESE);
    return ja == null ? null : ja + " / " + date(value, Locale.ENGLISH);
  }

  /** {@link #dateTime} in Japanese and English together. */
  public String dateTimeBoth(Object value) {
    String ja = dateTime(value, Locale.JAPANESE);
    return ja == null ? null : ja + " / " + dateTime(value, Locale.ENGLISH);
  }

  /** The date as a letter writes it, without the weekday: {@code 2026年12月21日} or {@code 21 December 2026}. */
  public static String letterDate(LocalDate date, Locale locale) {
    return date == null ? null : (japanese(locale) ? JA_LETTER_DATE : EN_LETTER_DATE).format(date);
  }

  /**
   * A point in time as a letter writes it, the date without the weekday and the 24-hour time in the desk's zone:
   * {@code 2026年12月21日 17:00} or {@code 21 December 2026 17:00}; null for null.
   */
  public String letterDateTime(Object value, Locale locale) {
    ZonedDateTime time = zoned(value);
    return time == null ? null
        : letterDate(time.toLocalDate(), locale) + " " + (japanese(locale) ? JA_TIME : EN_TIME).format(time);
  }

  private LocalDate localDate(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof CharSequence text) {
      String iso = text.toString().strip();
      if (iso.isEmpty()) {
        return null;
      }
      if (iso.length() == 10) {
        return LocalDate.parse(iso);
      }
    }
    ZonedDateTime time = zoned(value);
    return time == null ? null : time.toLocalDate();
  }

  private ZonedDateTime zoned(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant.atZone(zone);
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone);
    }
    if (value instanceof OffsetDateTime time) {
      return time.atZoneSameInstant(zone);
    }
    if (value instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(zone);
    }
    if (value instanceof LocalDateTime time) {
      return time.atZone(zone);
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(zone);
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().strip());
    }
    if (value instanceof TemporalAccessor temporal) {
      return ZonedDateTime.from(temporal).withZoneSameInstant(zone);
    }
    throw new IllegalArgumentException("Not a date or a time: " + value.getClass().getName());
  }

  /** An ISO date or time as the register's texts and process variables hold them. */
  private ZonedDateTime parse(String iso) {
    if (iso.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
    } catch (DateTimeParseException notOffset) {
      try {
        return Instant.parse(iso).atZone(zone);
      } catch (DateTimeParseException notInstant) {
        try {
          return LocalDateTime.parse(iso).atZone(zone);
        } catch (DateTimeParseException notLocal) {
          return LocalDate.parse(iso).atStartOfDay(zone);
        }
      }
    }
  }
}
