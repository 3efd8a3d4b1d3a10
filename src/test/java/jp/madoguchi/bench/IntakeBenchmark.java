package jp.madoguchi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.intake.IntakeFixtures;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Breach-day intake: the running application on PostgreSQL, on its HTTP port, with the job executor on and
 * production's settings. K clients in a closed loop (each sends its next request when it has the answer to the
 * last) POST requests to {@code /api/requests} (JSON, an Idempotency-Key each, an identity document sent with the
 * status token for every third) for a fixed time, while S staff clients work the desk's "Check the request" tasks
 * through the engine's REST API (HTTP Basic, as a member of {@code privacy-desk}). Then the same with the same K
 * against {@link BareIntake} (a row and a one-user-task process through the same HTTP stack). Reports accepted
 * requests/s, the POST's p50/p95/p99, and when the last acknowledgement letter (with its PDF) and e-mail
 * confirmation of the phase was sent; {@code intake ratio} is the bare endpoint's requests/s divided by ours.
 * Several K in one run find the K where the bare endpoint stops growing. A burst mode submits B requests as fast as
 * K clients can and times until every acknowledgement and confirmation is sent.
 *
 * <p>Run with {@code bench/intake.sh}. Settings (system properties): {@code bench.intake.clients} (K, a list,
 * "2,4,8,16"), {@code bench.intake.staff} (S, 2), {@code bench.intake.staff-pause-ms} (1000),
 * {@code bench.intake.seconds} (30), {@code bench.intake.warmup-seconds} (240, in two rounds, then a wait without
 * load for the JIT compiler's queue, at most {@code bench.intake.jit-wait-max-seconds}, 180),
 * {@code bench.intake.rounds} (1: each K once; with more, the K and the endpoints take turns and each K's figures
 * are its rounds' sums), {@code bench.intake.burst} (B, 0: no burst), {@code bench.intake.report}
 * ({@code docs/performance.md}; empty: none).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // the job executor as in production (application.yaml): the test profile turns it off
    "camunda.bpm.job-execution.enabled=true",
    // production's pool (application-postgres.yaml), not the bench profile's
    "spring.datasource.hikari.maximum-pool-size=${MADOGUCHI_DB_POOL_SIZE:20}",
    "camunda.bpm.process-engine-name=bench-intake"})
@ActiveProfiles({"test", "postgres", "bench"})
class IntakeBenchmark {

  static final int SMTP_PORT = LifecycleBenchmark.freePort();
  static final JvmFigures JVM = JvmFigures.watch();
  static final String STAFF_USER = "bench-intake-staff";
  /** What else the machine was doing when the run began (/proc/loadavg's three averages). */
  static final String LOAD_AT_START = LifecycleBenchmark.loadAverage();
  static final String STAFF_PASSWORD = "Bench-intake-staff-2026";
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(Long.getLong("bench.intake.drain-minutes", 30));

  @TestConfiguration
  @Import(BareIntake.class)
  static class BareEndpoint {}

  @DynamicPropertySource
  static void mailToOurServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.job-execution.enabled}") boolean jobExecutionEnabled;

  final List<Integer> clientCounts = Arrays.stream(System.getProperty("bench.intake.clients", "2,4,8,16").split(","))
      .map(String::strip).map(Integer::valueOf).toList();
  final int staff = Integer.getInteger("bench.intake.staff", 2);
  final long staffPauseMillis = Long.getLong("bench.intake.staff-pause-ms", 1000);
  final int seconds = Integer.getInteger("bench.intake.seconds", 30);
  final int warmupSeconds = Integer.getInteger("bench.intake.warmup-seconds", 240);
  /** The longest wait, without load, for the JIT compiler's queue after the warm-up. */
  final int jitWaitMaxSeconds = Integer.getInteger("bench.intake.jit-wait-max-seconds",
      JitQueue.MAX_WAIT_SECONDS);
  JitQueue.Wait jitWait;
  /** Rounds of every K: each K's figures are the sums of its rounds' phases. */
  final int roundCount = Integer.getInteger("bench.intake.rounds", 1);
  /** Each K's intake ratio in each round, in the order the rounds ran. */
  Map<Integer, List<Double>> roundRatios;
  final int burst = Integer.getInteger("bench.intake.burst", 0);
  final int burstLimitSeconds = Integer.getInteger("bench.intake.burst-limit-seconds", 600);

  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  final AtomicLong received = new AtomicLong();
  JfrProfile.Frames frames;
  /** The bare endpoint's profile and both phases at the largest K, for the parts of each request's CPU. */
  JfrProfile.Frames bareFrames;
  Phase[] profiledPhases;

  /** Which endpoint a phase posts to, and which task its staff work. */
  enum Target {
    OURS("/api/requests", PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        "{\"variables\":{\"requestFormComplete\":{\"value\":true},\"entrustedData\":{\"value\":\"NONE\"}}}"),
    BARE(BareIntake.PATH, BareIntake.TASK, "{\"variables\":{}}");

    final String path;
    final String task;
    final String completion;

    Target(String path, String task, String completion) {
      this.path = path;
      this.task = task;
      this.completion = completion;
    }
  }

  /** One phase's figures. */
  record Phase(Target target, int clients, double seconds, int accepted, Map<Integer, Integer> refused,
      Latencies posts, Latencies documents, int documentsSent, int tasksCompleted, int staffConflicts,
      double[] cpu, long compilationMillis, Drain drain) {
    double acceptedPerSecond() {
      return accepted / seconds;
    }

    /**
     * The phases of one endpoint at one K over several rounds as one: requests and seconds summed (the rate is the
     * rounds' requests over their time), latencies pooled, CPU per request weighted by each round's requests, the
     * letters' drain as the slowest round's (its last letter, and the largest of the rounds' p95 and max waits).
     */
    static Phase sum(List<Phase> phases) {
      if (phases.size() == 1) {
        return phases.get(0);
      }
      Phase first = phases.get(0);
      int accepted = phases.stream().mapToInt(Phase::accepted).sum();
      Map<Integer, Integer> refused = new TreeMap<>();
      phases.forEach(phase -> phase.refused().forEach((status, count) -> refused.merge(status, count, Integer::sum)));
      Latencies posts = new Latencies();
      Latencies documents = new Latencies();
      phases.forEach(phase -> {
        posts.addAll(phase.posts());
        documents.addAll(phase.documents());
      });
      double[] cpu = new double[2];
      for (int i = 0; i < 2; i++) {
        int part = i;
        cpu[i] = phases.stream().anyMatch(phase -> phase.cpu()[part] < 0) ? -1
            : phases.stream().mapToDouble(phase -> phase.cpu()[part] * phase.accepted()).sum() / Math.max(1, accepted);
      }
      List<Drain> drains = phases.stream().map(Phase::drain).toList();
      Drain drain = new Drain(drains.stream().allMatch(Drain::done),
          drains.stream().mapToDouble(Drain::lastSentAfterStart).max().orElse(Double.NaN),
          drains.stream().mapToDouble(Drain::lastSentAfterLoad).max().orElse(Double.NaN),
          drains.stream().mapToLong(Drain::acknowledgements).sum(),
          drains.stream().mapToLong(Drain::acknowledgementsWithPdf).sum(),
          drains.stream().mapToLong(Drain::confirmations).sum(), drains.stream().mapToLong(Drain::expected).sum(),
          drains.stream().mapToDouble(Drain::waitP95).max().orElse(Double.NaN),
          drains.stream().mapToDouble(Drain::waitMax).max().orElse(Double.NaN));
      return new Phase(first.target(), first.clients(), phases.stream().mapToDouble(Phase::seconds).sum(), accepted,
          refused, posts, documents, phases.stream().mapToInt(Phase::documentsSent).sum(),
          phases.stream().mapToInt(Phase::tasksCompleted).sum(), phases.stream().mapToInt(Phase::staffConflicts).sum(),
          cpu, phases.stream().mapToLong(Phase::compilationMillis).sum(), drain);
    }

    /** CPU per accepted request while the clients posted, in ms: this JVM / PostgreSQL's processes ("n/a": unknown). */
    String cpuPerRequest() {
      return String.format(Locale.ROOT, "%.1f / %s", cpu[0], cpu[1] < 0 ? "n/a"
          : String.format(Locale.ROOT, "%.1f", cpu[1]));
    }
  }

  /** When the phase's acknowledgements and e-mail confirmations were all sent (ours only). */
  record Drain(boolean done, double lastSentAfterStart, double lastSentAfterLoad, long acknowledgements,
      long acknowledgementsWithPdf, long confirmations, long expected, double waitP95, double waitMax) {
    static Drain none() {
      return new Drain(true, Double.NaN, Double.NaN, 0, 0, 0, 0, Double.NaN, Double.NaN);
    }

    String text() {
      if (expected == 0) {
        return "-";
      }
      return String.format(Locale.ROOT, "%s%.1f s after the start (%.1f s after the last POST); %d/%d "
          + "acknowledgements sent (%d with their PDF), %d/%d e-mail confirmations sent; from queued to sent p95 "
          + "%.1f s, max %.1f s", done ? "" : "NOT ALL: ", lastSentAfterStart, lastSentAfterLoad, acknowledgements,
          expected, acknowledgementsWithPdf, confirmations, expected, waitP95, waitMax);
    }
  }

  @Test
  void breachDayIntakeAgainstABareEndpoint() throws Exception {
    if (!jobExecutionEnabled) {
      throw new IllegalStateException("the intake benchmark needs the job executor on");
    }
    BareIntake.createTables(jdbc);
    engine.getRepositoryService().createDeployment().name("bench-bare-intake")
        .addModelInstance(BareIntake.PROCESS + ".bpmn", BareIntake.model()).enableDuplicateFiltering(true).deploy();
    staffUser();
    smtp.start();
    Thread purger = purgeMailboxes();
    try {
      int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(4);
      say("warm-up: %d s of each endpoint with %d clients, in two rounds", warmupSeconds, most);
      // two rounds of both, so that ours' last warm-up phase, like each measured one, follows one of the bare
      // endpoint's; both under the profiler, from the first request on: the JVM's first flight recording throws
      // away every compiled method (JfrProfile.start), and what was compiled before it has to be compiled again
      int half = Math.max(1, warmupSeconds / 2);
      try (JfrProfile warmupProfile = JfrProfile.start(Path.of("target", "bench-intake-warm-up.jfr"))) {
        warmUp(most, half);
        warmUp(most, half);
        warmupProfile.stopAndRead(0);
      }
      // the desk's code is far larger than the bare endpoint's: the compiler's backlog is left to drain
      jitWait = JitQueue.await(JitQueue.SETTLED, jitWaitMaxSeconds);
      say("warm-up: %s", jitWait.text());
      // the warm-up filled the emptied database: measured phases plan on its statistics, as a running desk's do
      jdbc.sql("ANALYZE").update();

      // each K's phases of every round, summed below; the K take turns (ascending in odd rounds, descending in even
      // ones), so that the database's growth and the machine's drift fall on each K alike
      Map<Integer, List<Phase[]>> phasesByK = new TreeMap<>();
      for (int round = 1; round <= roundCount; round++) {
        List<Integer> order = new ArrayList<>(clientCounts);
        if (round % 2 == 0) {
          Collections.reverse(order);
        }
        for (int clients : order) {
          // the endpoints take turns too: ours first in odd rounds, the bare endpoint first in even ones
          Phase ours;
          Phase bare;
          if (round % 2 == 1) {
            ours = profiled(Target.OURS, clients, most);
            bare = profiled(Target.BARE, clients, most);
          } else {
            bare = profiled(Target.BARE, clients, most);
            ours = profiled(Target.OURS, clients, most);
          }
          if (clients == most) {
            profiledPhases = new Phase[] {ours, bare};
          }
          phasesByK.computeIfAbsent(clients, k -> new ArrayList<>()).add(new Phase[] {ours, bare});
          say("round %d of %d, K=%d: ours %.1f requests/s (p95 %.1f ms), bare %.1f requests/s (p95 %.1f ms), "
              + "intake ratio %.2f", round, roundCount, clients, ours.acceptedPerSecond(),
              ours.posts().percentileMillis(95), bare.acceptedPerSecond(), bare.posts().percentileMillis(95),
              bare.acceptedPerSecond() / ours.acceptedPerSecond());
        }
      }
      List<Phase[]> byK = new ArrayList<>();
      phasesByK.forEach((clients, phases) -> byK.add(new Phase[] {
          Phase.sum(phases.stream().map(pair -> pair[0]).toList()),
          Phase.sum(phases.stream().map(pair -> pair[1]).toList())}));
      roundRatios = new TreeMap<>();
      phasesByK.forEach((clients, phases) -> roundRatios.put(clients, phases.stream()
          .map(pair -> pair[1].acceptedPerSecond() / pair[0].acceptedPerSecond()).toList()));
      if (roundCount > 1) {
        byK.forEach(perK -> say("K=%d over %d rounds: ours %.1f requests/s, bare %.1f requests/s, intake ratio "
            + "%.2f (by round: %s)", perK[0].clients(), roundCount, perK[0].acceptedPerSecond(),
            perK[1].acceptedPerSecond(), perK[1].acceptedPerSecond() / perK[0].acceptedPerSecond(),
            ratios(roundRatios.get(perK[0].clients()))));
      }
      Phase[] knee = knee(byK);
      double ratio = knee[1].acceptedPerSecond() / knee[0].acceptedPerSecond();
      say(kneeReached(byK) ? "the bare endpoint stops growing at K=%d"
          : "the bare endpoint still grows at the largest K run, K=%d: its knee lies beyond", knee[0].clients());
      say("JFR, our phase at K=%d: %d samples, %s with a frame of our code; top frames of ours:", most,
          frames.samples(), frames.percent(frames.samplesInOurCode()));
      frames.top().forEach(frame -> say("  %6d  %6s  %s", frame.getValue(), frames.percent(frame.getValue()),
          frame.getKey()));
      say("intake ratio: %.2f (at K=%d; our POST p95 %.1f ms)", ratio, knee[0].clients(),
          knee[0].posts().percentileMillis(95));

      Phase burstPhase = null;
      if (burst > 0) {
        say("burst: %d requests with %d clients", burst, most);
        // bounded: a burst that cannot even be submitted within the target's time has missed it, and says how far it
        // got
        burstPhase = phase(Target.OURS, most, burstLimitSeconds, burst, PostsEnded.NOTHING);
      }
      say("heap: %s", JVM.summary());
      String report = System.getProperty("bench.intake.report", "docs/performance.md");
      if (!report.isBlank()) {
        ReportSection.write(Path.of(report), BEGIN, END, "# Performance",
            page(byK, knee, ratio, burstPhase));
        say("wrote %s", report);
      }
    } finally {
      purger.interrupt();
      smtp.stop();
    }
  }

  /**
   * One measured phase under the profiler (every phase alike: the profiler's cost in all); at the largest K the
   * profile is kept for the report (the last round's).
   */
  Phase profiled(Target target, int clients, int most) throws Exception {
    String name = target == Target.OURS ? "ours" : "bare";
    try (JfrProfile profile = JfrProfile.start(Path.of("target", "bench-intake-" + name + "-" + clients + ".jfr"))) {
      // the recording ends with the POSTs: the letters' drain after them (ours only) is the lifecycle's cost, which
      // bench/run.sh profiles; recorded through it, the drain had most of ours' samples (session 22)
      JfrProfile.Frames[] posting = new JfrProfile.Frames[1];
      Phase phase = phase(target, clients, seconds, Integer.MAX_VALUE,
          () -> posting[0] = profile.stopAndRead(target == Target.OURS ? 10 : 0));
      JfrProfile.Frames phaseFrames = posting[0];
      if (clients == most) {
        if (target == Target.OURS) {
          frames = phaseFrames;
        } else {
          bareFrames = phaseFrames;
        }
      }
      return phase;
    }
  }

  /** One round of the warm-up: ours, then the bare endpoint, with the same clients for the same time. */
  void warmUp(int clients, int seconds) throws Exception {
    phase(Target.OURS, clients, seconds, Integer.MAX_VALUE, PostsEnded.NOTHING);
    phase(Target.BARE, clients, seconds, Integer.MAX_VALUE, PostsEnded.NOTHING);
  }

  /** What a phase does when its clients have stopped posting, before it waits for the letters. */
  interface PostsEnded {
    PostsEnded NOTHING = () -> { };

    void run() throws IOException;
  }

  /**
   * The JIT compiler's work so far, in ms (the JVM's {@code CompilationMXBean}: elapsed time summed over its compiler
   * threads, waits for a core included).
   */
  static long compilationMillis() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime()
        : 0;
  }

  /** Whether the bare endpoint stopped growing within the K run (otherwise {@link #knee} is the largest K). */
  static boolean kneeReached(List<Phase[]> byK) {
    for (int i = 1; i < byK.size(); i++) {
      if (byK.get(i)[1].acceptedPerSecond() < 1.1 * byK.get(i - 1)[1].acceptedPerSecond()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The figures (ours, bare) at the last K before the first one at which the bare endpoint's requests/s grew by less
   * than a tenth over the K before: the K where its throughput stops growing (or the last K run).
   */
  static Phase[] knee(List<Phase[]> byK) {
    for (int i = 1; i < byK.size(); i++) {
      if (byK.get(i)[1].acceptedPerSecond() < 1.1 * byK.get(i - 1)[1].acceptedPerSecond()) {
        return byK.get(i - 1);
      }
    }
    return byK.get(byK.size() - 1);
  }

  // --------------------------------------------------------------------------------------------------- a phase

  /**
   * K clients post for {@code limitSeconds} or until {@code limitRequests} were accepted, S staff clients work the
   * target's tasks meanwhile; for ours, then waits until the phase's acknowledgements and confirmations were sent.
   */
  Phase phase(Target target, int clients, int limitSeconds, int limitRequests, PostsEnded postsEnded)
      throws Exception {
    long firstRequestId = jdbc.sql("SELECT coalesce(max(id), 0) FROM desk_request").query(Long.class).single();
    Latencies posts = new Latencies();
    Latencies documents = new Latencies();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger documentsSent = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    Map<Integer, Integer> refused = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(clients + staff);
    CpuTime cpuBefore = CpuTime.now();
    long compiledBefore = compilationMillis();
    long start = System.nanoTime();
    long deadline = limitSeconds == Integer.MAX_VALUE ? Long.MAX_VALUE : start + limitSeconds * 1_000_000_000L;
    List<Future<?>> requesters = new ArrayList<>();
    List<Future<?>> desk = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        requesters.add(pool.submit(() -> {
          for (int n = issued.getAndIncrement(); n < limitRequests && System.nanoTime() < deadline;
              n = issued.getAndIncrement()) {
            post(target, n, posts, documents, accepted, documentsSent, refused);
          }
          return null;
        }));
      }
      for (int s = 0; s < staff; s++) {
        desk.add(pool.submit(() -> {
          while (!stop.get()) {
            workATask(target, completed, conflicts);
            Thread.sleep(staffPauseMillis);
          }
          return null;
        }));
      }
      for (Future<?> requester : requesters) {
        requester.get();
      }
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      // what the node and its database spent while the requests came: the POSTs, the staff's tasks and whatever
      // of the letters the job executor and the outbox did meanwhile
      double[] cpu = CpuTime.now().perLifecycleMillis(cpuBefore, Math.max(1, accepted.get()));
      long compiled = compilationMillis() - compiledBefore;
      OffsetDateTime loadEnded = OffsetDateTime.now();
      postsEnded.run();
      stop.set(true);
      for (Future<?> member : desk) {
        member.get();
      }
      Drain drain = target == Target.OURS
          ? drain(firstRequestId, accepted.get(), start, loadEnded, loadSeconds)
          : Drain.none();
      Phase phase = new Phase(target, clients, loadSeconds, accepted.get(), new LinkedHashMap<>(refused), posts,
          documents, documentsSent.get(), completed.get(), conflicts.get(), cpu, compiled, drain);
      say("%s K=%d: %d accepted in %.1f s = %.1f/s; POST p50/p95/p99 %.1f/%.1f/%.1f ms; documents %d, p95 %.1f ms; "
          + "refused %s; staff completed %d tasks (%d conflicts); CPU per accepted request (JVM / PostgreSQL) %s ms; "
          + "JIT compilation %d ms; letters: %s", target, clients, accepted.get(),
          loadSeconds, phase.acceptedPerSecond(), posts.percentileMillis(50), posts.percentileMillis(95),
          posts.percentileMillis(99), documentsSent.get(), documents.percentileMillis(95), refused, completed.get(),
          conflicts.get(), phase.cpuPerRequest(), compiled, drain.text());
      return phase;
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  void post(Target target, int number, Latencies posts, Latencies documents, AtomicInteger accepted,
      AtomicInteger documentsSent, Map<Integer, Integer> refused) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(target.path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").header("Accept-Language", "ja")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body(number))).build();
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    posts.add(System.nanoTime() - started);
    if (response.statusCode() != 201) {
      refused.merge(response.statusCode(), 1, Integer::sum);
      return;
    }
    accepted.incrementAndGet();
    if (number % 3 == 0) {
      JsonNode answer = json.readTree(response.body());
      String boundary = "bench" + UUID.randomUUID();
      HttpRequest upload = HttpRequest.newBuilder(uri(URI.create(answer.get("documentsUrl").asText()).getPath()))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("X-Status-Token", answer.get("statusToken").asText())
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary))).build();
      started = System.nanoTime();
      HttpResponse<String> uploaded = http.send(upload, HttpResponse.BodyHandlers.ofString());
      documents.add(System.nanoTime() - started);
      if (uploaded.statusCode() / 100 == 2) {
        documentsSent.incrementAndGet();
      } else {
        refused.merge(1000 + uploaded.statusCode(), 1, Integer::sum);
      }
    }
  }

  /** A member of the desk: the first page of the group's tasks of the phase's kind, and completes one of them. */
  void workATask(Target target, AtomicInteger completed, AtomicInteger conflicts) throws Exception {
    String auth = "Basic " + Base64.getEncoder().encodeToString((STAFF_USER + ":" + STAFF_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/engine-rest/task?candidateGroup="
            + DeskGroups.PRIVACY_DESK + "&taskDefinitionKey=" + target.task
            + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15"))
        .header("Authorization", auth).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException("task list: " + page.statusCode() + " " + page.body());
    }
    JsonNode tasks = json.readTree(page.body());
    if (tasks.isEmpty()) {
      return;
    }
    String id = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size())).get("id").asText();
    HttpResponse<String> done = http.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + id + "/complete"))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(target.completion)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() / 100 == 2) {
      completed.incrementAndGet();
    } else if (done.statusCode() == 409 || done.statusCode() == 404) {
      // two members took the same task: the second is told it was changed meanwhile (409) or is gone (404)
      conflicts.incrementAndGet();
    } else {
      throw new IllegalStateException("completing task " + id + ": " + done.statusCode() + " " + done.body());
    }
  }

  /** Waits until the acknowledgement and e-mail confirmation of every request accepted in the phase were sent. */
  Drain drain(long firstRequestId, int expected, long startNanos, OffsetDateTime loadEnded, double loadSeconds)
      throws InterruptedException {
    OffsetDateTime phaseStart = loadEnded.minusNanos((long) (loadSeconds * 1e9));
    long limit = System.nanoTime() + DRAIN_LIMIT.toNanos();
    while (true) {
      Map<String, Object> row = jdbc.sql("""
          SELECT count(*) FILTER (WHERE l.letter_kind = 'ACKNOWLEDGEMENT' AND l.status = 'SENT') AS acks,
                 count(*) FILTER (WHERE l.letter_kind = 'ACKNOWLEDGEMENT' AND l.status = 'SENT'
                                  AND d.pdf IS NOT NULL) AS acks_with_pdf,
                 count(*) FILTER (WHERE l.letter_kind = 'EMAIL_CONFIRMATION' AND l.status = 'SENT') AS confirmations,
                 max(l.sent_at) FILTER (WHERE l.letter_kind IN ('ACKNOWLEDGEMENT', 'EMAIL_CONFIRMATION')) AS last
          FROM outbound_letter l LEFT JOIN letter_document d ON d.letter_id = l.id
          WHERE l.request_id > ? AND l.delivery = 'EMAIL'""").param(firstRequestId).query().singleRow();
      long acks = ((Number) row.get("acks")).longValue();
      long withPdf = ((Number) row.get("acks_with_pdf")).longValue();
      long confirmations = ((Number) row.get("confirmations")).longValue();
      boolean done = acks >= expected && confirmations >= expected;
      if (done || System.nanoTime() > limit) {
        OffsetDateTime last = row.get("last") == null ? loadEnded
            : ((java.sql.Timestamp) row.get("last")).toInstant().atOffset(java.time.ZoneOffset.UTC);
        double afterStart = Duration.between(phaseStart, last).toMillis() / 1000.0;
        // how long a letter waited in the outbox: after commit at once, or for the next poll when the senders were busy
        Map<String, Object> waits = jdbc.sql("""
            SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) AS p95,
                   max(extract(epoch FROM sent_at - created_at)) AS most
            FROM outbound_letter WHERE request_id > ? AND delivery = 'EMAIL' AND sent_at IS NOT NULL
              AND letter_kind IN ('ACKNOWLEDGEMENT', 'EMAIL_CONFIRMATION')""").param(firstRequestId).query()
            .singleRow();
        return new Drain(done, afterStart, afterStart - loadSeconds, acks, withPdf, confirmations, expected,
            waits.get("p95") == null ? Double.NaN : ((Number) waits.get("p95")).doubleValue(),
            waits.get("most") == null ? Double.NaN : ((Number) waits.get("most")).doubleValue());
      }
      Thread.sleep(500);
    }
  }

  // ------------------------------------------------------------------------------------------------- requests

  /** The intake tests' disclosure request, with an address of its own and a breach-day reason. */
  String body(int number) throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    IntakeFixtures.principalOf(body).put("email", "requester" + number + "@example.jp");
    body.put("details", "漏えいの報道を受けて、当社が保有する私の個人データの開示を請求します。\n会員登録情報及び購買履歴");
    return json.writeValueAsString(body);
  }

  static byte[] multipart(String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nIDENTITY_DOCUMENT\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(IntakeFixtures.pdf());
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  void staffUser() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(STAFF_USER).count() == 0) {
      User user = identity.newUser(STAFF_USER);
      user.setFirstName("Bench");
      user.setLastName("Staff");
      user.setPassword(STAFF_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(STAFF_USER, DeskGroups.PRIVACY_DESK);
    }
  }

  /** The SMTP server keeps what it receives in memory: counted and dropped every few seconds, for the heap's sake. */
  Thread purgeMailboxes() {
    Thread purger = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(3000);
          received.addAndGet(smtp.getReceivedMessages().length);
          smtp.purgeEmailFromAllMailboxes();
        } catch (InterruptedException e) {
          return;
        } catch (com.icegreen.greenmail.store.FolderException e) {
          throw new IllegalStateException(e);
        }
      }
    }, "bench-mail-purger");
    purger.setDaemon(true);
    purger.start();
    return purger;
  }

  // --------------------------------------------------------------------------------------------------- report

  static final String BEGIN = "<!-- intake-bench:begin (generated by bench/intake.sh; do not edit by hand) -->\n";
  static final String END = "<!-- intake-bench:end -->\n";

  String page(List<Phase[]> byK, Phase[] knee, double ratio, Phase burstPhase) throws Exception {
    StringBuilder page = new StringBuilder();
    page.append("## Breach-day intake\n\n")
        .append("Measured ").append(ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" with `bench/intake.sh` (").append(seconds).append(" s per phase, K = ").append(clientCounts)
        .append(roundCount > 1 ? ", " + roundCount + " rounds" : "").append(", ").append(staff)
        .append(" staff clients pausing ").append(staffPauseMillis)
        .append(" ms between tasks, ").append(warmupSeconds).append(" s of warm-up of each endpoint; ")
        .append(jitWait.text()).append("). ")
        .append("Load average of the 2-core machine when the run began: ").append(LOAD_AT_START)
        .append(" (other work on the machine makes the figures noisy); PostgreSQL's autovacuum ")
        .append(jdbc.sql("SHOW autovacuum").query(String.class).single()).append(".\n\n")
        .append("- The whole application on its HTTP port (Tomcat), profile `postgres`, database emptied first, ")
        .append("job executor on with production's settings, database pool ")
        .append(jdbc.sql("SHOW max_connections").query(String.class).single()).append(" server connections / ")
        .append(System.getenv().getOrDefault("MADOGUCHI_DB_POOL_SIZE", "20"))
        .append(" in the application's pool; e-mail to an SMTP server in the JVM (GreenMail, emptied every 3 s).\n")
        .append("- **Ours**: `POST /api/requests` (JSON, an `Idempotency-Key` each; a disclosure by e-mail with the ")
        .append("requester's address), and for every third request an identity document (a small PDF, multipart, ")
        .append("`X-Status-Token`) to the request's `documentsUrl`. Each request is registered and its process ")
        .append("started in one transaction; its acknowledgement letter (composed with its PDF in an asynchronous ")
        .append("step) and the confirmation of its e-mail address follow through the job executor and the outbox. ")
        .append("Staff clients meanwhile take the first page of `privacy-desk`'s \"Check the request\" tasks from ")
        .append("`/engine-rest/task` (HTTP Basic) and complete one of them.\n")
        .append("- **Bare**: `").append(BareIntake.PATH).append("` (benchmark code only): the same JSON into the ")
        .append("same `IntakeRequest`, one row inserted and a process of one user task started in one transaction; ")
        .append("documents to a row each; staff complete its tasks the same way.\n")
        .append("- Clients: closed loop (`java.net.http`), each sends its next request when it has the answer.\n")
        .append(roundCount < 2 ? "" : "- Rounds: every K is run in each of the " + roundCount + " rounds, the K "
            + "taking turns (ascending in odd rounds, descending in even ones) and the endpoints too (ours first in "
            + "odd rounds, the bare endpoint first in even ones), so that the database's growth and the machine's "
            + "drift fall on each K and each endpoint alike; a K's figures are its rounds' sums (requests over "
            + "seconds, latencies pooled, the slowest round's letters), and the K where the bare endpoint stops "
            + "growing is read on those.\n")
        .append("- After the warm-up the harness waits, without load, until at most ").append(JitQueue.SETTLED)
        .append(" methods wait for the JIT compiler (`jcmd Compiler.queue`, through the JDK's `DiagnosticCommand` ")
        .append("MBean; at most ").append(jitWaitMaxSeconds).append(" s): on two cores its one C2 thread fell ")
        .append("hundreds of the desk's methods behind, and ours' first measured phase ran their first-tier code. ")
        .append("Each phase's line in the log gives the compiler's time during it (`CompilationMXBean`).\n")
        .append("- After the warm-up the database is analysed (`ANALYZE`), as a running desk's database is: the first "
            + "phase does not plan on the statistics of the emptied database. The warm-up runs ours and the bare "
            + "endpoint twice each, half the warm-up time each time, under the profiler from its first request, "
            + "as every measured phase is: the JVM's first flight recording throws away every compiled method "
            + "(the JDK's classes it instruments are redefined; until session 24 that happened at the start of the "
            + "warm-up's second round, and ours' first measured phase spent most of its 30 s in the compiler).\n")
        .append("- CPU per accepted request: the CPU time this JVM (the desk, the clients, the SMTP server) and ")
        .append("PostgreSQL's processes for this database (`/proc`) used while the clients posted, divided by the ")
        .append("accepted requests: the POSTs, the staff's tasks and what the job executor and the outbox did of the ")
        .append("letters meanwhile. Unlike the rate it does not fall when other work on the machine takes the cores.\n")
        .append("- Letters sent: from the outbox (`outbound_letter.sent_at`, `letter_document.pdf`) of the ")
        .append("phase's requests; the clock runs from the phase's first POST.\n\n")
        .append("| K | endpoint | accepted requests/s | POST p50 / p95 / p99 (ms) | document p95 (ms) | refused | ")
        .append("staff tasks completed | CPU per accepted request, JVM / PostgreSQL (ms) | every acknowledgement and ")
        .append("confirmation sent |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Phase[] perK : byK) {
      for (Phase phase : perK) {
        page.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f / %.1f / %.1f | %.1f | %s | %d | %s | %s |%n",
            phase.clients(), phase.target() == Target.OURS ? "ours" : "bare", phase.acceptedPerSecond(),
            phase.posts().percentileMillis(50), phase.posts().percentileMillis(95),
            phase.posts().percentileMillis(99), phase.documents().percentileMillis(95),
            phase.refused().isEmpty() ? "none" : phase.refused().toString(), phase.tasksCompleted(),
            phase.cpuPerRequest(), phase.drain().text()));
      }
    }
    if (roundCount > 1) {
      page.append("\nIntake ratio by round: ").append(roundRatios.entrySet().stream()
          .map(entry -> "K = " + entry.getKey() + ": " + ratios(entry.getValue()))
          .collect(java.util.stream.Collectors.joining("; "))).append(".\n");
    }
    String where = kneeReached(byK)
        ? String.format(Locale.ROOT, "The bare endpoint's throughput stops growing (less than 10%% more than the K "
            + "before) at **K = %d**; there", knee[0].clients())
        : byK.size() < 2 ? String.format(Locale.ROOT, "One K was run (**K = %d**); there", knee[0].clients())
        : String.format(Locale.ROOT, "The bare endpoint's throughput still grows at the largest K run (**K = %d**: "
            + "%.0f%% more than at K = %d), so the K where it stops growing lies beyond this run; at K = %d",
            knee[0].clients(), 100 * (knee[1].acceptedPerSecond()
                / byK.get(byK.size() - 2)[1].acceptedPerSecond() - 1),
            byK.get(byK.size() - 2)[0].clients(), knee[0].clients());
    page.append(String.format(Locale.ROOT, "%n%s: **intake ratio: %.2f** (bare requests/s divided by ours; target: at "
        + "most 1.5), our POST p95 **%.1f ms** (target: under 200 ms).%n%n", where, ratio,
        knee[0].posts().percentileMillis(95)));
    page.append(String.format(Locale.ROOT, "Our code in the JFR profile of our phase at K = %d, recorded while the "
        + "clients posted (the letters' drain after the POSTs is not in it; `bench/run.sh` profiles a letter's cost) "
        + "(%d CPU samples, %s with a frame of ours; each sample counted for the frame of ours nearest its top):%n%n",
        frames == null ? 0 : clientCounts.stream().mapToInt(Integer::intValue).max().orElse(0), frames.samples(),
        frames.percent(frames.samplesInOurCode())))
        .append("| samples | share of all samples | frame |\n|---|---|---|\n");
    frames.top().forEach(frame -> page.append(String.format(Locale.ROOT, "| %d | %s | `%s` |%n", frame.getValue(),
        frames.percent(frame.getValue()), frame.getKey())));
    page.append('\n').append(String.format(Locale.ROOT,
        "Where each phase's CPU went at K = %d while the clients posted: ", profiledPhases[0].clients()))
        .append(JfrProfile.partsTable("accepted request", "bare", frames, profiledPhases[0].accepted(), bareFrames,
            profiledPhases[1].accepted()));
    if (burstPhase != null) {
      page.append(String.format(Locale.ROOT, "**Burst** of %d requests (submission stopped after %d s): %d submitted "
              + "by %d clients in %.1f s (%.1f/s; POST p50/p95/p99 %.1f / %.1f / %.1f ms; refused: %s); every "
              + "acknowledgement and e-mail confirmation of those submitted: %s (target: all %d within 10 minutes, one "
              + "node, `-Xmx512m`).%n%n", burst, burstLimitSeconds, burstPhase.accepted(),
          burstPhase.clients(), burstPhase.seconds(), burstPhase.acceptedPerSecond(),
          burstPhase.posts().percentileMillis(50), burstPhase.posts().percentileMillis(95),
          burstPhase.posts().percentileMillis(99),
          burstPhase.refused().isEmpty() ? "none" : burstPhase.refused().toString(), burstPhase.drain().text(),
          burst));
    }
    page.append("Heap: ").append(JVM.summary()).append(". E-mails received by the SMTP server: ")
        .append(received.get() + smtp.getReceivedMessages().length).append(". Load average at the end: ")
        .append(java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip()).append(".\n");
    return page.toString();
  }

  static void say(String format, Object... args) {
    LifecycleBenchmark.say(format, args);
  }

  static String ratios(List<Double> ratios) {
    return ratios.stream().map(ratio -> String.format(Locale.ROOT, "%.2f", ratio))
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
