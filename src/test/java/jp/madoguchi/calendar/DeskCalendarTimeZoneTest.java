package jp.madoguchi.calendar;

import static jp.madoguchi.calendar.DeskCalendarTest.date;
import static jp.madoguchi.calendar.DeskCalendarTest.instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The desk keeps Tokyo's calendar whatever time zone the JVM runs in. */
class DeskCalendarTimeZoneTest {

  private TimeZone jvmDefault;

  @BeforeEach
  void runInUtc() {
    jvmDefault = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
  }

  @AfterEach
  void restoreTheJvmTimeZone() {
    TimeZone.setDefault(jvmDefault);
    ClockUtil.reset();
  }

  @Test
  void inUtcTheAnswersAreTokyos() {
    assertTokyoAnswers(new DeskCalendar(CalendarProperties.defaults()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"America/Los_Angeles", "Pacific/Kiritimati", "Asia/Tokyo", "Europe/London"})
  void inOtherJvmTimeZonesTheAnswersAreTokyos(String jvmTimeZone) {
    TimeZone.setDefault(TimeZone.getTimeZone(jvmTimeZone));

    assertTokyoAnswers(new DeskCalendar(CalendarProperties.defaults()));
  }

  private static void assertTokyoAnswers(DeskCalendar calendar) {
    assertThat(calendar.arrivalDay(instant("2026-11-24T08:30+09:00"))).isEqualTo("2026-11-24");
    assertThat(calendar.arrivalDay(instant("2026-11-24T17:30+09:00"))).isEqualTo("2026-11-25");
    assertThat(calendar.arrivalDay(instant("2026-11-21T11:00+09:00"))).isEqualTo("2026-11-24");
    assertThat(calendar.endOfBusinessDay(LocalDate.parse("2027-01-13"))).isEqualTo(date("2027-01-13T08:00Z"));
    assertThat(calendar.businessDaysAfter(date("2026-12-25T00:30+09:00"), 10))
        .isEqualTo(date("2027-01-13T17:00+09:00"));

    ClockUtil.setCurrentTime(date("2026-12-24T15:30Z"));
    assertThat(calendar.businessDaysFromNow(10)).isEqualTo(date("2027-01-13T17:00+09:00"));
  }
}
