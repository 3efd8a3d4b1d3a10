package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.report.DeskReport.Report;
import jp.madoguchi.report.Trends.StageDays;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report's charts on the register's own rows: requests registered, moved from stage to stage and closed as the
 * desk's steps do (the register's history, at the engine's clock), in June 2033, a month no other test uses and
 * without holidays. The charts' figures are the report's counts, week by week; the page shows both, in Japanese and
 * English.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskChartsTest {

  static final LocalDate FROM = LocalDate.of(2033, 6, 1);
  static final LocalDate TO = LocalDate.of(2033, 6, 30);

  @LocalServerPort int port;
  @Autowired RequestRegister register;
  @Autowired DeskReport reports;
  @Autowired DeskTrends trends;

  /** The month before this test's requests: requests other tests left open stand in its backlog too. */
  Trends baseline;

  @BeforeAll
  void aMonthOfRequestsMovingThroughTheirStages() {
    baseline = trends.of(FROM, TO);
    // Wed 1 June to Fri 10 June, by the target: 1 day received, 2 identity, 3 investigating, 1 replying
    DeskRequest inTime = arrive(RequestType.DISCLOSURE, "2033-06-01", "2033-06-15", false);
    moveAt(inTime, RequestStatus.VERIFYING_IDENTITY, "2033-06-02T10:00");
    moveAt(inTime, RequestStatus.INVESTIGATING, "2033-06-06T10:00");
    moveAt(inTime, RequestStatus.REPLYING, "2033-06-09T10:00");
    DeskReportTest.closeAt(register, inTime, "DECIDED_FULL", "2033-06-10T15:00");
    // Thu 2 June to Wed 22 June, late and past its Art 39 date: 1 received, 1 + 1 identity, 5 waiting for
    // documents, 6 investigating
    DeskRequest late = arrive(RequestType.CORRECTION, "2033-06-02", "2033-06-16", true);
    moveAt(late, RequestStatus.VERIFYING_IDENTITY, "2033-06-03T10:00");
    moveAt(late, RequestStatus.AWAITING_DOCUMENTS, "2033-06-06T11:00");
    moveAt(late, RequestStatus.VERIFYING_IDENTITY, "2033-06-13T09:00");
    moveAt(late, RequestStatus.INVESTIGATING, "2033-06-14T10:00");
    DeskReportTest.closeAt(register, late, "DECIDED_PARTIAL", "2033-06-22T16:00");
    // a complaint, Mon 13 June to Wed 15 June: 2 days received
    DeskRequest complaint = arrive(RequestType.COMPLAINT, "2033-06-13", "2033-06-27", false);
    DeskReportTest.closeAt(register, complaint, "COMPLAINT_RESOLVED", "2033-06-15T11:00");
    // arrived Mon 20 June, still open
    DeskRequest open = arrive(RequestType.DISCLOSURE, "2033-06-20", "2033-07-04", false);
    moveAt(open, RequestStatus.VERIFYING_IDENTITY, "2033-06-21T10:00");
    // arrived Tue 31 May, before the period; closed on its first day at 00:30: 1 day received
    DeskRequest earlier = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION)
        .arrivedOn(LocalDate.of(2033, 5, 31)).register();
    DeskReportTest.closeAt(register, earlier, "NO_DATA_HELD", "2033-06-01T00:30");
  }

  @Test
  void theChartsFiguresAreTheReportsCountsWeekByWeek() {
    Report report = reports.of(FROM, TO);
    Trends weekly = trends.of(FROM, TO);

    assertThat(weekly.weeks()).extracting(ReportWeek::first).containsExactly(LocalDate.of(2033, 6, 1),
        LocalDate.of(2033, 6, 6), LocalDate.of(2033, 6, 13), LocalDate.of(2033, 6, 20), LocalDate.of(2033, 6, 27));
    assertThat(weekly.receivedTotal()).isEqualTo(report.received().total()).isEqualTo(4);
    Map<String, Long> byType = DeskReportTest.map(report.received().byType());
    for (RequestType type : RequestType.values()) {
      assertThat(Arrays.stream(weekly.received()).mapToLong(week -> week[type.ordinal()]).sum()).as(type.name())
          .isEqualTo(byType.get(type.name()));
    }
    assertThat(weekly.received()[0][RequestType.DISCLOSURE.ordinal()]).isEqualTo(1);
    assertThat(weekly.received()[0][RequestType.CORRECTION.ordinal()]).isEqualTo(1);
    assertThat(weekly.received()[2][RequestType.COMPLAINT.ordinal()]).isEqualTo(1);
    assertThat(weekly.received()[3][RequestType.DISCLOSURE.ordinal()]).isEqualTo(1);

    assertThat(weekly.closedTotal()).isEqualTo(report.closed().total()).isEqualTo(4);
    assertThat(weekly.closed()[0][RequestType.PURPOSE_NOTIFICATION.ordinal()]).as("closed 00:30 on 1 June")
        .isEqualTo(1);
    assertThat(weekly.closedIn(1)).isEqualTo(1);
    assertThat(weekly.closedIn(2)).isEqualTo(1);
    assertThat(weekly.closedIn(3)).isEqualTo(1);
    assertThat(weekly.withinTargetTotal()).isEqualTo(report.closed().withinTarget()).isEqualTo(2);
    assertThat(weekly.withinArt39DateTotal())
        .isEqualTo(report.closed().total() - report.closed().art39DatePassed()).isEqualTo(3);
  }

  @Test
  void theBacklogAtEachWeeksEndHoldsTheRequestsInTheStageTheyWereIn() {
    long[][] backlog = trends.of(FROM, TO).backlog();

    // what this test's requests add to the backlog other tests left
    assertThat(added(backlog, 0)).containsOnly(Map.entry(RequestStatus.VERIFYING_IDENTITY, 2L));
    assertThat(added(backlog, 1)).containsOnly(Map.entry(RequestStatus.AWAITING_DOCUMENTS, 1L));
    assertThat(added(backlog, 2)).containsOnly(Map.entry(RequestStatus.INVESTIGATING, 1L));
    assertThat(added(backlog, 3)).containsOnly(Map.entry(RequestStatus.VERIFYING_IDENTITY, 1L));
    assertThat(added(backlog, 4)).containsOnly(Map.entry(RequestStatus.VERIFYING_IDENTITY, 1L));
  }

  @Test
  void theMedianBusinessDaysPerStageOfTheRequestsClosedInThePeriod() {
    List<StageDays> stageDays = trends.of(FROM, TO).stageDays();

    assertThat(stageDays).contains(new StageDays(RequestStatus.RECEIVED, 4, 1),
        new StageDays(RequestStatus.VERIFYING_IDENTITY, 2, 2),
        new StageDays(RequestStatus.AWAITING_DOCUMENTS, 1, 5),
        new StageDays(RequestStatus.INVESTIGATING, 2, 3), new StageDays(RequestStatus.REPLYING, 1, 1),
        new StageDays(RequestStatus.DECIDING, 0, null));
  }

  @Test
  void thePageShowsEachChartWithItsFiguresAsATableInJapaneseAndEnglish() throws Exception {
    Page page = PageClient.loggedIn(port, "manager", "manager-demo-2026")
        .get("/desk/reports?from=2033-06-01&to=2033-06-30");

    assertThat(page.status()).isEqualTo(200);
    for (String chart : List.of("chart-received", "chart-closed", "chart-timeliness", "chart-backlog",
        "chart-stage-days")) {
      Element svg = page.document().selectFirst("#" + chart + " svg");
      assertThat(svg).as(chart).isNotNull();
      assertThat(svg.attr("role")).isEqualTo("img");
      assertThat(svg.attr("aria-labelledby")).isEqualTo(chart + "-title " + chart + "-desc");
      assertThat(page.document().selectFirst("#" + chart + "-title").text())
          .isEqualTo(page.document().selectFirst("#" + chart + "-heading").text());
      assertThat(page.document().selectFirst("#" + chart + " details table#" + chart + "-table")).isNotNull();
    }
    assertThat(cell(page, "chart-received", "total", "total"))
        .isEqualTo(page.document().selectFirst("#received-total").text()).isEqualTo("4");
    assertThat(cell(page, "chart-closed", "total", "total"))
        .isEqualTo(page.document().selectFirst("#closed-total").text());
    assertThat(cell(page, "chart-timeliness", "total", "withinTarget"))
        .isEqualTo(page.document().selectFirst("#closed-within-target").text());
    assertThat(cell(page, "chart-timeliness", "total", "withinTargetShare")).isEqualTo("50%");
    assertThat(cell(page, "chart-timeliness", "total", "withinArt39DateShare")).isEqualTo("75%");
    assertThat(cell(page, "chart-timeliness", "2033-06-27", "withinTargetShare")).as("nothing closed").isEqualTo("-");
    assertThat(cell(page, "chart-stage-days", "AWAITING_DOCUMENTS", "median")).isEqualTo("5");
    assertThat(page.document().selectFirst("#chart-received-table tr[data-key='2033-06-01'] th").text())
        .isEqualTo("6月1日〜6月5日");
    assertThat(page.document().selectFirst("#chart-received-svg").text()).contains("開示", "苦情・相談", "6月13日");
    assertThat(page.document().selectFirst("#chart-timeliness-svg").text())
        .contains("第39条の期日(到達から2週間)までに完了");
    // nothing a content security policy without 'unsafe-inline' would block
    assertThat(page.html()).doesNotContain("??").doesNotContain(TestRequests.PRINCIPAL.name())
        .doesNotContain("<script").doesNotContain("style=");

    Page english = PageClient.loggedIn(port, "desk", "desk-demo-2026")
        .get("/desk/reports?from=2033-06-01&to=2033-06-30&lang=en");
    assertThat(english.document().selectFirst("#chart-received-table tr[data-key='2033-06-01'] th").text())
        .isEqualTo("1–5 Jun");
    assertThat(english.document().selectFirst("#chart-backlog-heading").text())
        .isEqualTo("Open requests at the end of each week, by stage");
    assertThat(english.document().selectFirst("#chart-timeliness-svg").text())
        .contains("Closed by the Art 39 date (two weeks after arrival)");
    assertThat(english.html()).doesNotContain("??");
  }

  // ------------------------------------------------------------------------------------------------------------

  private DeskRequest arrive(RequestType type, String arrivedOn, String targetDueOn, boolean art39DatePassed) {
    DeskRequest request = TestRequests.request(register).type(type).arrivedOn(LocalDate.parse(arrivedOn)).register();
    register.updateDeadlines(request.id(), new Deadlines(10, LocalDate.parse(targetDueOn),
        type == RequestType.COMPLAINT ? null : request.arrivedOn().plusDays(14), null, 0, false, art39DatePassed));
    return request;
  }

  /** Moves the request to a stage as the process's steps do, at this time of the desk's day. */
  private void moveAt(DeskRequest request, RequestStatus stage, String tokyoLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(tokyoLocalDateTime).atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant()));
    try {
      register.changeStatus(request.id(), stage, "desk");
    } finally {
      ClockUtil.reset();
    }
  }

  /** What a week's backlog holds beyond the baseline, by stage (stages with nothing added left out). */
  private Map<RequestStatus, Long> added(long[][] backlog, int week) {
    Map<RequestStatus, Long> added = new java.util.EnumMap<>(RequestStatus.class);
    for (int s = 0; s < Trends.STAGES.size(); s++) {
      long more = backlog[week][s] - baseline.backlog()[week][s];
      if (more != 0) {
        added.put(Trends.STAGES.get(s), more);
      }
    }
    return added;
  }

  private static String cell(Page page, String chart, String row, String column) {
    String rows = "total".equals(row) ? " tfoot tr[data-key=total]" : " tbody tr[data-key='" + row + "']";
    Element cell = page.document().selectFirst("#" + chart + "-table" + rows + " td[data-key='" + column + "']");
    assertThat(cell).as("%s %s %s", chart, row, column).isNotNull();
    return cell.text();
  }
}
