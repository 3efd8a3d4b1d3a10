package jp.madoguchi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeskCalendarTest {

  private static final int TEN_BUSINESS_DAYS = 10;

  private final DeskCalendar calendar = new DeskCalendar(CalendarProperties.defaults());

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void aRequestArrivingOn2026_12_25HasADueDateThatSkipsTheNewYearBreakAndTheHolidaysAfter() {
    LocalDate arrival = calendar.arrivalDay(instant("2026-12-25T10:00+09:00"));

    LocalDate due = calendar.addBusinessDays(arrival, TEN_BUSINESS_DAYS);

    assertThat(arrival).isEqualTo("2026-12-25");
    assertThat(due).isEqualTo("2027-01-13");
    assertThat(businessDaysCounted(arrival, TEN_BUSINESS_DAYS))
        .containsExactly(
            LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-29"), LocalDate.parse("2026-12-30"),
            LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-05"), LocalDate.parse("2027-01-06"),
            LocalDate.parse("2027-01-07"), LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-12"),
            LocalDate.parse("2027-01-13"))
        .doesNotContain(LocalDate.parse("2027-01-11"));
    assertThat(JapaneseHolidays.holidayName(LocalDate.parse("2027-01-11"))).contains("成人の日");
    assertThat(calendar.endOfBusinessDay(due)).isEqualTo(date("2027-01-13T17:00+09:00"));
  }

  @ParameterizedTest(name = "arriving {0} counts on {1}")
  @CsvSource({
    // before opening time on a business day (11-23 is a holiday Monday)
    "2026-11-24T08:30+09:00, 2026-11-24",
    // the same instant written in UTC, on the day before
    "2026-11-23T23:30Z, 2026-11-24",
    "2026-11-24T16:59:59+09:00, 2026-11-24",
    "2026-11-24T17:00+09:00, 2026-11-25",
    "2026-11-24T17:30+09:00, 2026-11-25",
    // a Saturday, with the next Monday a holiday
    "2026-11-21T11:00+09:00, 2026-11-24",
    // an ordinary Saturday
    "2026-12-05T11:00+09:00, 2026-12-07",
    // the last business day of the year after closing time, and the New Year break
    "2026-12-30T18:00+09:00, 2027-01-04",
    "2027-01-02T10:00+09:00, 2027-01-04"
  })
  void somethingArrivingCountsOnTheDesksBusinessDay(String arrival, LocalDate expected) {
    assertThat(calendar.arrivalDay(instant(arrival))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-11-24, true",
    "2026-11-23, false",
    "2026-11-21, false",
    "2026-11-22, false",
    "2026-12-30, true",
    "2026-12-31, false",
    "2027-01-01, false",
    "2027-01-03, false",
    "2027-01-04, true"
  })
  void businessDaysAreWeekdaysOutsideHolidaysAndTheNewYearBreak(LocalDate date, boolean businessDay) {
    assertThat(calendar.isBusinessDay(date)).isEqualTo(businessDay);
  }

  @Test
  void oneBusinessDayAfterAFridayIsTheNextBusinessDay() {
    assertThat(calendar.addBusinessDays(LocalDate.parse("2026-12-04"), 1)).isEqualTo("2026-12-07");
    assertThat(calendar.addBusinessDays(LocalDate.parse("2026-11-20"), 1)).isEqualTo("2026-11-24");
    assertThat(calendar.addBusinessDays(LocalDate.parse("2026-11-20"), 0)).isEqualTo("2026-11-20");
  }

  @Test
  void negativeBusinessDaysAreRefused() {
    assertThatThrownBy(() -> calendar.addBusinessDays(LocalDate.parse("2026-11-20"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextAndPreviousBusinessDaysStepOverClosedDays() {
    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-12-30"))).isEqualTo("2027-01-04");
    assertThat(calendar.previousBusinessDay(LocalDate.parse("2027-01-04"))).isEqualTo("2026-12-30");
    assertThat(calendar.previousBusinessDay(LocalDate.parse("2026-11-24"))).isEqualTo("2026-11-20");
  }

  @Test
  void businessDaysBetweenCountsFromIncludedToExcluded() {
    LocalDate arrival = LocalDate.parse("2026-12-25");

    assertThat(calendar.businessDaysBetween(arrival, arrival)).isZero();
    assertThat(calendar.businessDaysBetween(arrival, LocalDate.parse("2026-12-28"))).isEqualTo(1);
    assertThat(calendar.businessDaysBetween(arrival, LocalDate.parse("2027-01-04"))).isEqualTo(4);
    assertThat(calendar.businessDaysBetween(LocalDate.parse("2027-01-04"), arrival)).isEqualTo(-4);
    for (int days = 0; days <= 30; days++) {
      assertThat(calendar.businessDaysBetween(arrival, calendar.addBusinessDays(arrival, days))).isEqualTo(days);
    }
  }

  @Test
  void aBusinessDayStartsAtOpeningAndEndsAtClosingTimeInTokyo() {
    LocalDate day = LocalDate.parse("2026-11-24");

    assertThat(calendar.startOfBusinessDay(day)).isEqualTo(date("2026-11-24T09:00+09:00"));
    assertThat(calendar.endOfBusinessDay(day)).isEqualTo(date("2026-11-24T17:00+09:00"));
  }

  @Test
  void businessDaysFromNowCountFromTheDesksDateAtTheEngineClock() {
    // Friday evening in UTC is already Saturday in Tokyo
    ClockUtil.setCurrentTime(date("2026-11-20T20:00Z"));

    assertThat(calendar.businessDaysFromNow(2)).isEqualTo(date("2026-11-25T17:00+09:00"));
  }

  @Test
  void businessDaysAfterAcceptsADateALocalDateOrAnIsoString() {
    Date expected = date("2026-11-25T17:00+09:00");

    assertThat(calendar.businessDaysAfter(date("2026-11-20T10:00+09:00"), 2)).isEqualTo(expected);
    assertThat(calendar.businessDaysAfter(LocalDate.parse("2026-11-20"), 2)).isEqualTo(expected);
    assertThat(calendar.businessDaysAfter("2026-11-20", 2)).isEqualTo(expected);
    assertThat(calendar.businessDaysAfter(java.sql.Date.valueOf("2026-11-20"), 2)).isNotNull();
  }

  @Test
  void businessDaysAfterRefusesWhatIsNoDate() {
    assertThatThrownBy(() -> calendar.businessDaysAfter("20.11.2026", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> calendar.businessDaysAfter(20261120L, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Long");
    assertThatThrownBy(() -> calendar.businessDaysAfter(null, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<LocalDate> businessDaysCounted(LocalDate start, int days) {
    List<LocalDate> counted = new ArrayList<>();
    for (int n = 1; n <= days; n++) {
      counted.add(calendar.addBusinessDays(start, n));
    }
    return counted;
  }

  static Instant instant(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static Date date(String offsetDateTime) {
    return Date.from(instant(offsetDateTime));
  }
}
