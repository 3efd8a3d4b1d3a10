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
import jp.madoguchi.deadline.SlaClock;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.search.SystemSearches;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.EntityTypes;
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
 * The desk's read paths as open requests pile up: every Tasklist filter that a desk, My Number, manager and
 * system-owner user may read, its first page and its count as that user, and the queries on our own tables, at each
 * level of {@code bench.open-levels} (default {@code 1000,10000}) open requests (see {@link OpenRequestFiller}: most
 * waiting at "Check request", two in seven at the owning groups' search tasks). The database is analysed before each
 * level's measurement. Reports latencies, the plan of each level's slowest Tasklist query and our own queries' plans
 * to {@code docs/performance-scale.md}; asserts nothing about speed.
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
    // the sample inventory: its systems searched by hand give the owning groups' search tasks and filters
    properties.add("madoguchi.inventory.sample", () -> "true");
    // filling only: commits do not wait for the disk (the bench database may lose its last commits in a crash of
    // the machine, which nobody minds); reads, and so the measured queries, are not affected
    properties.add("spring.datasource.hikari.connection-init-sql", () -> "SET synchronous_commit TO off");
  }

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired SystemSearches searches;
  @Autowired SlaClock clock;
  @Autowired Inventory inventory;

  final int threads = Integer.getInteger("bench.threads", 6);
  final int batch = Integer.getInteger("bench.batch", 10);
  /** Whether the requests are acknowledged (job, letter, e-mail) before they wait, which makes the filling slow. */
  final boolean acknowledge = Boolean.getBoolean("bench.acknowledge");
  /** What else the machine was doing when the run began (/proc/loadavg's three averages). */
  static final String LOAD_AT_START = LifecycleBenchmark.loadAverage();

  /** Whether the engine's task tables are vacuumed, not only analysed, before each level's measurement. */
  final boolean vacuum = Boolean.parseBoolean(System.getProperty("bench.vacuum", "true"));
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

  /**
   * One level's measurement. {@code counted}: what each count query answered (tasks), for its cost per task counted;
   * {@code quietSeconds}: how long the measurement waited for autovacuum to finish first.
   */
  record Measured(int open, Map<String, Latencies> latencies, Map<String, Long> counted, Map<String, String> plans,
      double fillSeconds, double quietSeconds, String slowest, String slowestPlan, String tasks) {}

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
        // as autovacuum would after so many new rows: the planner sees the tables as they are now; with
        // bench.vacuum also the engine's task tables vacuumed, as autovacuum does on a server that keeps up (the
        // index-only scans of the counts then read no table pages)
        if (vacuum) {
          for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization")) {
            jdbc.sql("VACUUM " + table).update();
          }
        }
        jdbc.sql("ANALYZE").update();
        double quietSeconds = awaitAutovacuumIdle();
        results.add(measure(level, fillSeconds, quietSeconds));
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

  /** The longest the measurement of a level waits for autovacuum's workers to finish. */
  static final long QUIET_WAIT_SECONDS = Long.getLong("bench.quiet-wait-seconds", 600);

  /**
   * Waits until no autovacuum worker runs (at most {@link #QUIET_WAIT_SECONDS}): the queries are measured against
   * the tables as autovacuum leaves them, not while a worker vacuums the history tables of the last fill beside them
   * (which took one query's samples and not the next's in earlier runs). Returns the seconds waited.
   */
  double awaitAutovacuumIdle() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + QUIET_WAIT_SECONDS * 1_000_000_000L;
    while (System.nanoTime() < deadline && jdbc.sql(
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'").query(Long.class).single() > 0) {
      Thread.sleep(1000);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** One request in twenty is about My Number data (in its tenant), so that the tenant check is measured too. */
  static final int MY_NUMBER_EVERY = 20;

  void fillTo(int level, GreenMail smtp) throws Exception {
    OpenRequestFiller filler = new OpenRequestFiller(engine, register, starter, transactionManager, threads)
        .withSearches(searches).batch(batch);
    (acknowledge ? filler : filler.skipAcknowledgement(clock))
        .fillTo(level, LocalDate.now(ZoneId.of("Asia/Tokyo")), MY_NUMBER_EVERY, smtp::purgeEmailFromAllMailboxes);
  }

  /** A Tasklist user of the measurement: who, in which groups, in which tenants. */
  record Staff(String role, String user, List<String> groups, List<String> tenants) {}

  /**
   * The users whose Tasklist is measured: the ordinary desk, the My Number staff, a manager (as the demo users are
   * made up) and a member of each owning group of a system of the inventory searched by hand (the system owners; a
   * group owning a system entitled to My Number is a member of the My Number tenant, as OwningGroupAccess makes it).
   */
  List<Staff> staff() {
    List<String> myNumber = List.of(DeskGroups.SPECIFIC_INFORMATION_TENANT);
    List<Staff> staff = new ArrayList<>(List.of(
        new Staff("desk", "desk-member", List.of(DeskGroups.PRIVACY_DESK), List.of()),
        new Staff("specialist", "specialist-member",
            List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC), myNumber),
        new Staff("manager", "manager-member", List.of(DeskGroups.PRIVACY_MANAGERS, DeskGroups.PRIVACY_DESK),
            myNumber)));
    Map<String, Boolean> owners = new java.util.TreeMap<>();
    for (HoldingSystem system : inventory.snapshot().systems()) {
      if (system.searchKind() == SearchKind.MANUAL) {
        owners.merge(system.owningGroup(), system.specificInformationEntitled(), Boolean::logicalOr);
      }
    }
    owners.forEach((group, entitled) -> staff.add(new Staff("system owner " + group, "owner-" + group,
        List.of(group), entitled ? myNumber : List.of())));
    return staff;
  }

  Measured measure(int level, double fillSeconds, double quietSeconds) {
    Map<String, Latencies> latencies = new LinkedHashMap<>();
    Map<String, Supplier<?>> queries = new LinkedHashMap<>();
    Map<String, Staff> asWhom = new LinkedHashMap<>();
    IdentityService identity = engine.getIdentityService();
    for (Staff person : staff()) {
      identity.setAuthentication(person.user(), person.groups(), person.tenants());
      List<Filter> visible;
      try {
        // the filters this user may read, as Tasklist lists them
        visible = engine.getFilterService().createFilterQuery().filterResourceType(EntityTypes.TASK)
            .orderByFilterName().asc().list();
      } finally {
        identity.clearAuthentication();
      }
      for (Filter filter : visible) {
        // Tasklist asks for a filter's page sorted, by due date on the desk (app/tasklist/madoguchi/due-date-first.js)
        String page = person.role() + ": \"" + filter.getName() + "\" first page";
        queries.put(page, () -> engine.getFilterService().listPage(filter.getId(),
            engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 15));
        asWhom.put(page, person);
        String count = person.role() + ": \"" + filter.getName() + "\" count";
        queries.put(count, () -> engine.getFilterService().count(filter.getId()));
        asWhom.put(count, person);
      }
    }
    Map<String, Long> counted = new LinkedHashMap<>();
    // in rounds, every query once a round: whatever else the machine does at some moment (a checkpoint, a worker)
    // falls on all queries alike instead of on all samples of one query
    for (int round = 0; round < repeats + 3; round++) {
      boolean measured = round >= 3;
      queries.forEach((name, query) -> {
        Staff person = asWhom.get(name);
        Object answer = time(latencies, name, person.user(), person.groups(), person.tenants(), query, measured);
        if (answer instanceof Long count) {
          counted.put(name, count);
        }
      });
      OWN_QUERIES.forEach((name, sql) ->
          time(latencies, name, null, List.of(), List.of(), () -> jdbc.sql(sql).query().listOfRows(), measured));
    }
    Map<String, String> plans = new LinkedHashMap<>();
    OWN_QUERIES.forEach((name, sql) ->
        plans.put(name, String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql).query(String.class).list())));
    // the plan of the slowest of the Tasklist's queries at this level, from the SQL the engine sent for it
    String slowest = queries.keySet().stream()
        .max(java.util.Comparator.comparingDouble(name -> latencies.get(name).percentileMillis(95))).orElseThrow();
    Staff person = asWhom.get(slowest);
    identity.setAuthentication(person.user(), person.groups(), person.tenants());
    String slowestPlan;
    try {
      slowestPlan = EngineSql.explain(jdbc, queries.get(slowest));
    } catch (IllegalStateException answeredFromTheTally) {
      // a count of one candidate group's tasks sends the engine no task statement (ADR 0039)
      slowestPlan = "(answered from the open task tally, ADR 0039: the engine sent no task statement)";
    } finally {
      identity.clearAuthentication();
    }
    LifecycleBenchmark.say("%d open: %s", level, JVM.summary());
    latencies.forEach((name, measured) -> LifecycleBenchmark.say("%d open: %s p50 %.1f ms, p95 %.1f ms", level,
        name, measured.percentileMillis(50), measured.percentileMillis(95)));
    LifecycleBenchmark.say("%d open: plan of the slowest, %s:%n%s", level, slowest, slowestPlan);
    return new Measured(level, latencies, counted, plans, fillSeconds, quietSeconds, slowest, slowestPlan, tasks());
  }

  /** The open tasks by candidate group (or assignee), for the page. */
  String tasks() {
    return String.join(", ", jdbc.sql("""
        SELECT coalesce(i.group_id_, 'no group') || ': ' || count(*) FROM act_ru_task t
        LEFT JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate'
        GROUP BY i.group_id_ ORDER BY count(*) DESC""").query(String.class).list());
  }

  /** Runs the query once as the user; adds its duration to {@code into} when {@code measured}. Returns its answer. */
  Object time(Map<String, Latencies> into, String name, String user, List<String> groups, List<String> tenants,
      Supplier<?> query, boolean measured) {
    IdentityService identity = engine.getIdentityService();
    if (user != null) {
      identity.setAuthentication(user, groups, tenants);
    }
    try {
      long start = System.nanoTime();
      Object answer = query.get();
      long duration = System.nanoTime() - start;
      if (measured) {
        into.computeIfAbsent(name, any -> new Latencies()).add(duration);
      }
      return answer;
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Whether the targets held, read from the table: each p95 of 200 ms or more, and each step of more than 2x. */
  static String verdict(List<Measured> results) {
    List<String> over = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (String name : results.get(0).latencies().keySet()) {
      Latencies previous = null;
      int previousOpen = 0;
      Long previousCounted = null;
      for (Measured result : results) {
        Latencies measured = result.latencies().get(name);
        if (measured == null) {
          continue;
        }
        double p95 = measured.percentileMillis(95);
        if (p95 >= 200) {
          over.add(String.format(Locale.ROOT, "%s at %d (%.1f ms)", name, result.open(), p95));
        }
        if (previous != null && p95 > 50 && p95 > 2 * previous.percentileMillis(95)) {
          String step = String.format(Locale.ROOT, "%s from %d to %d (%.1f to %.1f ms, %.2fx", name, previousOpen,
              result.open(), previous.percentileMillis(95), p95, p95 / previous.percentileMillis(95));
          Long before = previousCounted;
          Long now = result.counted().get(name);
          if (before != null && now != null && before > 0 && now > 0) {
            // a count reads every task it counts: twice the tasks, twice the time, at the same cost per task; a plan
            // that changes shows as a cost per task that changes
            step += String.format(Locale.ROOT, "; %d to %d tasks counted, %.2f to %.2f µs per task", before, now,
                1000 * previous.percentileMillis(95) / before, 1000 * p95 / now);
          }
          steps.add(step + ")");
        }
        previous = measured;
        previousOpen = result.open();
        previousCounted = result.counted().get(name);
      }
    }
    StringBuilder verdict = new StringBuilder("Read against the targets (p95): ");
    verdict.append(over.isEmpty() ? "every query under 200 ms at every level; "
        : "at or over 200 ms: " + String.join("; ", over) + "; ");
    verdict.append(steps.isEmpty() ? "no query above 50 ms slower than twice the level below it.\n"
        : "above 50 ms and more than twice the level below it: " + String.join("; ", steps) + ".\n");
    return verdict.toString();
  }

  String page(List<Measured> results) {
    StringBuilder page = new StringBuilder("# Performance: the read paths at scale\n\n")
        .append("<!-- generated by bench/scale.sh (jp.madoguchi.bench.OpenRequestsBenchmark); do not edit by hand -->\n\n")
        .append("Measured ").append(ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" on the machine described in [performance](performance.md) (2 cores; load average when the run ")
        .append("began ").append(LOAD_AT_START).append(", at the end ").append(LifecycleBenchmark.loadAverage())
        .append(": other work on the machine makes the figures noisy; PostgreSQL's autovacuum ")
        .append(jdbc.sql("SHOW autovacuum").query(String.class).single()).append("). Open requests are real ones: ")
        .append("registered and started through the models (deadline decision, SLA clock, deadline timers), ")
        .append(acknowledge ? "acknowledged, " : "moved past the acknowledgement (not sent) by the engine's process "
            + "instance modification, ")
        .append("five in seven waiting at \"Check request\", two in seven moved on (with the check's outcome) to ")
        .append("the investigation, where the model planned the search from the sample inventory and created the ")
        .append("owning groups' search tasks. One request in twenty is a My Number request. ")
        .append("Before each level's measurement the database is analysed (`ANALYZE`")
        .append(vacuum ? ", the engine's task tables vacuumed first" : "")
        .append("), as autovacuum would after so many new rows, and measured once autovacuum's workers are done. ")
        .append("Each query ran ").append(repeats).append(" times after 3 unmeasured runs, in ")
        .append("rounds (every query once a round), one thread, ")
        .append("authenticated as Tasklist runs it for that user, with authorization checks on: every filter the ")
        .append("user may read, its first page (15, by due date) and its count. Users: `desk` in `privacy-desk`; ")
        .append("`specialist` in `privacy-desk` and `privacy-desk-specific` with the My Number tenant; `manager` in ")
        .append("`privacy-managers` and `privacy-desk` with the tenant; `system owner G` in the owning group `G` of ")
        .append("systems searched by hand (with the tenant when `G` owns a system entitled to My Number).\n\n")
        .append("Targets (issue 20): every filter's first page and count under 200 ms at p95 at every level; above ")
        .append("50 ms, no level slower than twice the level below it.\n\n")
        .append("| query |");
    for (Measured result : results) {
      page.append(' ').append(result.open()).append(" open: p50 / p95 (ms) |");
    }
    page.append("\n|---|").append("---|".repeat(results.size())).append('\n');
    for (String name : results.get(0).latencies().keySet()) {
      page.append("| ").append(name).append(" |");
      for (Measured result : results) {
        Latencies measured = result.latencies().get(name);
        page.append(measured == null ? " - |" : String.format(Locale.ROOT, " %.1f / %.1f |",
            measured.percentileMillis(50), measured.percentileMillis(95)));
      }
      page.append('\n');
    }
    page.append('\n').append(verdict(results));
    page.append("\nCost per task counted (µs; a count's p50 divided by the tasks it counted): a count the engine takes "
        + "reads every task it counts, so it grows with them, and a plan that changes between two levels shows here as "
        + "a change of cost; a count of one candidate group's tasks (the desk's open tasks, My Number, managers', "
        + "owning groups' filters) is answered from the open task tally ([ADR 0039](adr/0039-tasklist-counts-kept-by-"
        + "the-engines-writes.md)) and reads a few rows whatever the number of tasks.\n\n")
        .append("| count |");
    for (Measured result : results) {
      page.append(' ').append(result.open()).append(" open: tasks / µs per task |");
    }
    page.append("\n|---|").append("---|".repeat(results.size())).append('\n');
    for (String name : results.get(0).latencies().keySet()) {
      if (!results.get(0).counted().containsKey(name)) {
        continue;
      }
      page.append("| ").append(name).append(" |");
      for (Measured result : results) {
        Long counted = result.counted().get(name);
        Latencies measured = result.latencies().get(name);
        page.append(counted == null || measured == null ? " - |" : counted == 0 ? " 0 / - |"
            : String.format(Locale.ROOT, " %d / %.2f |", counted, 1000 * measured.percentileMillis(50) / counted));
      }
      page.append('\n');
    }
    page.append("\nTime to fill (register, start, ").append(acknowledge ? "acknowledge, " : "")
        .append("move on to the check or the search; ").append(threads)
        .append(" threads, ").append(batch).append(" requests registered and started a transaction): ");
    for (Measured result : results) {
      page.append(String.format(Locale.ROOT, "%d in %.0f s; ", result.open(), result.fillSeconds()));
    }
    page.append("\n\nWaited for autovacuum's workers to finish before measuring: ");
    for (Measured result : results) {
      page.append(String.format(Locale.ROOT, "%d: %.0f s; ", result.open(), result.quietSeconds()));
    }
    page.append("\n\nOpen tasks by candidate group: ");
    for (Measured result : results) {
      page.append("\n- ").append(result.open()).append(" open requests: ").append(result.tasks());
    }
    page.append("\n\nHeap: ").append(JVM.summary()).append('.');
    page.append("\n\n## Plan of the slowest Tasklist query at each level\n\n")
        .append("`EXPLAIN (ANALYZE, BUFFERS)` of the SQL the engine sent for it (its parameters written in), run once ")
        .append("more after the measurement.\n\n");
    for (Measured result : results) {
      page.append("### ").append(result.open()).append(" open: ").append(result.slowest()).append("\n\n```\n")
          .append(result.slowestPlan()).append("\n```\n\n");
    }
    page.append("## Plans of our own tables' queries at ").append(results.get(results.size() - 1).open())
        .append(" open requests\n\n");
    results.get(results.size() - 1).plans().forEach((name, plan) ->
        page.append("### ").append(name).append("\n\n```\n").append(plan).append("\n```\n\n"));
    return page.toString();
  }
}
