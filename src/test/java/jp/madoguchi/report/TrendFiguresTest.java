package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.madoguchi.calendar.CalendarProperties;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.report.TrendFigures.ClosedRequest;
import jp.madoguchi.report.TrendFigures.StageChange;
import jp.madoguchi.report.TrendFigures.TrackedRequest;
import jp.madoguchi.report.Trends.StageDays;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;
import org.junit.jupiter.api.Test;

/**
 * The weekly figures without a database: weeks from Monday to Sunday in Tokyo, cut to the period; closings in the
 * week of their Tokyo day; the backlog at each week's end in the stage of the last change before it; business days
 * per stage that add up to the days from arrival to closing, and their medians. June 2031 has no holiday.
 */
class TrendFiguresTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final DeskCalendar CALENDAR = new DeskCalendar(CalendarProperties.defaults());
  static final LocalDate FROM = LocalDate.of(2031, 6, 1);
  static final LocalDate TO = LocalDate.of(2031, 6, 30);

  final TrendFigures figures = new TrendFigures(FROM, TO, TOKYO, CALENDAR::businessDaysBetween);

  @Test
  void weeksRunFromMondayToSundayAndTheFirstAndLastAreCutToThePeriod() {
    List<ReportWeek> weeks = ReportWeek.covering(FROM, TO);

    assertThat(weeks).containsExactly(week("2031-06-01", "2031-06-01"), week("2031-06-02", "2031-06-08"),
        week("2031-06-09", "2031-06-15"), week("2031-06-16", "2031-06-22"), week("2031-06-23", "2031-06-29"),
        week("2031-06-30", "2031-06-30"));
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 6, 1))).isZero();
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 6, 2))).isEqualTo(1);
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 6, 8))).isEqualTo(1);
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 6, 30))).isEqualTo(5);
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 5, 31))).isEqualTo(-1);
    assertThat(ReportWeek.indexOf(weeks, LocalDate.of(2031, 7, 1))).isEqualTo(-1);
    assertThat(ReportWeek.covering(LocalDate.of(2031, 6, 4), LocalDate.of(2031, 6, 4))).singleElement()
        .isEqualTo(week("2031-06-04", "2031-06-04"));
  }

  @Test
  void arrivalsAndClosingsAreCountedInTheWeekOfTheirTokyoDay() {
    figures.arrived(LocalDate.of(2031, 6, 1), RequestType.DISCLOSURE, 2);
    figures.arrived(LocalDate.of(2031, 6, 8), RequestType.CORRECTION, 1);
    figures.arrived(LocalDate.of(2031, 6, 9), RequestType.DISCLOSURE, 3);
    figures.arrived(LocalDate.of(2031, 7, 1), RequestType.DISCLOSURE, 5);
    // Sunday 8 June 15:30 UTC is Monday 9 June 00:30 in Tokyo
    figures.closed(closed(RequestType.COMPLAINT, "2031-06-02", Instant.parse("2031-06-08T15:30:00Z"), null, false));

    Trends trends = figures.trends();

    assertThat(trends.received()[0][RequestType.DISCLOSURE.ordinal()]).isEqualTo(2);
    assertThat(trends.received()[1][RequestType.CORRECTION.ordinal()]).isEqualTo(1);
    assertThat(trends.received()[2][RequestType.DISCLOSURE.ordinal()]).isEqualTo(3);
    assertThat(trends.receivedTotal()).as("July is not in the period").isEqualTo(6);
    assertThat(trends.closed()[2][RequestType.COMPLAINT.ordinal()]).isEqualTo(1);
    assertThat(trends.closedIn(1)).isZero();
    assertThat(trends.closedTotal()).isEqualTo(1);
  }

  @Test
  void closingsCountAsInTimeByTheTargetDeadlineAndTheArt39DateAsTheReportJudges() {
    // closed on the target day: in time; a day after it: late; without a target: neither
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-16T16:00"), "2031-06-16", false));
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-17T09:00"), "2031-06-16", true));
    figures.closed(closed(RequestType.CORRECTION, "2031-06-03", tokyo("2031-06-18T09:00"), null, false));

    Trends trends = figures.trends();

    assertThat(trends.closedIn(3)).isEqualTo(3);
    assertThat(trends.withinTarget()[3]).isEqualTo(1);
    assertThat(trends.withinArt39Date()[3]).isEqualTo(2);
    assertThat(trends.withinTargetTotal()).isEqualTo(1);
    assertThat(trends.withinArt39DateTotal()).isEqualTo(2);
  }

  @Test
  void theBacklogAtEachWeeksEndHoldsTheOpenRequestsInTheirStageThen() {
    // arrived Tue 3 June; identity from Thu 5 June; investigating from Sun 15 June 23:59 (still that week);
    // closed Sun 22 June 09:00: not open at the end of that week
    figures.tracked(new TrackedRequest(LocalDate.of(2031, 6, 3), tokyo("2031-06-22T09:00"), List.of(
        change("2031-06-05T10:00", RequestStatus.VERIFYING_IDENTITY),
        change("2031-06-15T23:59", RequestStatus.INVESTIGATING))));
    // arrived before the period and open throughout, never moved
    figures.tracked(new TrackedRequest(LocalDate.of(2031, 5, 20), null, List.of()));
    // closed at midnight after Sunday 8 June: it was open at the end of that week
    figures.tracked(new TrackedRequest(LocalDate.of(2031, 5, 30), tokyo("2031-06-09T00:00"), List.of(
        change("2031-06-02T11:00", RequestStatus.AWAITING_FEE))));
    // arrives after the period
    figures.tracked(new TrackedRequest(LocalDate.of(2031, 7, 1), null, List.of()));

    long[][] backlog = figures.trends().backlog();

    assertThat(backlog[0]).containsExactly(stages(Map.of(RequestStatus.RECEIVED, 2L)));
    assertThat(backlog[1]).containsExactly(stages(Map.of(RequestStatus.RECEIVED, 1L,
        RequestStatus.VERIFYING_IDENTITY, 1L, RequestStatus.AWAITING_FEE, 1L)));
    assertThat(backlog[2]).containsExactly(stages(Map.of(RequestStatus.RECEIVED, 1L,
        RequestStatus.INVESTIGATING, 1L)));
    assertThat(backlog[3]).containsExactly(stages(Map.of(RequestStatus.RECEIVED, 1L)));
    assertThat(backlog[5]).containsExactly(stages(Map.of(RequestStatus.RECEIVED, 1L)));
    assertThat(figures.endOf(1)).isEqualTo(tokyo("2031-06-09T00:00"));
  }

  @Test
  void businessDaysPerStageRunFromTheDayAStageBeganAndAddUpToTheDaysFromArrivalToClosing() {
    // Mon 2 June to Fri 13 June; identity twice (sent back from the investigation)
    List<StageChange> changes = List.of(change("2031-06-04T10:00", RequestStatus.VERIFYING_IDENTITY),
        change("2031-06-09T10:00", RequestStatus.INVESTIGATING),
        change("2031-06-11T09:00", RequestStatus.VERIFYING_IDENTITY));

    Map<RequestStatus, Integer> days = figures.daysPerStage(LocalDate.of(2031, 6, 2), LocalDate.of(2031, 6, 13),
        tokyo("2031-06-13T15:00"), changes);

    assertThat(days).containsOnly(Map.entry(RequestStatus.RECEIVED, 2),
        Map.entry(RequestStatus.VERIFYING_IDENTITY, 3 + 2), Map.entry(RequestStatus.INVESTIGATING, 2));
    assertThat(days.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(CALENDAR.businessDaysBetween(LocalDate.of(2031, 6, 2), LocalDate.of(2031, 6, 13)));
    // a stage recorded before the arrival day counts from the arrival day; a change after closing counts for nothing
    assertThat(figures.daysPerStage(LocalDate.of(2031, 6, 2), LocalDate.of(2031, 6, 6), tokyo("2031-06-06T12:00"),
        List.of(change("2031-05-30T10:00", RequestStatus.INVESTIGATING),
            change("2031-06-06T13:00", RequestStatus.REPLYING))))
        .containsOnly(Map.entry(RequestStatus.RECEIVED, 0), Map.entry(RequestStatus.INVESTIGATING, 4));
  }

  @Test
  void theMedianPerStageIsOverTheRequestsThatPassedThroughIt() {
    // days in RECEIVED: 1, 2, 4 and 5 (lower middle: 2); two of them were investigated for 3 and 7 days
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-03T10:00"), null, false));
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-04T10:00"), null, false));
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-11T10:00"), null, false,
        change("2031-06-06T10:00", RequestStatus.INVESTIGATING)));
    figures.closed(closed(RequestType.DISCLOSURE, "2031-06-02", tokyo("2031-06-18T10:00"), null, false,
        change("2031-06-09T10:00", RequestStatus.INVESTIGATING)));

    List<StageDays> stageDays = figures.trends().stageDays();

    assertThat(stageDays).extracting(StageDays::stage).containsExactlyElementsOf(Trends.STAGES);
    assertThat(stageDays.get(Trends.STAGES.indexOf(RequestStatus.RECEIVED)))
        .isEqualTo(new StageDays(RequestStatus.RECEIVED, 4, 2));
    assertThat(stageDays.get(Trends.STAGES.indexOf(RequestStatus.INVESTIGATING)))
        .isEqualTo(new StageDays(RequestStatus.INVESTIGATING, 2, 3));
    assertThat(stageDays.get(Trends.STAGES.indexOf(RequestStatus.DECIDING)))
        .isEqualTo(new StageDays(RequestStatus.DECIDING, 0, null));
  }

  // ------------------------------------------------------------------------------------------------------------

  private static ReportWeek week(String first, String last) {
    return new ReportWeek(LocalDate.parse(first), LocalDate.parse(last));
  }

  private static Instant tokyo(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
  }

  private static StageChange change(String tokyoLocalDateTime, RequestStatus stage) {
    return new StageChange(tokyo(tokyoLocalDateTime), stage);
  }

  private static ClosedRequest closed(RequestType type, String arrivedOn, Instant closedAt, String targetDueOn,
      boolean art39DatePassed, StageChange... changes) {
    return new ClosedRequest(type, LocalDate.parse(arrivedOn), closedAt,
        targetDueOn == null ? null : LocalDate.parse(targetDueOn), art39DatePassed, List.of(changes));
  }

  /** A row of the backlog: these counts, zero for every other stage. */
  private static long[] stages(Map<RequestStatus, Long> counts) {
    return Trends.STAGES.stream().mapToLong(stage -> counts.getOrDefault(stage, 0L)).toArray();
  }
}
