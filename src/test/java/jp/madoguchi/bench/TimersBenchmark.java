package jp.madoguchi.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Timers falling due together. Fills the desk with T open requests (default 1,000), real ones: registered, started
 * and acknowledged through the models, all arrived on the same day, so that each of a request's three deadline
 * timers (reminder to the desk, Art 39 flag, escalation at the target) is due at the same moment for all T. Then,
 * for each of the three in the order they fall due: moves the engine's clock to that moment (and lets it run on from
 * there), starts the application's job executor with the production settings, and times how long it takes until
 * every one of the T timers has fired and its effect is in our tables. Reports, asserts nothing about speed: time to
 * the first and the last, throughput, failed jobs and incidents, the job executor's and the database pool's
 * settings and load, the heap. Writes {@code docs/performance-timers.md}; the target is "1,000 timers falling
 * due together all fire within 60 s". Fails when a timer or its effect goes missing, which would make the figures
 * wrong.
 *
 * <p>Run with {@code bench/timers.sh}, which empties the database first. Settings are system properties:
 * {@code bench.timers} (T, default 1000), {@code bench.threads} (client threads that fill, 4),
 * {@code bench.round-timeout-seconds} (900), {@code bench.timers-report} ({@code docs/performance-timers.md}; empty:
 * none).
 */
@Tag("bench")
@SpringBootTest(properties = {
    // the job executor as in production (application.yaml): the test profile turns it off
    "camunda.bpm.job-execution.enabled=true",
    // production's pool (application-postgres.yaml), not the bench profile's, which is sized for the lifecycle run
    "spring.datasource.hikari.maximum-pool-size=${MADOGUCHI_DB_POOL_SIZE:20}",
    // a context configuration of its own names its engine (see spring.properties)
    "camunda.bpm.process-engine-name=bench-timers"})
@ActiveProfiles({"test", "postgres", "bench"})
class TimersBenchmark {

  static final int SMTP_PORT = LifecycleBenchmark.freePort();
  static final JvmFigures JVM = JvmFigures.watch();
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final double TARGET_SECONDS = 60;
  static final long POLL_MILLIS = 200;
  static final int IDLE_POLLS = 30;

  @DynamicPropertySource
  static void mailToOurServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired JobExecutor jobExecutor;
  @Autowired @Qualifier("camundaTaskExecutor") ThreadPoolTaskExecutor jobThreads;
  @Autowired DataSource dataSource;
  @Value("${camunda.bpm.job-execution.enabled}") boolean jobExecutionEnabled;

  final int timers = Integer.getInteger("bench.timers", 1000);
  final int threads = Integer.getInteger("bench.threads", 4);
  final long roundTimeoutSeconds = Long.getLong("bench.round-timeout-seconds", 900);

  final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /**
   * One of the request's deadline timers and what its firing leaves in our tables: {@code effectsSql} counts the
   * effects and gives the time of the last; {@code flaggedSql} and {@code reviewTask} are checked after the round.
   */
  record DeskTimer(String event, String label, String effect, String effectsSql, String flaggedSql,
      String reviewTask) {}

  static final List<DeskTimer> DESK_TIMERS = List.of(
      new DeskTimer(PersonalDataRequestProcess.Elements.DEADLINE_NEAR, "reminder to the desk (deadline near)",
          "the asynchronous \"Remind the desk\" step has queued a staff reminder e-mail (`outbound_letter`)",
          "SELECT count(*) AS done, max(created_at) AS last FROM outbound_letter WHERE letter_kind = 'STAFF_REMINDER'",
          null, null),
      new DeskTimer(PersonalDataRequestProcess.Elements.ART39_DATE_PASSED, "Art 39 flag (two weeks since arrival)",
          "the request is flagged (`desk_request.legal_risk_flagged`, event `ART39_TWO_WEEKS_PASSED`) and the "
              + "managers' review task is created",
          "SELECT count(*) AS done, max(occurred_at) AS last FROM request_event "
              + "WHERE event_type = 'ART39_TWO_WEEKS_PASSED'",
          "SELECT count(*) FROM desk_request WHERE legal_risk_flagged", PersonalDataRequestProcess.Elements.REVIEW_ART39_DATE_PASSED),
      new DeskTimer(PersonalDataRequestProcess.Elements.TARGET_DEADLINE_PASSED, "escalation (target deadline passed)",
          "the request is flagged (`desk_request.overdue`, event `TARGET_DEADLINE_PASSED`) and the managers' "
              + "review task is created",
          "SELECT count(*) AS done, max(occurred_at) AS last FROM request_event "
              + "WHERE event_type = 'TARGET_DEADLINE_PASSED'",
          "SELECT count(*) FROM desk_request WHERE overdue", PersonalDataRequestProcess.Elements.REVIEW_OVERDUE));

  static final List<String> JOB_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED);

  record Effects(long done, Date last) {}

  /** What the polling thread saw while the job executor worked. */
  record Observed(double doneSeconds, int mostJobThreadsBusy, int mostConnectionsBusy, int mostThreadsWaiting) {}

  /** One round's figures; times are seconds after the timers fell due. */
  record Round(DeskTimer timer, Date due, double firstFired, double lastFired, double lastEffect, Observed observed,
      long failedAttempts, long incidents, Map<String, Long> metrics, double lastEmailSent) {
    double timersPerSecond(int count) {
      return count / lastEffect;
    }

    /** Until every timer had fired and left its effect: the later of what the history and the polling saw. */
    double doneSeconds() {
      return Math.max(lastEffect, observed.doneSeconds());
    }

    boolean withinTarget() {
      return doneSeconds() <= TARGET_SECONDS;
    }
  }

  @Test
  void timersFallingDueTogether() throws Exception {
    // the application started its job executor; while filling, each request's jobs run in the filling thread
    jobExecutor.shutdown();
    smtp.start();
    try {
      OpenRequestFiller filler = new OpenRequestFiller(engine, register, starter, transactionManager, threads);
      if (filler.open() != 0) {
        throw new IllegalStateException("requests are open already: run bench/timers.sh, which empties the database");
      }
      long start = System.nanoTime();
      filler.fillTo(timers, LocalDate.now(TOKYO));
      double fillSeconds = (System.nanoTime() - start) / 1e9;
      awaitEmailSent("acknowledgements");

      Latencies idlePolls = idlePolls();
      LifecycleBenchmark.say("idle poll with %d timers waiting: p50 %.1f ms, p95 %.1f ms", DESK_TIMERS.size() * timers,
          idlePolls.percentileMillis(50), idlePolls.percentileMillis(95));
      List<Map.Entry<DeskTimer, Date>> dues = DESK_TIMERS.stream()
          .map(timer -> Map.entry(timer, commonDueDate(timer))).sorted(Map.Entry.comparingByValue()).toList();
      List<Round> rounds = new ArrayList<>();
      for (Map.Entry<DeskTimer, Date> timer : dues) {
        rounds.add(fire(timer.getKey(), timer.getValue()));
      }

      for (Round round : rounds) {
        say(round);
      }
      LifecycleBenchmark.say("heap: %s", JVM.summary());
      String report = System.getProperty("bench.timers-report", "docs/performance-timers.md");
      if (!report.isBlank()) {
        writeBetweenMarkers(Path.of(report), page(rounds, fillSeconds, idlePolls));
        LifecycleBenchmark.say("wrote %s", report);
      }
    } finally {
      jobExecutor.shutdown();
      ClockUtil.reset();
      smtp.stop();
    }
  }

  /** The moment all T timers of this kind are due; fails unless there are T of them, all due then. */
  Date commonDueDate(DeskTimer timer) {
    List<Job> jobs = engine.getManagementService().createJobQuery().timers().activityId(timer.event()).list();
    Set<Date> dues = jobs.stream().map(Job::getDuedate).collect(Collectors.toSet());
    if (jobs.size() != timers || dues.size() != 1) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "expected %d %s timers due at one moment, found %d due at %s", timers, timer.event(), jobs.size(), dues));
    }
    return dues.iterator().next();
  }

  /**
   * What a poll of an idle job executor costs with every timer waiting and none due: the job executor's own
   * acquisition command, which finds nothing (and so locks nothing), timed {@value #IDLE_POLLS} times.
   */
  Latencies idlePolls() {
    // the history cleanup's job is due in its nightly window (ADR 50): a run then measures polls that find it
    Set<String> cleanup = engine.getHistoryService().findHistoryCleanupJobs().stream().map(Job::getId)
        .collect(Collectors.toSet());
    if (engine.getManagementService().createJobQuery().executable().list().stream()
        .anyMatch(job -> !cleanup.contains(job.getId()))) {
      throw new IllegalStateException("jobs are due before the first timer: an acquisition would lock them");
    }
    CommandExecutor commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    Latencies polls = new Latencies();
    for (int i = 0; i < IDLE_POLLS + 3; i++) {
      long start = System.nanoTime();
      AcquiredJobs acquired = commands.execute(new AcquireJobsCmd(jobExecutor,
          jobExecutor.getMaxJobsPerAcquisition()));
      if (i >= 3) {
        polls.add(System.nanoTime() - start);
      }
      if (acquired.size() != 0) {
        throw new IllegalStateException("an idle poll acquired jobs: " + acquired.getJobIdBatches());
      }
    }
    return polls;
  }

  /**
   * Moves the engine's clock to {@code due} (it runs on from there: the job executor's acquisition, the history and
   * the desk's own clock all read it), starts the job executor and waits until every timer of the kind has fired
   * and left its effect.
   */
  Round fire(DeskTimer timer, Date due) throws Exception {
    ManagementService management = engine.getManagementService();
    HistoryService history = engine.getHistoryService();
    // what the job executor counted before belongs to the fill or to the round before
    management.reportDbMetricsNow();
    long failuresBefore = history.createHistoricJobLogQuery().failureLog().count();
    long effectsBefore = effects(timer).done();
    LifecycleBenchmark.say("%s: %d timers due at %s; starting the job executor", timer.label(), timers,
        due.toInstant().atZone(TOKYO));

    ClockUtil.offset(due.getTime() - System.currentTimeMillis());
    long dueNanos = System.nanoTime();
    jobExecutor.start();
    Observed observed;
    try {
      observed = awaitFired(timer, effectsBefore, dueNanos);
    } finally {
      jobExecutor.shutdown();
    }

    long fired = history.createHistoricJobLogQuery().activityIdIn(timer.event()).successLog().count();
    if (fired != timers) {
      throw new IllegalStateException(timer.event() + ": " + fired + " timer jobs succeeded, expected " + timers);
    }
    if (timer.flaggedSql() != null) {
      long flagged = jdbc.sql(timer.flaggedSql()).query(Long.class).single();
      long reviews = engine.getTaskService().createTaskQuery().taskDefinitionKey(timer.reviewTask()).count();
      if (flagged != timers || reviews != timers) {
        throw new IllegalStateException(String.format(Locale.ROOT, "%s: %d requests flagged, %d review tasks, "
            + "expected %d of each", timer.event(), flagged, reviews, timers));
      }
    }
    double lastEmailSent = timer.event().equals(PersonalDataRequestProcess.Elements.DEADLINE_NEAR)
        ? seconds(awaitEmailSent("reminders"), due) : Double.NaN;

    HistoricActivityInstance first = history.createHistoricActivityInstanceQuery().activityId(timer.event())
        .orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1).get(0);
    HistoricActivityInstance last = history.createHistoricActivityInstanceQuery().activityId(timer.event())
        .finished().orderByHistoricActivityInstanceEndTime().desc().listPage(0, 1).get(0);
    management.reportDbMetricsNow();
    Date now = ClockUtil.getCurrentTime();
    Map<String, Long> metrics = new LinkedHashMap<>();
    for (String metric : JOB_METRICS) {
      metrics.put(metric, management.createMetricsQuery().name(metric).startDate(due)
          .endDate(new Date(now.getTime() + 1000)).sum());
    }
    return new Round(timer, due, seconds(first.getStartTime(), due), seconds(last.getEndTime(), due),
        seconds(effects(timer).last(), due), observed,
        history.createHistoricJobLogQuery().failureLog().count() - failuresBefore,
        engine.getRuntimeService().createIncidentQuery().count(), metrics, lastEmailSent);
  }

  /**
   * Polls until no timer of the kind is left and all T effects are there; notes the busiest the job executor's
   * threads and the database pool were seen.
   */
  Observed awaitFired(DeskTimer timer, long effectsBefore, long dueNanos) throws InterruptedException {
    HikariDataSource pool = unwrap(dataSource);
    long deadline = dueNanos + roundTimeoutSeconds * 1_000_000_000L;
    int busiestThreads = 0;
    int busiestConnections = 0;
    int mostWaiting = 0;
    long left = timers;
    long done = 0;
    while (System.nanoTime() < deadline) {
      busiestThreads = Math.max(busiestThreads, jobThreads.getActiveCount());
      busiestConnections = Math.max(busiestConnections, pool.getHikariPoolMXBean().getActiveConnections());
      mostWaiting = Math.max(mostWaiting, pool.getHikariPoolMXBean().getThreadsAwaitingConnection());
      left = engine.getManagementService().createJobQuery().timers().activityId(timer.event()).count();
      done = effects(timer).done() - effectsBefore;
      if (left == 0 && done == timers) {
        return new Observed((System.nanoTime() - dueNanos) / 1e9, busiestThreads, busiestConnections, mostWaiting);
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(String.format(Locale.ROOT,
        "%s: after %d s %d of %d timers are left and %d effects are there; failing jobs: %d, incidents: %d",
        timer.event(), roundTimeoutSeconds, left, timers, done,
        engine.getManagementService().createJobQuery().withException().count(),
        engine.getRuntimeService().createIncidentQuery().count()));
  }

  Effects effects(DeskTimer timer) {
    return jdbc.sql(timer.effectsSql()).query((row, number) -> new Effects(row.getLong("done"),
        row.getTimestamp("last"))).single();
  }

  /** Waits until every e-mail of the outbox was sent; returns when the last was sent (engine time). */
  Date awaitEmailSent(String what) throws Exception {
    long deadline = System.nanoTime() + roundTimeoutSeconds * 1_000_000_000L;
    while (jdbc.sql("SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL' AND status <> 'SENT'")
        .query(Long.class).single() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": e-mail still unsent after " + roundTimeoutSeconds + " s");
      }
      Thread.sleep(POLL_MILLIS);
    }
    LifecycleBenchmark.say("%s: all e-mail sent; %d messages received by the SMTP server, dropped from its memory",
        what, smtp.getReceivedMessages().length);
    // the SMTP server is ours, in the benchmark's JVM: what it keeps must not count against the desk's heap
    smtp.purgeEmailFromAllMailboxes();
    Timestamp last = jdbc.sql("SELECT max(sent_at) FROM outbound_letter WHERE delivery = 'EMAIL'")
        .query(Timestamp.class).single();
    return last;
  }

  static HikariDataSource unwrap(DataSource dataSource) {
    try {
      return dataSource.unwrap(HikariDataSource.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the benchmark reads Hikari's pool; the data source is " + dataSource, e);
    }
  }

  static double seconds(Date time, Date due) {
    return (time.getTime() - due.getTime()) / 1000.0;
  }

  void say(Round round) {
    LifecycleBenchmark.say("%s: %d timers due at %s; first fired after %.2f s, last after %.2f s, last effect after "
            + "%.2f s (seen done after %.2f s): %.1f timers/s; failed job attempts %d, incidents %d; %s; "
            + "busiest: %d job threads, %d DB connections, %d threads waiting for one; target %.0f s %s",
        round.timer().label(), timers, round.due().toInstant(), round.firstFired(), round.lastFired(),
        round.lastEffect(), round.observed().doneSeconds(), round.timersPerSecond(timers), round.failedAttempts(),
        round.incidents(), round.metrics(), round.observed().mostJobThreadsBusy(),
        round.observed().mostConnectionsBusy(), round.observed().mostThreadsWaiting(), TARGET_SECONDS,
        round.withinTarget() ? "met" : "MISSED");
  }

  // ------------------------------------------------------------------------------------------------------ report

  String page(List<Round> rounds, double fillSeconds, Latencies idlePolls) throws Exception {
    HikariDataSource pool = unwrap(dataSource);
    double slowest = rounds.stream().mapToDouble(Round::doneSeconds).max().orElseThrow();
    double maxWait = jobExecutor.getMaxWait() / 1000.0;
    StringBuilder page = new StringBuilder();
    page.append("Measured ").append(ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" with `bench/timers.sh` (T = ").append(timers).append(" open requests). Re-run it to regenerate ")
        .append("this part of the page.\n\n")
        .append(String.format(Locale.ROOT, "**Target: 1,000 timers falling due together all fire within %.0f s.** "
            + "On this run (T = %,d), with the job executor polling when they fell due, the slowest of the three "
            + "timers was done %.1f s after due: **%s**. A job executor that had been idle polls again up to "
            + "`max-wait` (%.0f s) later: worst case %.1f s, **%s**.%n%n", TARGET_SECONDS, timers, slowest,
            slowest <= TARGET_SECONDS ? "met" : "missed", maxWait, maxWait + slowest,
            maxWait + slowest <= TARGET_SECONDS ? "within the target" : "over the target"))
        .append("## Method\n\n")
        .append("- One application context (the whole desk, profile `postgres`) on its own database, emptied by ")
        .append("`bench/timers.sh` first; history level `full`, authorization checks on, e-mail to an SMTP server ")
        .append("in the JVM (GreenMail), whose received messages are dropped after each count so that they do ")
        .append("not weigh on the heap.\n")
        .append("- Filled with ").append(timers).append(" requests (disclosure, arrived today), each registered and ")
        .append("started in one transaction as the intake does and acknowledged, ").append(threads)
        .append(" client threads running each request's jobs themselves (").append(String.format(Locale.ROOT,
            "%.0f s", fillSeconds)).append("). Every request then waits at \"Check request\" with its three ")
        .append("deadline timers; the requests arrived on the same day, so each timer is due at the same moment ")
        .append("for all of them (checked: ").append(timers).append(" jobs, one due date).\n")
        .append("- For each timer, in the order they fall due: the job executor stopped, the engine's clock ")
        .append("(`ClockUtil`, read by the job executor's acquisition, the history and the desk's own calendar) ")
        .append("moved to the timers' due date and left running from there, and the application's job executor ")
        .append("started with the production settings below. That moment is \"due\".\n")
        .append("- A thread polls every ").append(POLL_MILLIS).append(" ms until no timer job of that kind is left ")
        .append("in `ACT_RU_JOB` and all ").append(timers).append(" effects are in our tables (\"seen done\"); ")
        .append("the first and last firing come from the timer events' activity instances in the history, the last ")
        .append("effect from our tables' timestamps (both written with the engine's clock, so seconds after due ")
        .append("are wall-clock seconds). Throughput: ").append(timers).append(" ÷ seconds to the last effect.\n")
        .append("- Then checked (the run fails otherwise): ").append(timers).append(" successful executions of the ")
        .append("timer in the job log, and for the flags as many flagged requests and review tasks. Failed job ")
        .append("attempts: failure entries in the job log (`ACT_HI_JOB_LOG`) during the round; incidents: open ")
        .append("incidents after it. Job executor metrics from the engine's metrics table, reported at the end of ")
        .append("each round.\n\n")
        .append("| timer | its effect |\n|---|---|\n");
    for (Round round : rounds) {
      page.append("| ").append(round.timer().label()).append(" | ").append(round.timer().effect()).append(" |\n");
    }
    page.append("\n## Settings (production's: `application.yaml`, `application-postgres.yaml`)\n\n")
        .append("| setting | value on this run |\n|---|---|\n")
        .append("| `camunda.bpm.job-execution.enabled` (the test profile's `false` overridden for this run) | ")
        .append(jobExecutionEnabled).append(" |\n")
        .append("| `deployment-aware` | ").append(((ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration()).isJobExecutorDeploymentAware()).append(" |\n")
        .append("| `core-pool-size` / `max-pool-size` / `queue-capacity` (job threads) | ")
        .append(jobThreads.getCorePoolSize()).append(" / ").append(jobThreads.getMaxPoolSize()).append(" / ")
        .append(jobThreads.getQueueCapacity()).append(" |\n")
        .append("| `max-jobs-per-acquisition` | ").append(jobExecutor.getMaxJobsPerAcquisition()).append(" |\n")
        .append("| `wait-time-in-millis` / `wait-increase-factor` / `max-wait` (idle back-off) | ")
        .append(jobExecutor.getWaitTimeInMillis()).append(" ms / ").append(jobExecutor.getWaitIncreaseFactor())
        .append(" / ").append(jobExecutor.getMaxWait()).append(" ms |\n")
        .append("| `backoff-time-in-millis` / `max-backoff` (after acquisition conflicts) | ")
        .append(jobExecutor.getBackoffTimeInMillis()).append(" ms / ").append(jobExecutor.getMaxBackoff())
        .append(" ms |\n")
        .append("| `lock-time-in-millis` | ").append(jobExecutor.getLockTimeInMillis()).append(" |\n")
        .append("| database pool (`MADOGUCHI_DB_POOL_SIZE`) | ").append(pool.getMaximumPoolSize()).append(" |\n\n")
        .append(LifecycleBenchmark.machine(jdbc, JVM, ", PostgreSQL on the same machine"))
        .append("## Figures\n\n")
        .append("Seconds after due.\n\n")
        .append("| timer | due (Tokyo) | first fired | last fired | last effect | seen done | timers/s | ")
        .append("failed job attempts | incidents | within 60 s |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    DateTimeFormatter dueFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    for (Round round : rounds) {
      page.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %d | %s |%n",
          round.timer().label(), round.due().toInstant().atZone(TOKYO).format(dueFormat), round.firstFired(),
          round.lastFired(), round.lastEffect(), round.observed().doneSeconds(), round.timersPerSecond(timers),
          round.failedAttempts(), round.incidents(), round.withinTarget() ? "yes" : "**no**"));
    }
    page.append("\nThe job executor during each round (engine metrics; busiest as the polling thread saw them):\n\n")
        .append("| timer | acquisition attempts | jobs acquired | acquisition conflicts | executions rejected ")
        .append("(queue full) | jobs successful | jobs failed | busiest job threads | busiest DB connections | ")
        .append("threads waiting for a connection |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Round round : rounds) {
      page.append("| ").append(round.timer().label());
      for (String metric : JOB_METRICS) {
        page.append(" | ").append(round.metrics().get(metric));
      }
      page.append(" | ").append(round.observed().mostJobThreadsBusy()).append(" | ")
          .append(round.observed().mostConnectionsBusy()).append(" | ")
          .append(round.observed().mostThreadsWaiting()).append(" |\n");
    }
    rounds.stream().filter(round -> !Double.isNaN(round.lastEmailSent())).forEach(round -> page.append(String.format(
        Locale.ROOT, "%nThe reminder e-mails (sent after commit by the outbox's senders, not by the job executor): "
            + "the last sent %.1f s after due.%n", round.lastEmailSent())));
    page.append(String.format(Locale.ROOT, "%nLargest number of job threads since the application started: %d.%n",
        jobThreads.getThreadPoolExecutor().getLargestPoolSize()))
        .append("\n## What the figures leave out\n\n")
        .append("The job executor was started at the due moment, so its first acquisition came at once. A job ")
        .append("executor that keeps finding nothing to do waits longer and longer between acquisitions (")
        .append(jobExecutor.getWaitTimeInMillis()).append(" ms, times ").append(jobExecutor.getWaitIncreaseFactor())
        .append(" after each empty one, up to `max-wait`, ").append(jobExecutor.getMaxWait()).append(" ms), and ")
        .append("nothing wakes it when a timer falls due by the passing of time: in production the first ")
        .append("acquisition after the due moment may come up to `max-wait` later. The worst case from the due ")
        .append("moment is then `max-wait` plus the time measured here:");
    for (Round round : rounds) {
      double worst = maxWait + round.doneSeconds();
      page.append(String.format(Locale.ROOT, " %s %.1f s (%s);", round.timer().label(), worst,
          worst <= TARGET_SECONDS ? "within 60 s" : "over 60 s"));
    }
    page.setLength(page.length() - 1);
    return page.append(String.format(Locale.ROOT, ".%n%nWhat a poll of an idle job executor costs: its acquisition "
            + "command with the %,d timers waiting and none due took %.1f ms (p50), %.1f ms (p95) over %d polls, "
            + "once per `max-wait` on every node.%n", DESK_TIMERS.size() * timers, idlePolls.percentileMillis(50),
        idlePolls.percentileMillis(95), IDLE_POLLS)).toString();
  }

  static final String BEGIN = "<!-- timers:begin (generated by bench/timers.sh; do not edit by hand) -->\n";
  static final String END = "<!-- timers:end -->\n";

  /** Replaces the generated part of the page (between the markers) and keeps the rest, which is written by hand. */
  static void writeBetweenMarkers(Path report, String generated) throws IOException {
    ReportSection.write(report, BEGIN, END, "# Performance: timers falling due together", generated);
  }
}
