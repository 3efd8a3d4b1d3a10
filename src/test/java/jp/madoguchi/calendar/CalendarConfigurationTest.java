package jp.madoguchi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The configuration as Spring binds it from {@code madoguchi.calendar.*}, and what it does to the calendar. */
class CalendarConfigurationTest {

  @Test
  void withoutConfigurationTheDeskFollowsItsSeeds() {
    CalendarProperties properties = bind(Map.of());

    assertThat(properties).isEqualTo(CalendarProperties.defaults());
    assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(properties.openingTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(properties.closingTime()).isEqualTo(LocalTime.of(17, 0));
    assertThat(properties.closedDays()).containsExactly("12-31..01-03");
    assertThat(properties.extraClosedDates()).isEmpty();
    assertThat(properties.extraOpenDates()).isEmpty();
  }

  @Test
  void everyKeyBindsFromItsTextForm() {
    CalendarProperties properties =
        bind(
            Map.of(
                "madoguchi.calendar.time-zone", "Asia/Seoul",
                "madoguchi.calendar.opening-time", "08:30",
                "madoguchi.calendar.closing-time", "17:15",
                "madoguchi.calendar.closed-days", "12-29..01-04,08-15",
                "madoguchi.calendar.extra-closed-dates", "2026-10-01,2027-10-01",
                "madoguchi.calendar.extra-open-dates[0]", "2026-11-21"));

    assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
    assertThat(properties.openingTime()).isEqualTo(LocalTime.of(8, 30));
    assertThat(properties.closingTime()).isEqualTo(LocalTime.of(17, 15));
    assertThat(properties.closedDays()).containsExactly("12-29..01-04", "08-15");
    assertThat(properties.extraClosedDates()).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 10, 1));
    assertThat(properties.extraOpenDates()).containsExactly(LocalDate.of(2026, 11, 21));
  }

  @Test
  void anExtraClosedDateIsSkipped() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.extra-closed-dates", "2026-10-01"));

    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(calendar.addBusinessDays(LocalDate.parse("2026-09-30"), 1)).isEqualTo("2026-10-02");
  }

  @Test
  void aCustomClosedRangeReplacesTheDefaultOne() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.closed-days", "08-13..08-16,12-29..01-03"));

    assertThat(calendar.nextBusinessDay(LocalDate.parse("2027-08-12"))).isEqualTo("2027-08-17");
    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-12-28"))).isEqualTo("2027-01-04");
    assertThat(calendar.isBusinessDay(LocalDate.parse("2027-12-29"))).isFalse();
  }

  @Test
  void aSingleClosedDayCanBeGivenWithoutARange() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.closed-days", "12-30, 12-31..01-03"));

    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-12-29"))).isEqualTo("2027-01-04");
  }

  @Test
  void noClosedDaysLeavesOnlyWeekendsAndHolidays() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.closed-days", ""));

    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-31"))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2027-01-01"))).isFalse();
  }

  @Test
  void anExtraOpenDateIsABusinessDayWhateverElseApplies() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.extra-open-dates", "2026-11-21,2026-12-31"));

    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-21"))).isTrue();
    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-31"))).isTrue();
    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-11-20"))).isEqualTo("2026-11-21");
  }

  @Test
  void theClosingTimeDecidesTheArrivalDay() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.closing-time", "18:00"));

    assertThat(calendar.arrivalDay(DeskCalendarTest.instant("2026-11-24T17:30+09:00"))).isEqualTo("2026-11-24");
  }

  @Test
  void unreadableOrContradictoryConfigurationStopsTheStart() {
    assertThatThrownBy(() -> bind(Map.of("madoguchi.calendar.closed-days", "13-01")))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("closed-days: '13-01' is neither MM-dd nor MM-dd..MM-dd");
    assertThatThrownBy(() -> bind(Map.of("madoguchi.calendar.closed-days", "12/31")))
        .rootCause()
        .hasMessageContaining("MM-dd..MM-dd");
    assertThatThrownBy(() -> bind(Map.of("madoguchi.calendar.opening-time", "17:00")))
        .rootCause()
        .hasMessageContaining("must be before closing-time");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "madoguchi.calendar.extra-closed-dates", "2026-11-21",
                        "madoguchi.calendar.extra-open-dates", "2026-11-21")))
        .rootCause()
        .hasMessageContaining("both");
  }

  @Test
  void aCalendarWithoutAnyBusinessDayFailsInsteadOfSearchingForEver() {
    DeskCalendar calendar = calendar(Map.of("madoguchi.calendar.closed-days", "01-01..12-31"));

    assertThatThrownBy(() -> calendar.nextBusinessDay(LocalDate.parse("2026-11-20")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed-days");
  }

  private static DeskCalendar calendar(Map<String, String> properties) {
    return new DeskCalendar(bind(properties));
  }

  private static CalendarProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("madoguchi.calendar", CalendarProperties.class);
  }
}
