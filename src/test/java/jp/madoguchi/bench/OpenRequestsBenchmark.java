package jp.madoguchi.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The desk's read paths as open requests pile up: the Tasklist's first page for the desk, every Tasklist filter as
 * a manager sees it, and the queries on our own tables, at each level of {@code bench.open-levels} (default
 * {@code 1000,10000}) open requests (each waiting at "Check request", its acknowledgement sent). Reports latencies
 * and PostgreSQL's plans to {@code docs/performance-scale.md}; asserts nothing about speed.
 *
 * <p>Run with {@code bench/scale.sh}, which empties {@code madoguchi_bench} first.
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "postgres", "bench"})
class OpenRequestsBenchmark {

  static final int SMTP_PORT = LifecycleBenchmark.freePort();
  static final JvmFigures JVM = JvmFigures.watch();

  @DynamicPropertySource
  static void mailToOurServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  final int threads = Integer.getInteger("bench.threads", 4);
  final int repeats = Integer.getInteger("bench.query-repeats", 30);
  final int[] levels = Arrays.stream(System.getProperty("bench.open-levels", "1000,10000").split(","))
      .map(String::strip).mapToInt(Integer::parseInt).toArray();

  /** Our own tables' queries that a page or the outbox's poll runs, as PostgreSQL plans them at each level. */
  static final Map<String, String> OWN_QUERIES = new LinkedHashMap<>();

  static {
    OWN_QUERIES.put("request by reference (status page, intake)",
        "SELECT * FROM desk_request WHERE reference = (SELECT max(reference) FROM desk_request)");
    OWN_QUERIES.put("latest requests (desk's list)", "SELECT * FROM desk_request ORDER BY id DESC LIMIT 50");
    OWN_QUERIES.put("a request's history (request file)",
        "SELECT * FROM request_event WHERE request_id = (SELECT max(id) FROM desk_request) ORDER BY occurred_at, id");
    // the outbox's own query (Outbox.DUE, with the predicate of its partial index), with now, now - 10 min, 50
    OWN_QUERIES.put("e-mail due (outbox poll, every node)", """
        SELECT id FROM outbound_letter
        WHERE delivery = 'EMAIL' AND status IN ('QUEUED', 'RETRY', 'SENDING')
          AND ((status IN ('QUEUED', 'RETRY') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
            OR (status = 'SENDING' AND claimed_at < now() - interval '10 minutes'))
        ORDER BY id
        LIMIT 50""");
    OWN_QUERIES.put("a request's letters (request file)",
        "SELECT * FROM outbound_letter WHERE request_id = (SELECT max(id) FROM desk_request)");
  }

  record Measured(int open, Map<String, Latencies> latencies, Map<String, String> plans, double fillSeconds) {}

  @Test
  void readPathsAsOpenRequestsPileUp() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<Measured> results = new ArrayList<>();
    try {
      for (int level : levels) {
        long start = System.nanoTime();
        fillTo(level, smtp);
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("ANALYZE").update();
        results.add(measure(level, fillSeconds));
        // written after every level, so that a run stopped while filling the next level keeps what it measured
        String report = System.getProperty("bench.scale-report", "docs/performance-scale.md");
        if (!report.isBlank()) {
          Files.writeString(Path.of(report), page(results), StandardCharsets.UTF_8);
          LifecycleBenchmark.say("wrote %s", report);
        }
      }
    } finally {
      smtp.stop();
    }
  }

  /** One request in twenty is about My Number data (in its tenant), so that the tenant check is measured too. */
  static final int MY_NUMBER_EVERY = 20;

  void fillTo(int level, GreenMail smtp) throws Exception {
    new OpenRequestFiller(engine, register, starter, transactionManager, threads)
        .fillTo(level, LocalDate.now(ZoneId.of("Asia/Tokyo")), MY_NUMBER_EVERY, smtp::purgeEmailFromAllMailboxes);
  }

  Measured measure(int level, double fillSeconds) {
    Map<String, Latencies> latencies = new LinkedHashMap<>();
    IdentityService identity = engine.getIdentityService();
    List<String> noTenant = List.of();
    List<String> myNumber = List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT);
    time(latencies, "Tasklist first page, privacy-desk (15 by due date)", "desk-member",
        List.of(DeskGroups.PRIVACY_DESK), noTenant, () -> engine.getTaskService().createTaskQuery()
            .taskCandidateGroup(DeskGroups.PRIVACY_DESK).orderByDueDate().asc().listPage(0, 15));
    // the same query without a logged-in user: the engine skips its authorization check, which shows that check's
    // share
    time(latencies, "the same, without the authorization check", null, List.of(), noTenant, () -> engine
        .getTaskService().createTaskQuery().taskCandidateGroup(DeskGroups.PRIVACY_DESK).orderByDueDate().asc()
        .listPage(0, 15));
    time(latencies, "Tasklist count, privacy-desk", "desk-member", List.of(DeskGroups.PRIVACY_DESK), noTenant,
        () -> engine.getTaskService().createTaskQuery().taskCandidateGroup(DeskGroups.PRIVACY_DESK).count());
    time(latencies, "Tasklist first page, privacy-desk-specific (My Number staff)", "specialist-member",
        List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC), myNumber, () -> engine.getTaskService()
            .createTaskQuery().taskCandidateGroup(DeskGroups.PRIVACY_DESK_SPECIFIC).orderByDueDate().asc()
            .listPage(0, 15));
    List<String> everyGroup = List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC,
        DeskGroups.PRIVACY_MANAGERS);
    for (Filter filter : engine.getFilterService().createFilterQuery().orderByFilterName().asc().list()) {
      // Tasklist asks for a filter's page sorted, by due date on the desk (app/tasklist/madoguchi/due-date-first.js)
      time(latencies, "filter \"" + filter.getName() + "\" first page", "manager", everyGroup, myNumber,
          () -> engine.getFilterService().listPage(filter.getId(),
              engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 15));
      time(latencies, "filter \"" + filter.getName() + "\" count", "manager", everyGroup, myNumber,
          () -> engine.getFilterService().count(filter.getId()));
    }
    Map<String, String> plans = new LinkedHashMap<>();
    OWN_QUERIES.forEach((name, sql) -> {
      time(latencies, name, null, List.of(), List.of(), () -> jdbc.sql(sql).query().listOfRows());
      plans.put(name, String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql).query(String.class).list()));
    });
    identity.clearAuthentication();
    LifecycleBenchmark.say("%d open: %s", level, JVM.summary());
    latencies.forEach((name, measured) -> LifecycleBenchmark.say("%d open: %s p50 %.1f ms, p95 %.1f ms", level,
        name, measured.percentileMillis(50), measured.percentileMillis(95)));
    return new Measured(level, latencies, plans, fillSeconds);
  }

  void time(Map<String, Latencies> into, String name, String user, List<String> groups, List<String> tenants,
      Supplier<?> query) {
    IdentityService identity = engine.getIdentityService();
    Latencies measured = new Latencies();
    for (int i = 0; i < repeats + 3; i++) {
      if (user != null) {
        identity.setAuthentication(user, groups, tenants);
      }
      try {
        long start = System.nanoTime();
        query.get();
        if (i >= 3) {
          measured.add(System.nanoTime() - start);
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    into.put(name, measured);
  }

  String page(List<Measured> results) {
    StringBuilder page = new StringBuilder("# Performance: the read paths at scale\n\n")
        .append("<!-- generated by bench/scale.sh (jp.madoguchi.bench.OpenRequestsBenchmark); do not edit by hand -->\n\n")
        .append("Measured ").append(ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" on the machine described in [performance](performance.md). Open requests are real ones: ")
        .append("registered, started and acknowledged through the models, each waiting at \"Check request\" with its ")
        .append("deadline timers. Each query ran ").append(repeats).append(" times after 3 unmeasured runs, one ")
        .append("thread, authenticated (Tasklist: a member of `privacy-desk`, or of `privacy-desk-specific` with the ")
        .append("My Number tenant; filters: a user in every desk group and the tenant, as Tasklist runs them for a ")
        .append("manager, authorization checks on). One request in twenty is a My Number request. Tables analysed ")
        .append("after each fill.\n\n")
        .append("| query |");
    for (Measured result : results) {
      page.append(' ').append(result.open()).append(" open: p50 / p95 (ms) |");
    }
    page.append("\n|---|").append("---|".repeat(results.size())).append('\n');
    for (String name : results.get(0).latencies().keySet()) {
      page.append("| ").append(name).append(" |");
      for (Measured result : results) {
        Latencies measured = result.latencies().get(name);
        page.append(String.format(Locale.ROOT, " %.1f / %.1f |", measured.percentileMillis(50),
            measured.percentileMillis(95)));
      }
      page.append('\n');
    }
    page.append("\nTime to fill (register, start, acknowledge; ").append(threads).append(" threads): ");
    for (Measured result : results) {
      page.append(String.format(Locale.ROOT, "%d in %.0f s; ", result.open(), result.fillSeconds()));
    }
    page.append("\n\nHeap: ").append(JVM.summary()).append('.');
    page.append("\n\n## Plans of our own tables' queries at ").append(results.get(results.size() - 1).open())
        .append(" open requests\n\n");
    results.get(results.size() - 1).plans().forEach((name, plan) ->
        page.append("### ").append(name).append("\n\n```\n").append(plan).append("\n```\n\n"));
    return page.toString();
  }
}
