package jp.madoguchi.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.madoguchi.calendar.DeskDates;

/**
 * Days and weeks as the report's readers write them: in Japanese as offices do ({@code 12月1日〜12月7日},
 * {@code 2031年12月29日〜2032年1月4日}), in English as {@code 1–7 Dec}, {@code 29 Nov – 5 Dec} or
 * {@code 29 Dec 2031 – 4 Jan 2032}. The year is written when asked for (a period over more than one year) and
 * whenever a week runs into the next year.
 */
final class ReportDates {

  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** One day: {@code 12月1日} / {@code 1 Dec}, with the year {@code 2031年12月1日} / {@code 1 Dec 2031}. */
  static String day(LocalDate date, Locale locale, boolean withYear) {
    if (DeskDates.japanese(locale)) {
      return (withYear ? date.getYear() + "年" : "") + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
    return (withYear ? DAY_MONTH_YEAR : DAY_MONTH).format(date);
  }

  /** A week of the report from its first to its last day (one day when they are the same). */
  static String week(ReportWeek week, Locale locale, boolean withYear) {
    LocalDate first = week.first();
    LocalDate last = week.last();
    if (first.equals(last)) {
      return day(first, locale, withYear);
    }
    boolean sameYear = first.getYear() == last.getYear();
    if (DeskDates.japanese(locale)) {
      return day(first, locale, withYear || !sameYear) + "〜" + day(last, locale, !sameYear);
    }
    if (!sameYear) {
      return DAY_MONTH_YEAR.format(first) + " – " + DAY_MONTH_YEAR.format(last);
    }
    String end = (withYear ? DAY_MONTH_YEAR : DAY_MONTH).format(last);
    if (first.getMonth() == last.getMonth()) {
      return first.getDayOfMonth() + "–" + end;
    }
    return DAY_MONTH.format(first) + " – " + end;
  }

  private ReportDates() {}
}
