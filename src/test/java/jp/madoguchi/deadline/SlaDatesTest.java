package jp.madoguchi.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import jp.madoguchi.calendar.CalendarProperties;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.request.RequestType;
import org.junit.jupiter.api.Test;

/** The SLA clock's date arithmetic, on the desk's default calendar (Tokyo, 9:00 to 17:00, closed 12-31..01-03). */
class SlaDatesTest {

  static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

  final SlaDates slaDates = new SlaDates(
      new DeskCalendar(new CalendarProperties(ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(17, 0),
          List.of("12-31..01-03"), List.of(), List.of())),
      new DeadlineProperties(2, 14, 10, 30, "privacy-desk@example.invalid"));

  @Test
  void theTargetCountsBusinessDaysAfterArrivalPlusThoseTheClockStoodStill() {
    assertThat(slaDates.targetDueOn(TUESDAY, 10, 0)).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(slaDates.targetDueOn(TUESDAY, 10, 3)).isEqualTo(LocalDate.of(2026, 12, 18));
    // Monday to Wednesday, then closed from December 31 to January 3
    assertThat(slaDates.targetDueOn(LocalDate.of(2026, 12, 25), 5, 0)).isEqualTo(LocalDate.of(2027, 1, 5));
  }

  @Test
  void theArt39DateIsCalendarDaysAfterArrivalAndAPurposeNotificationOrAComplaintHasNone() {
    assertThat(slaDates.art39On(TUESDAY, RequestType.DISCLOSURE)).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(slaDates.art39On(LocalDate.of(2026, 12, 25), RequestType.DISCLOSURE))
        .as("closed days count: the law counts calendar days").isEqualTo(LocalDate.of(2027, 1, 8));
    // Art 39 covers requests under Arts 33(1) (records under 33(5) included), 34(1), 35(1), (3), (5)
    for (RequestType type : List.of(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE, RequestType.CORRECTION,
        RequestType.SUSPENSION_OF_USE, RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION)) {
      assertThat(slaDates.art39On(TUESDAY, type)).as("%s", type).isEqualTo(LocalDate.of(2026, 12, 15));
    }
    // a purpose notification is a 求め under Art 32(2), a complaint falls under Art 40: neither can be taken to court
    assertThat(slaDates.art39On(TUESDAY, RequestType.PURPOSE_NOTIFICATION)).isNull();
    assertThat(slaDates.art39On(TUESDAY, RequestType.COMPLAINT)).isNull();
  }

  @Test
  void theBusinessDaysWaitedCountFromTheDayTheClockStoppedAndAreNeverNegative() {
    assertThat(slaDates.businessDaysWaited(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14))).isEqualTo(5);
    assertThat(slaDates.businessDaysWaited(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))).isZero();
    assertThat(slaDates.businessDaysWaited(LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 7))).isZero();
  }

  @Test
  void theTargetEndsAtClosingTimeTheReminderComesAtOpeningTwoBusinessDaysBeforeAndTheArt39DateAtMidnight() {
    ClockDates dates = slaDates.dates(LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 15));

    assertThat(dates.targetDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-15T08:00:00Z")));
    assertThat(dates.reminderDate()).isEqualTo(Date.from(Instant.parse("2026-12-11T00:00:00Z")));
    assertThat(dates.art39Date()).isEqualTo(Date.from(Instant.parse("2026-12-14T15:00:00Z")));
    assertThat(slaDates.dates(LocalDate.of(2026, 12, 15), null).art39Date()).isNull();
  }
}
