package jp.madoguchi.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A week of the report, Monday to Sunday on the desk's calendar. The first and the last week of a period are cut to
 * the period, so that a week's figures never count a day outside it and the weeks add up to the period's totals.
 */
record ReportWeek(LocalDate first, LocalDate last) {

  /** The weeks covering {@code from} to {@code to} (both included), oldest first. */
  static List<ReportWeek> covering(LocalDate from, LocalDate to) {
    List<ReportWeek> weeks = new ArrayList<>();
    for (LocalDate start = from; !start.isAfter(to); ) {
      LocalDate sunday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
      LocalDate last = sunday.isAfter(to) ? to : sunday;
      weeks.add(new ReportWeek(start, last));
      start = last.plusDays(1);
    }
    return weeks;
  }

  /** The index in {@code weeks} (as {@link #covering} made them) of the week holding {@code date}, or -1. */
  static int indexOf(List<ReportWeek> weeks, LocalDate date) {
    if (weeks.isEmpty() || date.isBefore(weeks.get(0).first())
        || date.isAfter(weeks.get(weeks.size() - 1).last())) {
      return -1;
    }
    return (int) ChronoUnit.WEEKS.between(monday(weeks.get(0).first()), monday(date));
  }

  private static LocalDate monday(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
