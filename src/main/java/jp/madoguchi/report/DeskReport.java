package jp.madoguchi.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.correspondence.CompanyProperties;
import jp.madoguchi.correspondence.LetterStatus;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's figures for a period, from the register: what arrived, what was closed and how (within the target or
 * late, after how many business days), and what is open now. Counts only: no names, no references, so that
 * managers, auditors and the privacy office can read and pass them on. Days are the desk's calendar days (Tokyo).
 */
@Service
public class DeskReport {

  /** Outcomes of a closed request as {@code CloseRequestDelegate} records them, in the order the report lists them. */
  static final List<String> OUTCOMES = List.of("DECIDED_FULL", "DECIDED_PARTIAL", "DECIDED_NONE", "NO_DATA_HELD",
      "REFERRED_TO_CLIENT", "IDENTITY_REJECTED", "ABANDONED", "FEE_NOT_PAID", "WITHDRAWN", "COMPLAINT_RESOLVED",
      "COMPLAINT_UNRESOLVED", "CLOSED");

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final DeskCalendar calendar;
  private final TaskService taskService;
  private final IdentityService identityService;

  private final CompanyProperties company;

  DeskReport(JdbcClient jdbc, Outbox outbox, DeskCalendar calendar, TaskService taskService,
      IdentityService identityService, CompanyProperties company) {
    this.company = company;
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.calendar = calendar;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** A row of a table: what (an enum name or an outcome) and how many. */
  public record Count(String key, long count) {}

  /** Requests that arrived in the period. */
  public record Received(long total, List<Count> byType, List<Count> byChannel, long myNumber, long byAgent) {}

  /**
   * Requests closed in the period: by outcome; answered by the target deadline or after it; how many had passed
   * the Art 39 mark; how many were referred in part to a client company (each is counted once by outcome, under
   * the outcome of the desk's own part: a request referred as a whole is {@code REFERRED_TO_CLIENT}); business days
   * from arrival to closing (median and longest; null when none was closed).
   */
  public record Closed(long total, List<Count> byOutcome, long withinTarget, long late, long art39DatePassed,
      long referredInPart, Integer medianBusinessDays, Integer longestBusinessDays) {}

  /**
   * Requests open on the day the report is made: by stage; past the target deadline (with the clock running);
   * waiting for the requester (clock stopped); past the Art 39 two-week mark.
   */
  public record Open(long total, List<Count> byStage, long overdue, long clockStopped, long art39DatePassed) {}

  /**
   * The desk's load now: open tasks not yet claimed, and open tasks by the member of staff who claimed them (staff
   * with none are left out), most first.
   */
  public record Workload(long unclaimed, List<Count> byAssignee) {}

  /**
   * The report. {@code failedEmails}: e-mails that failed and wait for staff, now; {@code paperToDispatch}: paper letters
   * waiting to be dispatched, now.
   */
  public record Report(LocalDate from, LocalDate to, LocalDate madeOn, Received received, Closed closed, Open open,
      Workload workload, long failedEmails, long paperToDispatch) {}

  /**
   * The figures for the days {@code from} to {@code to}, both included.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  @Transactional(readOnly = true)
  public Report of(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
    }
    LocalDate today = calendar.today();
    return new Report(from, to, today, received(from, to), closed(from, to), open(today), workload(),
        outbox.count(Delivery.EMAIL, LetterStatus.FAILED), outbox.count(Delivery.PAPER, LetterStatus.QUEUED));
  }

  private Received received(LocalDate from, LocalDate to) {
    Map<String, Long> byType = zeros(Arrays.stream(RequestType.values()).map(Enum::name).toList());
    // the channels the desk accepts, and any other a request came by (before the company changed its policy)
    Map<String, Long> byChannel = zeros(company.desk().channels().stream().map(Enum::name).toList());
    long[] myNumberAndAgent = new long[2];
    jdbc.sql("""
            SELECT request_type, channel, personal_information_kind, agent_kind IS NOT NULL AS by_agent, COUNT(*) AS n
            FROM desk_request WHERE arrived_on BETWEEN ? AND ?
            GROUP BY request_type, channel, personal_information_kind, agent_kind IS NOT NULL
            """)
        .params(from, to)
        .query(rs -> {
          long n = rs.getLong("n");
          byType.merge(rs.getString("request_type"), n, Long::sum);
          byChannel.merge(rs.getString("channel"), n, Long::sum);
          if ("SPECIFIC".equals(rs.getString("personal_information_kind"))) {
            myNumberAndAgent[0] += n;
          }
          if (rs.getBoolean("by_agent")) {
            myNumberAndAgent[1] += n;
          }
        });
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    return new Received(total, counts(byType), counts(byChannel), myNumberAndAgent[0], myNumberAndAgent[1]);
  }

  private Closed closed(LocalDate from, LocalDate to) {
    ZoneId zone = calendar.timeZone();
    Map<String, Long> byOutcome = zeros(OUTCOMES);
    long[] timeliness = new long[4];
    List<Integer> businessDays = new ArrayList<>();
    jdbc.sql("""
            SELECT outcome, arrived_on, target_due_on, legal_risk_flagged, closed_at,
              CASE WHEN EXISTS (SELECT 1 FROM request_event e WHERE e.request_id = desk_request.id
                AND e.event_type = 'REFERRED_TO_CLIENT') THEN 1 ELSE 0 END AS referred
            FROM desk_request
            WHERE closed_at >= ? AND closed_at < ?
            """)
        .params(from.atStartOfDay(zone).toOffsetDateTime(), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query(rs -> {
          byOutcome.merge(rs.getString("outcome") == null ? "CLOSED" : rs.getString("outcome"), 1L, Long::sum);
          LocalDate arrivedOn = rs.getObject("arrived_on", LocalDate.class);
          LocalDate targetDueOn = rs.getObject("target_due_on", LocalDate.class);
          LocalDate closedOn = rs.getObject("closed_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
          if (targetDueOn != null) {
            timeliness[closedOn.isAfter(targetDueOn) ? 1 : 0]++;
          }
          if (rs.getBoolean("legal_risk_flagged")) {
            timeliness[2]++;
          }
          if (rs.getInt("referred") == 1 && !"REFERRED_TO_CLIENT".equals(rs.getString("outcome"))) {
            timeliness[3]++;
          }
          businessDays.add(Math.max(0, calendar.businessDaysBetween(arrivedOn, closedOn)));
        });
    businessDays.sort(null);
    Integer median = businessDays.isEmpty() ? null : businessDays.get((businessDays.size() - 1) / 2);
    Integer longest = businessDays.isEmpty() ? null : businessDays.get(businessDays.size() - 1);
    return new Closed(businessDays.size(), counts(byOutcome), timeliness[0], timeliness[1], timeliness[2],
        timeliness[3], median, longest);
  }

  private Open open(LocalDate today) {
    Map<String, Long> byStage = zeros(Arrays.stream(RequestStatus.values()).filter(s -> s != RequestStatus.CLOSED)
        .map(Enum::name).toList());
    long[] flags = new long[3];
    jdbc.sql("""
            SELECT status,
              SUM(CASE WHEN clock_paused_since IS NULL AND target_due_on < ? THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN clock_paused_since IS NOT NULL THEN 1 ELSE 0 END) AS clock_stopped,
              SUM(CASE WHEN legal_risk_on <= ? THEN 1 ELSE 0 END) AS two_weeks,
              COUNT(*) AS n
            FROM desk_request WHERE status <> 'CLOSED' GROUP BY status
            """)
        .params(today, today)
        .query(rs -> {
          byStage.merge(rs.getString("status"), rs.getLong("n"), Long::sum);
          flags[0] += rs.getLong("overdue");
          flags[1] += rs.getLong("clock_stopped");
          flags[2] += rs.getLong("two_weeks");
        });
    long total = byStage.values().stream().mapToLong(Long::longValue).sum();
    return new Open(total, counts(byStage), flags[0], flags[1], flags[2]);
  }

  /** One entry of a request's history, as the record of handling lists it: no detail, no personal data. */
  public record HandlingEntry(OffsetDateTime occurredAt, String reference, String personalInformationKind,
      String actor, String eventType) {}

  /**
   * Every entry of every request's history in the period, oldest first, handed to {@code sink} one by one (a long
   * period is not held in memory): who did what to which request, when.
   */
  @Transactional(readOnly = true)
  public void handling(LocalDate from, LocalDate to, Consumer<HandlingEntry> sink) {
    ZoneId zone = calendar.timeZone();
    jdbc.sql("""
            SELECT e.occurred_at, r.reference, r.personal_information_kind, e.actor, e.event_type
            FROM request_event e JOIN desk_request r ON r.id = e.request_id
            WHERE e.occurred_at >= ? AND e.occurred_at < ?
            ORDER BY e.occurred_at, e.id
            """)
        .params(from.atStartOfDay(zone).toOffsetDateTime(), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .query(rs -> {
          sink.accept(new HandlingEntry(rs.getObject("occurred_at", OffsetDateTime.class)
              .atZoneSameInstant(zone).toOffsetDateTime(), rs.getString("reference"),
              rs.getString("personal_information_kind"), rs.getString("actor"), rs.getString("event_type")));
        });
  }

  private Workload workload() {
    Set<String> staff = new TreeSet<>();
    for (String group : DeskGroups.REQUEST_STAFF) {
      identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> staff.add(user.getId()));
    }
    List<Count> byAssignee = new ArrayList<>();
    for (String user : staff) {
      long open = taskService.createTaskQuery().taskAssignee(user).count();
      if (open > 0) {
        byAssignee.add(new Count(user, open));
      }
    }
    byAssignee.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
    return new Workload(taskService.createTaskQuery().taskUnassigned().count(), byAssignee);
  }

  private static Map<String, Long> zeros(List<String> keys) {
    Map<String, Long> map = new LinkedHashMap<>();
    keys.forEach(key -> map.put(key, 0L));
    return map;
  }

  private static List<Count> counts(Map<String, Long> map) {
    return map.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
  }
}
