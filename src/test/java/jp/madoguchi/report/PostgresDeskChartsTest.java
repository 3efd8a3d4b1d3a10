package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import jp.madoguchi.report.DeskReport.Report;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The charts' queries on a real PostgreSQL server (the list of stage entries, the join with the history, times
 * across the Tokyo day), in June 2032, which no other PostgreSQL test uses. The database outlives a run, so the test
 * compares what its requests add (same context configuration as {@code PostgresApplicationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresDeskChartsTest {

  static final LocalDate FROM = LocalDate.of(2032, 6, 1);
  static final LocalDate TO = LocalDate.of(2032, 6, 30);
  static final int INVESTIGATING = Trends.STAGES.indexOf(RequestStatus.INVESTIGATING);

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RequestRegister register;
  @Autowired DeskReport reports;
  @Autowired DeskTrends trends;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theChartsOnPostgresqlAreTheReportsCountsWeekByWeek() {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    Trends before = trends.of(FROM, TO);
    // Tue 1 June 2032; investigating from Thu 3 June at 00:30 Tokyo (still 2 June in UTC); closed Tue 8 June at
    // 00:30 Tokyo (7 June in UTC), by its target
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).arrivedOn(FROM).register();
    register.updateDeadlines(request.id(), new Deadlines(10, LocalDate.of(2032, 6, 15), LocalDate.of(2032, 6, 15),
        null, 0, false, false));
    at("2032-06-03T00:30");
    register.changeStatus(request.id(), RequestStatus.INVESTIGATING, "desk");
    DeskReportTest.closeAt(register, request, "DECIDED_FULL", "2032-06-08T00:30");

    Report report = reports.of(FROM, TO);
    Trends after = trends.of(FROM, TO);

    assertThat(after.receivedTotal()).isEqualTo(report.received().total()).isEqualTo(before.receivedTotal() + 1);
    assertThat(after.received()[0][RequestType.DISCLOSURE.ordinal()])
        .isEqualTo(before.received()[0][RequestType.DISCLOSURE.ordinal()] + 1);
    assertThat(after.closedTotal()).isEqualTo(report.closed().total()).isEqualTo(before.closedTotal() + 1);
    assertThat(after.closedIn(1)).as("the week of Tokyo's 8 June").isEqualTo(before.closedIn(1) + 1);
    assertThat(after.withinTargetTotal()).isEqualTo(report.closed().withinTarget());
    assertThat(after.withinArt39DateTotal()).isEqualTo(report.closed().total() - report.closed().art39DatePassed());
    // investigating at the end of the week of 1 June (Sunday 6 June); closed before the end of the next
    assertThat(after.backlog()[0][INVESTIGATING]).isEqualTo(before.backlog()[0][INVESTIGATING] + 1);
    assertThat(after.backlog()[1][INVESTIGATING]).isEqualTo(before.backlog()[1][INVESTIGATING]);
    Trends.StageDays investigating = after.stageDays().get(INVESTIGATING);
    assertThat(investigating.requests()).isEqualTo(before.stageDays().get(INVESTIGATING).requests() + 1);
  }

  private static void at(String tokyoLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(tokyoLocalDateTime).atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant()));
  }
}
