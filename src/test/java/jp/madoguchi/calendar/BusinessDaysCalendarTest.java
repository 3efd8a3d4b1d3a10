package jp.madoguchi.calendar;

import static jp.madoguchi.calendar.DeskCalendarTest.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import jp.madoguchi.calendar.BusinessDaysCalendarPlugin.BusinessDaysCalendar;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessDaysCalendarTest {

  private final DeskCalendar deskCalendar = new DeskCalendar(CalendarProperties.defaults());
  private final BusinessDaysCalendar durations =
      new BusinessDaysCalendar(deskCalendar, new DurationBusinessCalendar());
  private final BusinessDaysCalendar dueDates = new BusinessDaysCalendar(deskCalendar, new DueDateBusinessCalendar());

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "''{0}'' is {1} business days")
  @CsvSource(
      delimiter = '|',
      value = {"BD10|10", "bd10|10", "Bd 2|2", "'  BD2 '|2", "BD0|0", "BD999|999"})
  void businessDaysAreWrittenBdAndANumber(String description, int days) {
    assertThat(BusinessDaysCalendar.parse(description)).hasValue(days);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"P10D", "PT1H", "R3/PT1H", "2026-12-25T10:00:00", "0 0 9 * * ?", "BD", "BD-1", "10BD", "BD 1.5", ""})
  void everythingElseIsLeftToCamunda(String description) {
    assertThat(BusinessDaysCalendar.parse(description)).isEmpty();
  }

  @Test
  void moreThan999BusinessDaysAreRefused() {
    assertThatThrownBy(() -> BusinessDaysCalendar.parse("BD1000"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("999");
    assertThatThrownBy(() -> BusinessDaysCalendar.parse("BD99999999999")).isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void businessDaysEndAtClosingTimeCountedFromTheEngineClock() {
    ClockUtil.setCurrentTime(date("2026-12-25T10:00+09:00"));

    assertThat(durations.resolveDuedate("BD10")).isEqualTo(date("2027-01-13T17:00+09:00"));
    assertThat(dueDates.resolveDuedate("BD10", (Task) null))
        .isEqualTo(date("2027-01-13T17:00+09:00"));
  }

  @Test
  void aRecalculationCountsFromTheGivenStart() {
    ClockUtil.setCurrentTime(date("2026-12-25T10:00+09:00"));

    assertThat(durations.resolveDuedate("BD2", date("2026-11-20T10:00+09:00")))
        .isEqualTo(date("2026-11-25T17:00+09:00"));
  }

  @Test
  void isoValuesResolveAsInCamunda() {
    Date start = date("2026-12-25T10:00+09:00");
    ClockUtil.setCurrentTime(start);

    assertThat(durations.resolveDuedate("PT1H", start)).isEqualTo(date("2026-12-25T11:00+09:00"));
    assertThat(durations.resolveDuedate("P1D")).isEqualTo(new DurationBusinessCalendar().resolveDuedate("P1D"));
    assertThat(dueDates.resolveDuedate("2027-01-05T09:30:00+09:00")).isEqualTo(date("2027-01-05T09:30+09:00"));
    assertThatThrownBy(() -> durations.resolveDuedate("ten business days"))
        .isInstanceOf(ProcessEngineException.class);
  }
}
