package jp.madoguchi.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.calendar.DeskDates;
import jp.madoguchi.report.DeskReport.Count;
import jp.madoguchi.report.DeskReport.Report;
import jp.madoguchi.request.RegisterWords;
import jp.madoguchi.security.DeskGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's report (every member of the desk and the managers; see {@code WebSecurity}): a page for a period
 * (this month so far unless chosen), with charts of the period week by week and their figures as tables, and the
 * same counts as CSV, in Japanese and English, for the privacy office's records and its auditors.
 */
@Controller
class ReportController {

  /** The longest period one report covers: a few years of a busy desk are still read in one go. */
  static final int MAX_DAYS = 5 * 366;

  private static final String KIND = "intake.personalInformationKind.";
  private static final Logger LOG = LoggerFactory.getLogger(ReportController.class);

  private final DeskReport reports;
  private final DeskTrends trends;
  private final TrendCharts charts;
  private final DeskAudit audit;
  private final DeskCalendar calendar;
  private final MessageSource messages;
  private final DeskDates dates;
  private final RegisterWords words;

  ReportController(DeskReport reports, DeskTrends trends, TrendCharts charts, DeskAudit audit, DeskCalendar calendar,
      MessageSource messages, DeskDates dates, RegisterWords words) {
    this.reports = reports;
    this.trends = trends;
    this.charts = charts;
    this.audit = audit;
    this.calendar = calendar;
    this.messages = messages;
    this.dates = dates;
    this.words = words;
  }

  @GetMapping("/desk/reports")
  String page(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Authentication user, Locale locale, Model model,
      HttpServletResponse response) {
    LocalDate today = calendar.today();
    model.addAttribute("manager", isManager(user));
    model.addAttribute("exports", isManager(user)
        ? audit.latest(DeskAudit.HANDLING_EXPORTED, 10).stream().map(Export::of).toList()
        : List.of());
    model.addAttribute("from", from == null ? today.withDayOfMonth(1).toString() : from);
    model.addAttribute("to", to == null ? today.toString() : to);
    Period period = period(from, to, today);
    if (period.error() != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", period.error());
      return "desk/report";
    }
    model.addAttribute("report", reports.of(period.from(), period.to()));
    model.addAttribute("charts", charts.of(trends.of(period.from(), period.to()), locale));
    return "desk/report";
  }

  /** The same figures as CSV (UTF-8 with a byte order mark, so that spreadsheet programs read the Japanese). */
  @GetMapping("/desk/reports.csv")
  ResponseEntity<?> csv(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Locale locale) {
    Period period = period(from, to, calendar.today());
    if (period.error() != null) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
          .body(messages.getMessage(period.error(), null, locale));
    }
    Report report = reports.of(period.from(), period.to());
    StringBuilder csv = new StringBuilder("\uFEFFsection,key,label_ja,label_en,count\r\n");
    row(csv, "period", "from", "report.from", report.from().toString());
    row(csv, "period", "to", "report.to", report.to().toString());
    row(csv, "period", "madeOn", "report.madeOn", report.madeOn().toString());
    row(csv, "received", "total", "report.total", report.received().total());
    rows(csv, "received.type", "intake.type.", report.received().byType());
    rows(csv, "received.channel", "intake.channel.", report.received().byChannel());
    row(csv, "received", "myNumber", "report.received.myNumber", report.received().myNumber());
    row(csv, "received", "byAgent", "report.received.byAgent", report.received().byAgent());
    row(csv, "closed", "total", "report.total", report.closed().total());
    rows(csv, "closed.outcome", "report.outcome.", report.closed().byOutcome());
    row(csv, "closed", "withinTarget", "report.closed.withinTarget", report.closed().withinTarget());
    row(csv, "closed", "late", "report.closed.late", report.closed().late());
    row(csv, "closed", "twoWeeksPassed", "report.closed.art39DatePassed", report.closed().art39DatePassed());
    row(csv, "closed", "referredInPart", "report.closed.referredInPart", report.closed().referredInPart());
    row(csv, "closed", "medianBusinessDays", "report.closed.median", orEmpty(report.closed().medianBusinessDays()));
    row(csv, "closed", "longestBusinessDays", "report.closed.longest",
        orEmpty(report.closed().longestBusinessDays()));
    row(csv, "open", "total", "report.total", report.open().total());
    rows(csv, "open.stage", "report.stage.", report.open().byStage());
    row(csv, "open", "overdue", "report.open.overdue", report.open().overdue());
    row(csv, "open", "clockStopped", "report.open.clockStopped", report.open().clockStopped());
    row(csv, "open", "twoWeeksPassed", "report.open.art39DatePassed", report.open().art39DatePassed());
    row(csv, "workload", "unclaimed", "report.workload.unclaimed", report.workload().unclaimed());
    for (Count count : report.workload().byAssignee()) {
      row(csv, "workload.assignee", count.key(), "report.workload.assignee", count.count());
    }
    row(csv, "letters", "failedEmails", "report.failedEmails", report.failedEmails());
    row(csv, "letters", "paperToPost", "report.paperToDispatch", report.paperToDispatch());
    String name = "madoguchi-report-" + report.from() + "-" + report.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.toString());
  }

  /**
   * The record of handling for the period, as CSV: every entry of every request's history (when, which request,
   * ordinary or My Number, who, what), without details, for audits of who handled which personal data. Managers
   * only; each export is recorded in the desk's audit trail ({@link DeskAudit}) with who made it, and logged.
   */
  @GetMapping("/desk/reports/handling.csv")
  void handling(@RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Authentication user, Locale locale,
      HttpServletResponse response) throws IOException {
    if (!isManager(user)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    Period period = period(from, to, calendar.today());
    if (period.error() != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(messages.getMessage(period.error(), null, locale));
      return;
    }
    LOG.info("{} exported the record of handling from {} to {}", user.getName(), period.from(), period.to());
    audit.record(user.getName(), DeskAudit.HANDLING_EXPORTED, period.from() + " to " + period.to());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("madoguchi-handling-" + period.from() + "-" + period.to() + ".csv").build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    // through the byte stream, not the response's writer: Spring Security writes the security headers just before
    // the answer is committed, and counts what a writer takes in characters while Tomcat commits by bytes, so a long
    // export would go out without its headers
    PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    // the first columns are the codes and ISO times machines read; the words people read follow them
    out.write("\uFEFFoccurred_at,reference,personal_information_kind,actor,event_type,"
        + "occurred_at_ja,occurred_at_en,personal_information_kind_ja,personal_information_kind_en,"
        + "event_type_ja,event_type_en\r\n");
    reports.handling(period.from(), period.to(), entry -> out.append(entry.occurredAt().toString()).append(',')
        .append(entry.reference()).append(',').append(entry.personalInformationKind()).append(',')
        .append(quoted(entry.actor())).append(',').append(entry.eventType()).append(',')
        .append(quoted(dates.dateTime(entry.occurredAt(), Locale.JAPANESE))).append(',')
        .append(quoted(dates.dateTime(entry.occurredAt(), Locale.ENGLISH))).append(',')
        .append(quoted(words.label(KIND, entry.personalInformationKind(), Locale.JAPANESE))).append(',')
        .append(quoted(words.label(KIND, entry.personalInformationKind(), Locale.ENGLISH))).append(',')
        .append(quoted(words.event(entry.eventType(), Locale.JAPANESE))).append(',')
        .append(quoted(words.event(entry.eventType(), Locale.ENGLISH))).append("\r\n"));
    out.flush();
  }

  private static boolean isManager(Authentication user) {
    return user.getAuthorities().stream()
        .anyMatch(role -> role.getAuthority().equals("ROLE_" + DeskGroups.PRIVACY_MANAGERS));
  }

  /**
   * An export of the record of handling as the page lists it: its period read back from the audit entry's detail
   * ({@code 2031-06-01 to 2031-06-30}, as {@link #handling} records it) so that the page can write its dates in words.
   */
  record Export(OffsetDateTime occurredAt, String actor, String detail, LocalDate from, LocalDate to) {

    static Export of(DeskAudit.Entry entry) {
      String[] ends = entry.detail() == null ? new String[0] : entry.detail().split(" to ", -1);
      try {
        if (ends.length == 2) {
          return new Export(entry.occurredAt(), entry.actor(), entry.detail(), LocalDate.parse(ends[0]),
              LocalDate.parse(ends[1]));
        }
      } catch (DateTimeParseException notAPeriod) {
        // an entry written otherwise is shown as it was written
      }
      return new Export(entry.occurredAt(), entry.actor(), entry.detail(), null, null);
    }
  }

  /** The period asked for, or the message code of what is wrong with it. */
  record Period(LocalDate from, LocalDate to, String error) {}

  static Period period(String from, String to, LocalDate today) {
    LocalDate start;
    LocalDate end;
    try {
      start = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from.strip());
      end = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
    } catch (DateTimeParseException malformed) {
      return new Period(null, null, "report.error.date");
    }
    if (end.isBefore(start)) {
      return new Period(null, null, "report.error.order");
    }
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      return new Period(null, null, "report.error.tooLong");
    }
    return new Period(start, end, null);
  }

  private void rows(StringBuilder csv, String section, String labelPrefix, List<Count> counts) {
    for (Count count : counts) {
      row(csv, section, count.key(), labelPrefix + count.key(), count.count());
    }
  }

  private void row(StringBuilder csv, String section, String key, String labelCode, Object value) {
    csv.append(section).append(',').append(key).append(',')
        .append(quoted(messages.getMessage(labelCode, null, Locale.JAPANESE))).append(',')
        .append(quoted(messages.getMessage(labelCode, null, Locale.ENGLISH))).append(',')
        .append(value).append("\r\n");
  }

  private static Object orEmpty(Integer value) {
    return value == null ? "" : value;
  }

  /** A CSV field in quotes (RFC 4180), with quotes doubled. */
  static String quoted(String text) {
    return text == null ? "\"\"" : '"' + text.replace("\"", "\"\"") + '"';
  }
}
