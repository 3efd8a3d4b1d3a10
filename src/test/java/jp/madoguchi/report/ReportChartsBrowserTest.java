package jp.madoguchi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager reads the desk report's charts in a real browser (headless Chromium, Japanese, Tokyo time): eight weeks
 * of October and November 2033 with forty requests moving through their stages. The charts are drawn, named for
 * assistive technology, and their tables, opened as a reader opens them, say what the report's counts on the same
 * page say. The screenshot of the charts is the staff guide's picture ({@code docs/images/report-charts.png}).
 */
@DeskTest
@Tag("browser")
class ReportChartsBrowserTest {

  static final Path SCREENSHOT = Path.of("docs", "images", "report-charts.png");
  static final LocalDate FROM = LocalDate.of(2033, 10, 3);
  static final LocalDate TO = LocalDate.of(2033, 11, 27);
  static final RequestType[] MIX = {RequestType.DISCLOSURE, RequestType.DISCLOSURE, RequestType.CORRECTION,
      RequestType.PURPOSE_NOTIFICATION, RequestType.SUSPENSION_OF_USE, RequestType.COMPLAINT, RequestType.DISCLOSURE,
      RequestType.THIRD_PARTY_RECORDS_DISCLOSURE};

  @LocalServerPort int port;
  @Autowired RequestRegister register;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium(@TempDir Path profile) {
    browser = Chromium.start(profile, "ja", "Asia/Tokyo");
    // tall enough for the charts to be photographed whole
    browser.manage().window().setSize(new Dimension(1200, 3600));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aManagerReadsTheChartsAndTheirTablesSayWhatTheReportCounts() throws Exception {
    eightWeeksOfRequests();
    browser.get("http://localhost:" + port + "/desk/reports?from=" + FROM + "&to=" + TO);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("manager");
    browser.findElement(By.name("password")).sendKeys("manager-demo-2026", Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-charts")));

    for (String chart : List.of("chart-received", "chart-closed", "chart-timeliness", "chart-backlog",
        "chart-stage-days")) {
      WebElement svg = browser.findElement(By.cssSelector("#" + chart + " svg"));
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      // the image's name is its title, the heading above it
      assertThat(browser.findElement(By.id(chart + "-title")).getAttribute("textContent"))
          .isEqualTo(browser.findElement(By.id(chart + "-heading")).getText());
      assertThat(svg.getRect().getHeight()).as("%s is drawn", chart).isGreaterThan(100);
      // the table is there for everyone who opens it
      WebElement table = browser.findElement(By.id(chart + "-table"));
      assertThat(table.isDisplayed()).isFalse();
      browser.findElement(By.cssSelector("#" + chart + " summary")).click();
      wait.until(ExpectedConditions.visibilityOf(table));
    }
    List<WebElement> bars = browser.findElements(By.cssSelector("#chart-received .chart__bars rect"));
    assertThat(bars).isNotEmpty();
    assertThat(bars.get(0).getRect().getHeight()).isPositive();

    String received = text("#received-total");
    String closed = text("#closed-total");
    String withinTarget = text("#closed-within-target");
    assertThat(Integer.parseInt(received)).isEqualTo(40);
    assertThat(cell("chart-received", "total", "total")).isEqualTo(received);
    assertThat(cell("chart-received", "total", "DISCLOSURE"))
        .isEqualTo(text("#received-by-type tr[data-key='DISCLOSURE'] td"));
    assertThat(cell("chart-closed", "total", "total")).isEqualTo(closed);
    assertThat(cell("chart-timeliness", "total", "closed")).isEqualTo(closed);
    assertThat(cell("chart-timeliness", "total", "withinTarget")).isEqualTo(withinTarget);
    assertThat(cell("chart-timeliness", "total", "withinTargetShare"))
        .isEqualTo(Math.round(100.0 * Integer.parseInt(withinTarget) / Integer.parseInt(closed)) + "%");
    assertThat(cell("chart-timeliness", "total", "withinArt39Date")).isEqualTo(Integer.toString(
        Integer.parseInt(closed) - Integer.parseInt(text("#closed-two-weeks"))));
    // every request closed in the period was received first
    assertThat(cell("chart-stage-days", "RECEIVED", "requests")).isEqualTo(closed);
    assertThat(browser.findElement(By.cssSelector("#chart-received-table tbody tr th")).getText())
        .isEqualTo("10月3日〜10月9日");

    // the picture for the staff guide: the charts, the first two tables closed again
    for (String chart : List.of("chart-received", "chart-closed", "chart-backlog", "chart-stage-days")) {
      browser.findElement(By.cssSelector("#" + chart + " summary")).click();
    }
    Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
    Files.write(SCREENSHOT, browser.findElement(By.cssSelector("section.charts")).getScreenshotAs(OutputType.BYTES));
  }

  // ------------------------------------------------------------------------------------------------------------

  /**
   * Forty requests over seven weeks, of every type, as the desk handles them: identity, sometimes a wait for
   * documents, the investigation, the decision and the reply, each a few days; the latest still open.
   */
  private void eightWeeksOfRequests() {
    for (int i = 0; i < 40; i++) {
      LocalDate arrivedOn = FROM.plusDays(i * 11 % 49);
      RequestType type = MIX[i % MIX.length];
      DeskRequest request = TestRequests.request(register).type(type).arrivedOn(arrivedOn).register();
      LocalDate day = arrivedOn.plusDays(1);
      if (type != RequestType.COMPLAINT) {
        move(request, RequestStatus.VERIFYING_IDENTITY, day);
        if (i % 4 == 0) {
          move(request, RequestStatus.AWAITING_DOCUMENTS, day = day.plusDays(1));
          move(request, RequestStatus.VERIFYING_IDENTITY, day = day.plusDays(2 + i % 3));
        }
        day = day.plusDays(1);
      }
      move(request, RequestStatus.INVESTIGATING, day);
      move(request, RequestStatus.DECIDING, day = day.plusDays(2 + i * 5 % 7));
      move(request, RequestStatus.REPLYING, day = day.plusDays(1 + i % 3));
      LocalDate closesOn = day.plusDays(1 + i * 3 % 5);
      // a target of ten business days is about twelve calendar days here; the Art 39 date is two weeks
      boolean art39DatePassed = type != RequestType.COMPLAINT && closesOn.isAfter(arrivedOn.plusDays(14));
      register.updateDeadlines(request.id(), new Deadlines(10, arrivedOn.plusDays(12),
          type == RequestType.COMPLAINT ? null : arrivedOn.plusDays(14), null, 0, false, art39DatePassed));
      // the latest requests are still open at the end of the period
      if (!closesOn.isAfter(TO.minusDays(3))) {
        DeskReportTest.closeAt(register, request, "DECIDED_FULL", closesOn + "T15:00");
      }
    }
  }

  private void move(DeskRequest request, RequestStatus stage, LocalDate on) {
    if (on.isAfter(TO)) {
      return;
    }
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(on, java.time.LocalTime.of(10, 0))
        .atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
    try {
      register.changeStatus(request.id(), stage, "desk");
    } finally {
      ClockUtil.reset();
    }
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private String cell(String chart, String row, String column) {
    String rows = "total".equals(row) ? " tfoot tr[data-key='total']" : " tbody tr[data-key='" + row + "']";
    return text("#" + chart + "-table" + rows + " td[data-key='" + column + "']");
  }
}
