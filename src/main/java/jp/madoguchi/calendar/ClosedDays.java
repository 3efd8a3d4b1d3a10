package jp.madoguchi.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of every year on which the desk is closed, such as the New Year break: entries {@code MM-dd} for one day
 * or {@code MM-dd..MM-dd} for an inclusive range, which may wrap the year end ({@code 12-31..01-03}).
 */
final class ClosedDays {

  private static final Pattern ENTRY = Pattern.compile("(\\d{2}-\\d{2})(?:\\s*\\.\\.\\s*(\\d{2}-\\d{2}))?");

  private final List<Range> ranges;

  private ClosedDays(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * @throws IllegalArgumentException naming the entry that is not {@code MM-dd} or {@code MM-dd..MM-dd}
   */
  static ClosedDays parse(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      Matcher matcher = ENTRY.matcher(entry == null ? "" : entry.strip());
      if (!matcher.matches()) {
        throw invalid(entry, null);
      }
      try {
        MonthDay first = MonthDay.parse("--" + matcher.group(1));
        MonthDay last = matcher.group(2) == null ? first : MonthDay.parse("--" + matcher.group(2));
        ranges.add(new Range(first, last));
      } catch (DateTimeException e) {
        throw invalid(entry, e);
      }
    }
    return new ClosedDays(ranges);
  }

  boolean contains(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    return ranges.stream().anyMatch(range -> range.contains(day));
  }

  private static IllegalArgumentException invalid(String entry, Exception cause) {
    return new IllegalArgumentException(
        "madoguchi.calendar.closed-days: '" + entry + "' is neither MM-dd nor MM-dd..MM-dd (e.g. 12-31..01-03)",
        cause);
  }

  private record Range(MonthDay first, MonthDay last) {

    boolean contains(MonthDay day) {
      if (first.isAfter(last)) {
        return !day.isBefore(first) || !day.isAfter(last);
      }
      return !day.isBefore(first) && !day.isAfter(last);
    }
  }
}
