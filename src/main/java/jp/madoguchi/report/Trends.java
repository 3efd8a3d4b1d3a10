package jp.madoguchi.report;

import java.util.Arrays;
import java.util.List;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;

/**
 * The report's figures week by week, for its charts: what arrived and what was closed (by request type, in the
 * order of {@link #TYPES}), how much of what was closed met the target deadline and the Art 39 date, how many
 * requests stood in each stage (in the order of {@link #STAGES}) at the end of each week, and how many business days
 * the requests closed in the period spent in each stage. Index {@code [w]} is {@code weeks().get(w)}.
 *
 * @param received requests that arrived, {@code [week][type]}
 * @param closed requests closed, {@code [week][type]}
 * @param withinTarget requests closed by their target deadline, per week (as {@code DeskReport} counts them)
 * @param withinArt39Date requests closed and not past their Art 39 date, per week
 * @param backlog open requests at the end of each week (or of the period's last day), {@code [week][stage]}
 * @param stageDays business days per stage of the requests closed in the period, in the order of {@link #STAGES}
 */
record Trends(List<ReportWeek> weeks, long[][] received, long[][] closed, long[] withinTarget,
    long[] withinArt39Date, long[][] backlog, List<StageDays> stageDays) {

  static final List<RequestType> TYPES = List.of(RequestType.values());

  /** The stages a request stands in while open. */
  static final List<RequestStatus> STAGES = Arrays.stream(RequestStatus.values())
      .filter(stage -> stage != RequestStatus.CLOSED).toList();

  /**
   * How long the requests closed in the period stood in a stage: how many of them were in it, and the median of
   * their business days in it (the lower middle value for an even count, as the report's median; null when none
   * was in it). A request in a stage twice counts its days in it once, added up.
   */
  record StageDays(RequestStatus stage, int requests, Integer medianBusinessDays) {}

  long receivedTotal() {
    return Arrays.stream(received).flatMapToLong(Arrays::stream).sum();
  }

  long closedTotal() {
    return Arrays.stream(closed).flatMapToLong(Arrays::stream).sum();
  }

  long closedIn(int week) {
    return Arrays.stream(closed[week]).sum();
  }

  long withinTargetTotal() {
    return Arrays.stream(withinTarget).sum();
  }

  long withinArt39DateTotal() {
    return Arrays.stream(withinArt39Date).sum();
  }
}
