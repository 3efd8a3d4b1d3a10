package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.report.DeskReport.Count;
import jp.madoguchi.report.DeskReport.Report;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desk report counts what arrived and what was closed in a period, how timely, and what is open, from the
 * register; the page and the CSV say the same, in Japanese and English; a wrong period is a clear error. The
 * requests of this test arrive in June 2031, a month no other test uses (no holidays in it).
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskReportTest {

  static final LocalDate FROM = LocalDate.of(2031, 6, 1);
  static final LocalDate TO = LocalDate.of(2031, 6, 30);

  @LocalServerPort int port;
  @Autowired RequestRegister register;
  @Autowired DeskReport reports;
  @Autowired DeskAudit audit;
  @Autowired TaskService taskService;

  @BeforeAll
  void aMonthOfRequests() {
    // arrived Mon 2 June, target 16 June, closed Fri 13 June: in time, 9 business days
    DeskRequest granted = arrive(TestRequests.request(register).type(RequestType.DISCLOSURE), "2031-06-02");
    target(granted, "2031-06-16", false);
    closeAt(granted, "DECIDED_FULL", "2031-06-13T15:00");
    // part of its data was held for a client and referred: counted under its own outcome, and as referred in part
    register.recordEvent(granted.id(), RequestRegister.SYSTEM_ACTOR, "REFERRED_TO_CLIENT", "株式会社サンプル通販");
    // by an agent, arrived Tue 3 June, target 17 June, closed Fri 20 June after the Art 39 mark: late, 13 days
    DeskRequest late = arrive(TestRequests.request(register).type(RequestType.CORRECTION)
        .byAgent(AgentKind.AUTHORISED), "2031-06-03");
    target(late, "2031-06-17", true);
    closeAt(late, "DECIDED_PARTIAL", "2031-06-20T10:00");
    // a complaint, arrived Wed 4 June, closed Fri 6 June: 2 days
    DeskRequest complaint = arrive(TestRequests.request(register).type(RequestType.COMPLAINT), "2031-06-04");
    target(complaint, "2031-06-18", false);
    closeAt(complaint, "COMPLAINT_RESOLVED", "2031-06-06T11:00");
    // My Number, still open
    arrive(TestRequests.request(register).type(RequestType.DISCLOSURE).specific(), "2031-06-10");
    // arrived before the period, closed on its first day at 00:30 Tokyo time (the day before in UTC)
    DeskRequest earlier = arrive(TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION), "2031-05-30");
    closeAt(earlier, "NO_DATA_HELD", "2031-06-01T00:30");
    // arrived in the period, closed after it
    DeskRequest after = arrive(TestRequests.request(register).type(RequestType.DISCLOSURE), "2031-06-27");
    closeAt(after, "DECIDED_FULL", "2031-07-01T09:00");
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void thePeriodsArrivalsClosingsAndTheirTimelinessAreCounted() {
    Report report = reports.of(FROM, TO);

    assertThat(report.received().total()).isEqualTo(5);
    assertThat(map(report.received().byType())).containsEntry("DISCLOSURE", 3L).containsEntry("CORRECTION", 1L)
        .containsEntry("COMPLAINT", 1L).containsEntry("PURPOSE_NOTIFICATION", 0L)
        .containsEntry("SUSPENSION_OF_USE", 0L);
    assertThat(map(report.received().byChannel())).containsEntry("POST", 5L).containsEntry("WEB", 0L);
    assertThat(report.received().myNumber()).isEqualTo(1);
    assertThat(report.received().byAgent()).isEqualTo(1);

    assertThat(report.closed().total()).isEqualTo(4);
    assertThat(map(report.closed().byOutcome())).containsEntry("DECIDED_FULL", 1L)
        .containsEntry("DECIDED_PARTIAL", 1L).containsEntry("COMPLAINT_RESOLVED", 1L)
        .containsEntry("NO_DATA_HELD", 1L).containsEntry("DECIDED_NONE", 0L);
    assertThat(report.closed().withinTarget()).isEqualTo(2);
    assertThat(report.closed().late()).isEqualTo(1);
    assertThat(report.closed().art39DatePassed()).isEqualTo(1);
    assertThat(report.closed().referredInPart()).isEqualTo(1);
    assertThat(map(report.closed().byOutcome())).containsEntry("REFERRED_TO_CLIENT", 0L);
    assertThat(report.closed().byOutcome().stream().mapToLong(Count::count).sum())
        .as("each closed request counted once by outcome").isEqualTo(report.closed().total());
    // 2 (complaint), 9 (granted), 13 (late) and 1 (arrived Fri 30 May, closed Sun 1 June: Friday only)
    assertThat(report.closed().medianBusinessDays()).isEqualTo(2);
    assertThat(report.closed().longestBusinessDays()).isEqualTo(13);
  }

  @Test
  void aPeriodWithNothingInItHasNoMedian() {
    Report report = reports.of(LocalDate.of(2041, 1, 1), LocalDate.of(2041, 1, 31));

    assertThat(report.received().total()).isZero();
    assertThat(report.closed().total()).isZero();
    assertThat(report.closed().medianBusinessDays()).isNull();
    assertThat(report.closed().longestBusinessDays()).isNull();
  }

  @Test
  void openRequestsAreCountedByStageWithThoseOverdueOrWaiting() {
    Report before = reports.of(FROM, TO);
    LocalDate today = before.madeOn();
    DeskRequest overdue = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    register.updateDeadlines(overdue.id(), new Deadlines(10, today.minusDays(1), today.minusDays(1), null, 0, true,
        true));
    DeskRequest waiting = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    register.updateDeadlines(waiting.id(), new Deadlines(10, today.minusDays(3), today.plusDays(5),
        today.minusDays(5), 0, false, false));

    Report after = reports.of(FROM, TO);

    assertThat(after.open().total()).isEqualTo(before.open().total() + 2);
    assertThat(map(after.open().byStage()).get("RECEIVED")).isEqualTo(map(before.open().byStage()).get("RECEIVED") + 2);
    assertThat(after.open().overdue()).as("a stopped clock is not overdue").isEqualTo(before.open().overdue() + 1);
    assertThat(after.open().clockStopped()).isEqualTo(before.open().clockStopped() + 1);
    assertThat(after.open().art39DatePassed()).isEqualTo(before.open().art39DatePassed() + 1);
    assertThat(map(after.open().byStage())).doesNotContainKey("CLOSED");
  }

  @Test
  void theDesksLoadIsItsOpenTasksUnclaimedAndByWhoClaimedThem() {
    Report before = reports.of(FROM, TO);
    Task claimed = taskService.newTask();
    claimed.setName("report test: claimed");
    claimed.setAssignee("specialist");
    taskService.saveTask(claimed);
    Task unclaimed = taskService.newTask();
    unclaimed.setName("report test: unclaimed");
    taskService.saveTask(unclaimed);
    try {
      Report after = reports.of(FROM, TO);

      assertThat(after.workload().unclaimed()).isEqualTo(before.workload().unclaimed() + 1);
      assertThat(map(after.workload().byAssignee()).get("specialist"))
          .isEqualTo(map(before.workload().byAssignee()).getOrDefault("specialist", 0L) + 1);
      assertThat(after.workload().byAssignee()).extracting(Count::count)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    } finally {
      taskService.deleteTask(claimed.getId(), true);
      taskService.deleteTask(unclaimed.getId(), true);
    }
  }

  @Test
  void thePageShowsTheFiguresInJapaneseAndEnglishForTheDeskAndTheManagers() throws Exception {
    for (String user : new String[] {"desk", "manager"}) {
      PageClient browser = PageClient.loggedIn(port, user, user + "-demo-2026");
      Page page = browser.get("/desk/reports?from=2031-06-01&to=2031-06-30");

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.document().selectFirst("h1").text()).isEqualTo("窓口の集計");
      assertThat(page.document().selectFirst("#received-total").text()).isEqualTo("5");
      assertThat(page.document().selectFirst("#closed-total").text()).isEqualTo("4");
      assertThat(page.document().selectFirst("#closed-late").text()).isEqualTo("1");
      assertThat(page.document().selectFirst("#closed-referred-in-part").text()).isEqualTo("1");
      assertThat(page.document().selectFirst("#closed-median").text()).isEqualTo("2");
      assertThat(page.document().selectFirst("#closed-by-outcome tr[data-key=DECIDED_PARTIAL]").text())
          .isEqualTo("一部対応 1");
      assertThat(page.document().selectFirst("#received-by-type tr[data-key=DISCLOSURE]").text()).endsWith(" 3");
      assertThat(page.html()).doesNotContain("??").doesNotContain(TestRequests.PRINCIPAL.name());
    }
    Page english = PageClient.loggedIn(port, "desk", "desk-demo-2026").get("/desk/reports?from=2031-06-01&to=2031-06-30&lang=en");
    assertThat(english.document().selectFirst("h1").text()).isEqualTo("Desk report");
    assertThat(english.document().selectFirst("#closed-by-outcome tr[data-key=DECIDED_PARTIAL]").text())
        .isEqualTo("Granted in part 1");
    assertThat(english.html()).doesNotContain("??");

    Page defaults = PageClient.loggedIn(port, "desk", "desk-demo-2026").get("/desk/reports");
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.document().selectFirst("input#to").val()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Tokyo"))
        .toString());
  }

  @Test
  void theCsvHasEveryFigureWithJapaneseAndEnglishLabels() throws Exception {
    HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/desk/reports.csv?from=2031-06-01&to=2031-06-30"))
        .header("Authorization", basic("manager", "manager-demo-2026")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("madoguchi-report-2031-06-01-2031-06-30.csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFsection,key,label_ja,label_en,count\r\n")
        .contains("received,total,\"合計\",\"Total\",5\r\n")
        .contains("received.type,DISCLOSURE,\"保有個人データの開示\",\"Disclosure of your personal data\",3\r\n")
        .contains("closed.outcome,DECIDED_PARTIAL,\"一部対応\",\"Granted in part\",1\r\n")
        .contains("closed,late,")
        .contains("closed,referredInPart,\"一部を委託元へ回付したもの(件数は当社の保有分の結果に含む)\","
            + "\"Referred in part to a client company (counted under the outcome of our own part)\",1\r\n")
        .contains("closed,medianBusinessDays,")
        .contains("workload,unclaimed,")
        .contains("letters,paperToPost,")
        .doesNotContain("??");
    assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line.split(",", -1)).hasSizeGreaterThanOrEqualTo(5));
  }

  @Test
  void managersExportTheRecordOfHandlingWithoutDetailsAndNoOneElseMay() throws Exception {
    HttpResponse<String> csv = get("/desk/reports/handling.csv?from=2031-06-01&to=2031-06-30", "manager");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("madoguchi-handling-2031-06-01-2031-06-30.csv");
    List<String> lines = csv.body().lines().toList();
    // the machines' columns first, as before; the words people read follow them
    assertThat(lines.get(0)).isEqualTo("\uFEFFoccurred_at,reference,personal_information_kind,actor,event_type,"
        + "occurred_at_ja,occurred_at_en,personal_information_kind_ja,personal_information_kind_en,event_type_ja,"
        + "event_type_en");
    List<String> closings = lines.stream().filter(line -> line.split(",")[4].equals("REQUEST_CLOSED")).toList();
    assertThat(closings).hasSize(4).allSatisfy(line -> assertThat(line).contains(",ORDINARY,\"desk\",")
        .endsWith(",\"個人情報\",\"Ordinary personal information\",\"請求を完了\",\"Request closed\""));
    assertThat(closings.get(0)).startsWith("2031-06-01T00:30+09:00,")
        .contains(",\"2031年6月1日(日) 0:30\",\"Sun 1 June 2031, 0:30\",");
    assertThat(csv.body()).doesNotContain("NO_DATA_HELD", "DECIDED_FULL", TestRequests.PRINCIPAL.name());

    assertThat(get("/desk/reports/handling.csv?from=2031-06-01&to=2031-06-30", "desk").statusCode())
        .isEqualTo(403);
    assertThat(get("/desk/reports/handling.csv?from=2031-06-30&to=2031-06-01", "manager").statusCode())
        .isEqualTo(400);
    assertThat(audit.latest(DeskAudit.HANDLING_EXPORTED, 1)).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("manager");
      assertThat(entry.detail()).isEqualTo("2031-06-01 to 2031-06-30");
    });
    Page managersReport = PageClient.loggedIn(port, "manager", "manager-demo-2026").get("/desk/reports");
    assertThat(managersReport.document().selectFirst("#report-handling")).isNotNull();
    assertThat(managersReport.document().selectFirst("#handling-exports").text())
        .contains("manager", "2031年6月1日(日) から 2031年6月30日(月) まで");
    Page desksReport = PageClient.loggedIn(port, "desk", "desk-demo-2026").get("/desk/reports");
    assertThat(desksReport.document().selectFirst("#report-handling")).isNull();
    assertThat(desksReport.document().selectFirst("#handling-exports")).isNull();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user, user + "-demo-2026")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aWrongPeriodIsAClearErrorAndTheReportNeedsADeskLogin() throws Exception {
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    Page malformed = desk.get("/desk/reports?from=2031-13-01&to=2031-06-30");
    Page reversed = desk.get("/desk/reports?from=2031-06-30&to=2031-06-01");
    Page tooLong = desk.get("/desk/reports?from=2001-01-01&to=2031-06-01");

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.document().selectFirst("#error-summary").text()).contains("yyyy-mm-dd");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.document().selectFirst("#error-summary").text()).contains("終了日");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(desk.get("/desk/reports.csv?from=x").status()).isEqualTo(400);

    Page anonymous = new PageClient(port).get("/desk/reports");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(PageClient.loggedIn(port, "designer", "designer-demo-2026").get("/desk/reports").status()).isEqualTo(403);
  }

  private DeskRequest arrive(TestRequests shape, String arrivedOn) {
    return shape.arrivedOn(LocalDate.parse(arrivedOn)).register();
  }

  private void target(DeskRequest request, String targetDueOn, boolean art39DatePassed) {
    LocalDate due = LocalDate.parse(targetDueOn);
    register.updateDeadlines(request.id(), new Deadlines(10, due, request.arrivedOn().plusDays(14), null, 0, false,
        art39DatePassed));
  }

  private void closeAt(DeskRequest request, String outcome, String tokyoLocalDateTime) {
    closeAt(register, request, outcome, tokyoLocalDateTime);
  }

  /** Closes the request as the desk would, at this time of the desk's day. */
  static void closeAt(RequestRegister register, DeskRequest request, String outcome, String tokyoLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(tokyoLocalDateTime).atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant()));
    try {
      register.close(request.id(), outcome, LocalDate.of(2036, 12, 31), "desk");
    } finally {
      ClockUtil.reset();
    }
  }

  /** A table of counts as key to count. */
  static Map<String, Long> map(List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::key, Count::count));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
