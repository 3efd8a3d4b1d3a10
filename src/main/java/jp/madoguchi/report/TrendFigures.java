package jp.madoguchi.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.report.Trends.StageDays;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;

/**
 * Adds up the requests of the register, one by one, into the weekly figures of {@link Trends}. Knows nothing of the
 * database: {@link DeskTrends} reads the rows and hands them over, so the arithmetic is tested without one.
 *
 * <p>A request's stage at a moment is the stage of its last {@code STATUS_<STAGE>} history entry before that moment,
 * or {@code RECEIVED} before the first; it is open from its arrival day until it is closed.
 */
final class TrendFigures {

  /** Business days {@code d} with {@code from <= d < toExclusive}, as {@code DeskCalendar.businessDaysBetween}. */
  interface BusinessDays {
    int between(LocalDate from, LocalDate toExclusive);
  }

  /** A change of stage in a request's history, at the moment it was recorded. */
  record StageChange(Instant at, RequestStatus stage) {}

  /**
   * A request closed in the period: its type, arrival day, when it was closed, its target deadline (null if it has
   * none), whether it was past its Art 39 date, and its changes of stage, oldest first.
   */
  record ClosedRequest(RequestType type, LocalDate arrivedOn, Instant closedAt, LocalDate targetDueOn,
      boolean art39DatePassed, List<StageChange> changes) {}

  /** A request that may have been open at the end of a week of the period (closedAt null: open now). */
  record TrackedRequest(LocalDate arrivedOn, Instant closedAt, List<StageChange> changes) {}

  private final ZoneId zone;
  private final BusinessDays businessDays;
  private final List<ReportWeek> weeks;
  private final Instant[] weekEnds;
  private final long[][] received;
  private final long[][] closed;
  private final long[] withinTarget;
  private final long[] withinArt39Date;
  private final long[][] backlog;
  private final Map<RequestStatus, List<Integer>> daysInStage = new EnumMap<>(RequestStatus.class);

  TrendFigures(LocalDate from, LocalDate to, ZoneId zone, BusinessDays businessDays) {
    this.zone = zone;
    this.businessDays = businessDays;
    this.weeks = ReportWeek.covering(from, to);
    int n = weeks.size();
    this.weekEnds = new Instant[n];
    for (int w = 0; w < n; w++) {
      weekEnds[w] = weeks.get(w).last().plusDays(1).atStartOfDay(zone).toInstant();
    }
    this.received = new long[n][Trends.TYPES.size()];
    this.closed = new long[n][Trends.TYPES.size()];
    this.withinTarget = new long[n];
    this.withinArt39Date = new long[n];
    this.backlog = new long[n][Trends.STAGES.size()];
    Trends.STAGES.forEach(stage -> daysInStage.put(stage, new ArrayList<>()));
  }

  /** The moment a week of the period ends (midnight after its last day): its backlog is counted then. */
  Instant endOf(int week) {
    return weekEnds[week];
  }

  /** The first moment of the period, and the end of its last week. */
  Instant start() {
    return weeks.get(0).first().atStartOfDay(zone).toInstant();
  }

  Instant end() {
    return weekEnds[weekEnds.length - 1];
  }

  /** {@code count} requests of {@code type} arrived on {@code arrivedOn} (a day outside the period is ignored). */
  void arrived(LocalDate arrivedOn, RequestType type, long count) {
    int week = ReportWeek.indexOf(weeks, arrivedOn);
    if (week >= 0) {
      received[week][type.ordinal()] += count;
    }
  }

  /**
   * A request closed in the period: counted in the week of its closing day (in the desk's time zone) with its
   * timeliness, judged as {@code DeskReport} judges it, and its business days per stage.
   */
  void closed(ClosedRequest request) {
    LocalDate closedOn = request.closedAt().atZone(zone).toLocalDate();
    int week = ReportWeek.indexOf(weeks, closedOn);
    if (week < 0) {
      return;
    }
    closed[week][request.type().ordinal()]++;
    if (request.targetDueOn() != null && !closedOn.isAfter(request.targetDueOn())) {
      withinTarget[week]++;
    }
    if (!request.art39DatePassed()) {
      withinArt39Date[week]++;
    }
    daysPerStage(request.arrivedOn(), closedOn, request.closedAt(), request.changes())
        .forEach((stage, days) -> daysInStage.get(stage).add(days));
  }

  /**
   * The business days a request spent in each stage, from its arrival day to its closing day. A stage starts on the
   * day its history entry was recorded; days never go backwards (an entry recorded before the arrival day counts
   * from the arrival day), so the stages' days add up to the days from arrival to closing that the report counts.
   */
  Map<RequestStatus, Integer> daysPerStage(LocalDate arrivedOn, LocalDate closedOn, Instant closedAt,
      List<StageChange> changes) {
    Map<RequestStatus, Integer> days = new EnumMap<>(RequestStatus.class);
    RequestStatus stage = RequestStatus.RECEIVED;
    LocalDate since = arrivedOn;
    for (StageChange change : changes) {
      if (!change.at().isBefore(closedAt)) {
        break;
      }
      LocalDate on = later(since, change.at().atZone(zone).toLocalDate());
      days.merge(stage, businessDays.between(since, on), Integer::sum);
      stage = change.stage();
      since = on;
    }
    days.merge(stage, businessDays.between(since, later(since, closedOn)), Integer::sum);
    return days;
  }

  /** A request that may have been open at the end of some week: counted in its stage at the end of each. */
  void tracked(TrackedRequest request) {
    int week = Math.max(0, ReportWeek.indexOf(weeks, request.arrivedOn()));
    if (request.arrivedOn().isAfter(weeks.get(weeks.size() - 1).last())) {
      return;
    }
    int next = 0;
    RequestStatus stage = RequestStatus.RECEIVED;
    for (; week < weeks.size(); week++) {
      Instant end = weekEnds[week];
      if (request.closedAt() != null && request.closedAt().isBefore(end)) {
        return;
      }
      while (next < request.changes().size() && request.changes().get(next).at().isBefore(end)) {
        stage = request.changes().get(next++).stage();
      }
      backlog[week][Trends.STAGES.indexOf(stage)]++;
    }
  }

  Trends trends() {
    List<StageDays> stageDays = Trends.STAGES.stream().map(stage -> {
      List<Integer> days = daysInStage.get(stage);
      days.sort(null);
      return new StageDays(stage, days.size(), days.isEmpty() ? null : days.get((days.size() - 1) / 2));
    }).toList();
    return new Trends(weeks, received, closed, withinTarget, withinArt39Date, backlog, stageDays);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b.isAfter(a) ? b : a;
  }
}
