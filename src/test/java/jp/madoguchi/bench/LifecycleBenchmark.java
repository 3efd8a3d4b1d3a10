package jp.madoguchi.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives complete personal-data requests through the real models on PostgreSQL as the desk does, with K client
 * threads, and in the same run the same number of lifecycles of a bare model with the same user tasks and no
 * delegates. Reports (does not assert) throughput, latencies, database transactions per lifecycle and PostgreSQL's
 * own commit ceiling (pgbench), and writes them to {@code docs/performance.md}.
 *
 * <p>Run with {@code bench/run.sh} or {@code ./mvnw test -Pbench}; settings are system properties:
 * {@code bench.lifecycles} (N, default 40), {@code bench.threads} (K, 4), {@code bench.warmup} (3000),
 * {@code bench.warmup-turns} (3: the warm-up's lifecycles in that many turns of the three models),
 * {@code bench.rounds} (3: the N lifecycles of each model in that many rounds, the models taking turns),
 * {@code bench.pgbench-seconds} (10), {@code bench.report} ({@code docs/performance.md}, empty: none).
 */
@Tag("bench")
@SpringBootTest
@ActiveProfiles({"test", "postgres", "bench"})
class LifecycleBenchmark {

  static final String BARE_PROCESS = "BenchBareUserTasks";
  static final String DESK_GROUP = DeskGroups.PRIVACY_DESK;

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  /** An SMTP port of our own: 3025 (the test profile's) may be in use by another build on the same machine. */
  static final int SMTP_PORT = freePort();

  static final JvmFigures JVM = JvmFigures.watch();

  final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailToOurServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", () -> SMTP_PORT);
  }

  static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  final int lifecycles = Integer.getInteger("bench.lifecycles", 40);
  final int threads = Integer.getInteger("bench.threads", 4);
  /**
   * Lifecycles of each model run before measuring. The JIT compiler is still at work on the desk's paths (PDF,
   * FEEL, mail) for tens of lifecycles: with 8, a run measured it compiling (ratio 5.50 where 60 gave 4.74).
   */
  final int warmup = Integer.getInteger("bench.warmup", 3000);
  /**
   * Turns the warm-up's lifecycles run in, the models taking turns as in the measured rounds. With one turn (ours'
   * 3000, then the skeleton's and the bare model's) ours' first measured phase still compiled for 8.6 s, its later
   * ones for 1.7 and 1.0 s (session 30): code the models share re-compiled for ours' types once more.
   */
  final int warmupTurns = Math.max(1, Integer.getInteger("bench.warmup-turns", 3));
  JitQueue.Wait jitWait;
  final int pgbenchSeconds = Integer.getInteger("bench.pgbench-seconds", 10);
  /**
   * Rounds the N lifecycles of each model are run in, ours, the skeleton's and the bare model's taking turns: what
   * drifts during a run (the machine's other load, the database's tables and statistics) falls on every model
   * alike instead of on whichever ran first or last, and the ratio of each round shows how far one run's figure
   * can be trusted. Until session 17 one round; the first run with three read 1.88, 1.75 and 1.48 on one code.
   */
  final int rounds = Math.max(1, Integer.getInteger("bench.rounds", 3));
  final long statsSettleMillis = Long.getLong("bench.stats-settle-millis", 11_000);

  /** One model's measured phase in a round. */
  interface MeasuredPhase {
    void run() throws Exception;
  }

  /** A model's turn in a round. */
  record Turn(String model, MeasuredPhase phase) {}

  /** One complete lifecycle: the tasks, in order, with the variables their forms submit. */
  interface Lifecycle {
    void run(int number, Measures measures) throws Exception;
  }

  /** What one phase measured. */
  record Measures(Latencies completions, Latencies tasklist, AtomicInteger completed) {
    static Measures create() {
      return new Measures(new Latencies(), new Latencies(), new AtomicInteger());
    }

    /** The measures of several phases as one. */
    static Measures of(List<Measures> parts) {
      Measures all = create();
      for (Measures part : parts) {
        all.completions().addAll(part.completions());
        all.tasklist().addAll(part.tasklist());
        all.completed().addAndGet(part.completed().get());
      }
      return all;
    }
  }

  /** A phase's figures. */
  record Phase(String name, int lifecycles, double seconds, Measures measures, DatabaseWork work, double[] cpu,
      double compilerSeconds) {
    /** CPU per lifecycle in ms: this JVM (the desk and its SMTP server) and PostgreSQL (-1: not on this machine). */
    String cpuPerLifecycle() {
      return String.format(Locale.ROOT, "%.0f / %s", cpu[0], cpu[1] < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f",
          cpu[1]));
    }

    double lifecyclesPerSecond() {
      return lifecycles / seconds;
    }

    /** JVM and PostgreSQL CPU per lifecycle together in ms, or NaN when PostgreSQL's is not known. */
    double cpuTogether() {
      return cpu[1] < 0 ? Double.NaN : cpu[0] + cpu[1];
    }

    double completionsPerSecond() {
      return measures.completed().get() / seconds;
    }

    double transactionsPerLifecycle() {
      return (double) work.commits() / lifecycles;
    }

    /** Statements sent per lifecycle ({@link Statements}), or "n/a". */
    String statementsPerLifecycle() {
      return work.statements().perLifecycle(lifecycles);
    }

    /** Rows inserted / updated / deleted per lifecycle: the writes of the phase, steadier than its CPU. */
    String rowsWrittenPerLifecycle() {
      return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", (double) work.inserted() / lifecycles,
          (double) work.updated() / lifecycles, (double) work.deleted() / lifecycles);
    }

    /** The rounds of one model as one phase: their lifecycles, time, transactions and CPU added up. */
    static Phase of(String name, List<Phase> rounds) {
      int lifecycles = rounds.stream().mapToInt(Phase::lifecycles).sum();
      double jvm = rounds.stream().mapToDouble(round -> round.cpu()[0] * round.lifecycles()).sum() / lifecycles;
      double postgres = rounds.stream().anyMatch(round -> round.cpu()[1] < 0) ? -1
          : rounds.stream().mapToDouble(round -> round.cpu()[1] * round.lifecycles()).sum() / lifecycles;
      return new Phase(name, lifecycles, rounds.stream().mapToDouble(Phase::seconds).sum(),
          Measures.of(rounds.stream().map(Phase::measures).toList()),
          rounds.stream().map(Phase::work).reduce(DatabaseWork.NONE, DatabaseWork::plus), new double[] {jvm, postgres},
          rounds.stream().mapToDouble(Phase::compilerSeconds).sum());
    }
  }

  /** The stand-in for our delegates, listeners and bean expressions in the skeleton (this context only). */
  @TestConfiguration
  static class SkeletonBeans {
    @Bean(SkeletonStub.BEAN)
    SkeletonStub skeletonStub() {
      return new SkeletonStub(Date.from(SKELETON_DATE.toInstant()));
    }
  }

  /** The skeleton's fixed date for every timer and due date: far enough ahead that none falls due in a run. */
  static final ZonedDateTime SKELETON_DATE = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(60)
      .atStartOfDay(ZoneId.of("Asia/Tokyo"));

  Skeleton.Derived skeleton;

  /** How many tables the page's comparison of rows written lists. */
  static final int TABLES_COMPARED = 20;

  @Test
  void ourModelsAgainstTheirSkeletonAndABareModel() throws Exception {
    smtp.start();
    try {
      engine.getRepositoryService().createDeployment().name("bench-bare")
          .addModelInstance(BARE_PROCESS + ".bpmn", bareModel()).enableDuplicateFiltering(true).deploy();
      deploySkeleton();
      say("warm-up: %d lifecycles of each in %d turns", warmup, warmupTurns);
      // under the profiler from its first lifecycle, as every measured phase is: the JVM's first flight recording
      // throws away every compiled method (JfrProfile.start), so it must come before what the warm-up compiles
      try (JfrProfile warmupProfile = JfrProfile.start(Path.of("target", "bench-warm-up.jfr"))) {
        // the models take turns as in the measured rounds: code the three share (the engine's, the JDBC driver's)
        // is compiled for all of their types before measuring, not re-compiled in the first measured phase after
        // the other two models' warm-up
        for (int turn = 1; turn <= warmupTurns; turn++) {
          int count = warmup * turn / warmupTurns - warmup * (turn - 1) / warmupTurns;
          phase("warm-up ours, turn " + turn, count, this::ourLifecycle);
          awaitLettersSent();
          phase("warm-up skeleton, turn " + turn, count, this::skeletonLifecycle);
          phase("warm-up bare, turn " + turn, count, this::bareLifecycle);
        }
        warmupProfile.stopAndRead(0);
      }
      // ours' code is far larger than the skeleton's: the compiler's backlog is left to drain (JitQueue)
      jitWait = JitQueue.await(JitQueue.SETTLED, JitQueue.MAX_WAIT_SECONDS);
      say("warm-up: %s", jitWait.text());
      // as a running desk's database is, and as the intake's harness does: the first round does not plan on the
      // statistics of the emptied database's first minute
      jdbc.sql("ANALYZE").update();

      List<Phase> ourRounds = new ArrayList<>();
      List<Phase> skeletonRounds = new ArrayList<>();
      List<Phase> bareRounds = new ArrayList<>();
      List<Double> roundRatios = new ArrayList<>();
      List<Double> roundCompilers = new ArrayList<>();
      JfrProfile.Frames[] allFrames = {JfrProfile.Frames.NONE};
      JfrProfile.Frames[] skeletonFrames = {JfrProfile.Frames.NONE};
      int[] received = {0};
      List<String> orders = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        int count = lifecycles * round / rounds - lifecycles * (round - 1) / rounds;
        int r = round;
        // the same profiler runs in every phase, so that its cost is in every figure alike
        List<Turn> turns = List.of(
            new Turn("ours", () -> {
              JfrProfile profile = JfrProfile.start(Path.of("target", "bench-ours-" + r + ".jfr"));
              ourRounds.add(phase("Madoguchi models, round " + r, count, this::ourLifecycle));
              allFrames[0] = allFrames[0].plus(profile.stopAndRead(Integer.MAX_VALUE));
              profile.close();
              received[0] = awaitLettersSent();
            }),
            new Turn("skeleton", () -> {
              JfrProfile profile = JfrProfile.start(Path.of("target", "bench-skeleton-" + r + ".jfr"));
              skeletonRounds.add(phase("skeleton of our models, round " + r, count, this::skeletonLifecycle));
              skeletonFrames[0] = skeletonFrames[0].plus(profile.stopAndRead(0));
              profile.close();
            }),
            new Turn("bare", () -> {
              JfrProfile profile = JfrProfile.start(Path.of("target", "bench-bare-" + r + ".jfr"));
              bareRounds.add(phase("bare model, round " + r, count, this::bareLifecycle));
              profile.stopAndRead(0);
              profile.close();
            }));
        // each round starts with the next model (ours, then the skeleton, then the bare model first): a model is not
        // always the one measured right after the warm-up, or right after another's letters were drained
        List<String> order = new ArrayList<>();
        for (int turn = 0; turn < turns.size(); turn++) {
          Turn next = turns.get((round - 1 + turn) % turns.size());
          order.add(next.model());
          next.phase().run();
        }
        orders.add(String.join(", ", order));
        double ourRate = ourRounds.get(round - 1).lifecyclesPerSecond();
        double skeletonRate = skeletonRounds.get(round - 1).lifecyclesPerSecond();
        roundRatios.add(skeletonRate / ourRate);
        say("round %d of %d: ours %.2f, skeleton %.2f, bare %.2f lifecycles/s: skeleton ratio %.2f (the JIT "
            + "compiler's time in each phase: %.1f / %.1f / %.1f s)", round, rounds, ourRate, skeletonRate,
            bareRounds.get(round - 1).lifecyclesPerSecond(), skeletonRate / ourRate,
            ourRounds.get(round - 1).compilerSeconds(), skeletonRounds.get(round - 1).compilerSeconds(),
            bareRounds.get(round - 1).compilerSeconds());
        roundCompilers.add(ourRounds.get(round - 1).compilerSeconds());
      }
      JfrProfile.Frames frames = allFrames[0].top(10);
      Phase ours = Phase.of("Madoguchi models", ourRounds);
      Phase skeletonPhase = Phase.of("skeleton of our models", skeletonRounds);
      Phase bare = Phase.of("bare model", bareRounds);
      Ceiling ceiling = pgbench();

      double skeletonRatio = skeletonPhase.lifecyclesPerSecond() / ours.lifecyclesPerSecond();
      double ratio = bare.lifecyclesPerSecond() / ours.lifecyclesPerSecond();
      for (Phase phase : List.of(ours, skeletonPhase, bare)) {
        say("%s: %d lifecycles in %.1f s = %.2f lifecycles/s, %.1f task completions/s; completion p50/p95/p99 "
            + "%.1f/%.1f/%.1f ms; Tasklist first page p50/p95/p99 %.1f/%.1f/%.1f ms; %.1f DB transactions/lifecycle; "
            + "rows written/lifecycle (inserted / updated / deleted) %s; statements/lifecycle %s; CPU per lifecycle "
            + "(JVM / PostgreSQL) %s ms; the JIT compiler's time %.1f s",
            phase.name(), phase.lifecycles(), phase.seconds(), phase.lifecyclesPerSecond(),
            phase.completionsPerSecond(), ms(phase, 50), ms(phase, 95), ms(phase, 99), query(phase, 50),
            query(phase, 95), query(phase, 99), phase.transactionsPerLifecycle(), phase.rowsWrittenPerLifecycle(),
            phase.statementsPerLifecycle(), phase.cpuPerLifecycle(), phase.compilerSeconds());
      }
      say("rows written per lifecycle where ours and the skeleton differ most:%n%s",
          tablesCompared(ours, skeletonPhase));
      say("statements per lifecycle where ours and the skeleton differ most:%n%s",
          statementsCompared(ours, skeletonPhase));
      say("skeleton: %s", skeleton.replaced());
      say("JFR, our phase: %d samples, %s with a frame of our code; top frames of ours:", frames.samples(),
          frames.percent(frames.samplesInOurCode()));
      frames.top().forEach(frame -> say("  %6d  %6s  %s", frame.getValue(), frames.percent(frame.getValue()),
          frame.getKey()));
      say("mails received by the SMTP server since start: %d", received[0]);
      say("pgbench: %s", ceiling);
      say("skeleton ratio: %.2f", skeletonRatio);
      say("cost ratio: %.2f (bare model, for information)", ratio);
      say("CPU ratio: %.2f (ours' JVM and PostgreSQL CPU per lifecycle over the skeleton's, for information)",
          ours.cpuTogether() / skeletonPhase.cpuTogether());
      say("heap: %s", JVM.summary());
      String report = System.getProperty("bench.report", "docs/performance.md");
      if (!report.isBlank()) {
        writeBetweenMarkers(Path.of(report), page(ours, skeletonPhase, bare, skeletonRatio, ratio, frames,
            skeletonFrames[0], ceiling, received[0], roundRatios, roundCompilers, orders));
        say("wrote %s", report);
      }
    } finally {
      smtp.stop();
    }
  }

  /** Derives the skeleton from processes/*.bpmn and deploys it, with the forms its user tasks name. */
  void deploySkeleton() throws IOException {
    skeleton = Skeleton.derive(Path.of("processes"),
        name -> !name.equals(SkeletonStub.BEAN) && context.containsBean(name),
        SKELETON_DATE.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    var deployment = engine.getRepositoryService().createDeployment().name("bench-skeleton")
        .enableDuplicateFiltering(true);
    skeleton.models().forEach(deployment::addModelInstance);
    try (var forms = Files.newDirectoryStream(Path.of("forms"), "*.form")) {
      for (Path form : forms) {
        deployment.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    deployment.deploy();
    say("skeleton deployed: %s; replaced: %s", skeleton.processKeys(), skeleton.replaced());
  }

  // ---------------------------------------------------------------------------------------------- the lifecycles

  /** A disclosure request with a fee, from registration to the reply: five tasks, four letters (one confirms the
   * requester's address). */
  void ourLifecycle(int number, Measures measures) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    record Started(DeskRequest request, String processInstanceId) {}
    Started started = new TransactionTemplate(transactionManager).execute(status -> {
      // one transaction, as the intake does it: registered and started, or neither
      DeskRequest registered = TestRequests.request(register).arrivedOn(today).register();
      return new Started(registered, starter.start(registered).getId());
    });
    DeskRequest request = started.request();
    ProcessDriver desk = ProcessDriver.ofRoot(engine, request.reference(), started.processInstanceId()).runJobs();
    // the requester confirms the address with the link the receipt's e-mail carries, or the reply would wait for
    // it; until session 17 the benchmark queued an e-mail of its own for this, a fifth e-mail the desk never sends
    new ConfirmedAddresses(context).confirmWithTheReceiptsLink(request.id());
    for (Step step : ourSteps(today)) {
      if (step.task().equals(IdentityVerificationProcess.Elements.VERIFY_IDENTITY)) {
        // staff record the address on the identity document before they complete the verification
        TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
      }
      work(desk, step.task(), step.values(), measures);
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PersonalDataRequestProcess.KEY)
        .processInstanceBusinessKey(request.reference()).count() != 0) {
      throw new IllegalStateException("request " + request.reference() + " did not end; the benchmark is wrong");
    }
  }

  /**
   * The skeleton of our models: the same start variables as the intake gives (the request's number and reference
   * under the skeleton's names), the same tasks with the same variables, the same jobs run the same way.
   */
  void skeletonLifecycle(int number, Measures measures) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    String businessKey = "SKELETON-" + UUID.randomUUID();
    Map<String, Object> variables = new HashMap<>();
    variables.put(Skeleton.RENAMED_PREFIX + "requestId", 1_000_000L + number);
    variables.put(Skeleton.RENAMED_PREFIX + "reference", businessKey);
    variables.put("arrivedOn", today.toString());
    variables.put("personalInformationKind", "ORDINARY");
    variables.put("deskGroup", DESK_GROUP);
    variables.put("requestType", "DISCLOSURE");
    variables.put("requesterKind", "PRINCIPAL");
    variables.put("disclosureMethod", "ELECTRONIC");
    String instance = engine.getRuntimeService().startProcessInstanceByKey(
        Skeleton.KEY_PREFIX + PersonalDataRequestProcess.KEY, businessKey, variables).getId();
    ProcessDriver desk = ProcessDriver.ofRoot(engine, businessKey, instance).runJobs();
    for (Step step : ourSteps(today)) {
      work(desk, step.task(), step.values(), measures);
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("skeleton " + businessKey + " did not end; the skeleton is wrong");
    }
  }

  /** The bare model: the same number of user tasks, the same variables, nothing else. */
  void bareLifecycle(int number, Measures measures) throws Exception {
    String businessKey = "BARE-" + UUID.randomUUID();
    String instance = engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS, businessKey).getId();
    ProcessDriver desk = ProcessDriver.ofRoot(engine, businessKey, instance);
    List<Step> steps = ourSteps(LocalDate.now(ZoneId.of("Asia/Tokyo")));
    for (int i = 0; i < steps.size(); i++) {
      work(desk, "Task_Step" + (i + 1), steps.get(i).values(), measures);
    }
  }

  record Step(String task, Map<String, Object> values) {}

  /** The happy path of a disclosure, with the values the forms submit (as in PersonalDataRequestProcessTest). */
  static List<Step> ourSteps(LocalDate today) {
    Map<String, Object> investigation = new HashMap<>(Map.of("dataFound", true));
    investigation.put("dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\",\"CALL_RECORDINGS\"]"));
    return List.of(
        new Step(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE")),
        new Step(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType", "DRIVERS_LICENCE",
            "identityMismatch", false)),
        new Step(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
            "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", today.toString())),
        new Step(PersonalDataRequestProcess.Elements.INVESTIGATE, investigation),
        new Step(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL")));
  }

  /**
   * What a member of the desk does for one task: opens the group's first Tasklist page, completes the task, and
   * then the job executor's share: the request's due jobs (run in this thread, by the job executor's command).
   */
  void work(ProcessDriver desk, String taskKey, Map<String, Object> values, Measures measures) {
    TaskService tasks = engine.getTaskService();
    IdentityService identity = engine.getIdentityService();
    String taskId = desk.task(taskKey).getId();
    identity.setAuthentication("bench-desk-" + Thread.currentThread().getId(), List.of(DESK_GROUP));
    try {
      long start = System.nanoTime();
      tasks.createTaskQuery().taskCandidateGroup(DESK_GROUP).orderByDueDate().asc().listPage(0, 15);
      measures.tasklist().add(System.nanoTime() - start);
      start = System.nanoTime();
      tasks.complete(taskId, values);
      measures.completions().add(System.nanoTime() - start);
      measures.completed().incrementAndGet();
    } finally {
      identity.clearAuthentication();
    }
    desk.runJobs();
  }

  static BpmnModelInstance bareModel() {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_PROCESS).name("Bench bare user tasks")
        .camundaHistoryTimeToLive(1).startEvent("Event_Started");
    for (int i = 1; i <= ourSteps(LocalDate.now()).size(); i++) {
      flow = flow.userTask("Task_Step" + i).name("Step " + i).camundaCandidateGroups(DESK_GROUP);
    }
    return flow.endEvent("Event_Ended").done();
  }

  // ---------------------------------------------------------------------------------------------------- phases

  Phase phase(String name, int count, Lifecycle lifecycle) throws Exception {
    DatabaseWork before = databaseWork();
    Measures measures = Measures.create();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    CpuTime cpuBefore = CpuTime.now();
    long compilerBefore = IntakeBenchmark.compilationMillis();
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(clients.submit(() -> {
          for (int number = next.getAndIncrement(); number < count; number = next.getAndIncrement()) {
            lifecycle.run(number, measures);
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      // a lifecycle's letters are part of its cost: the clock stops when the last of them has been sent
      awaitOutboxEmpty(20);
    } finally {
      clients.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] cpu = CpuTime.now().perLifecycleMillis(cpuBefore, count);
    double compilerSeconds = (IntakeBenchmark.compilationMillis() - compilerBefore) / 1000.0;
    return new Phase(name, count, seconds, measures, databaseWork().minus(before), cpu, compilerSeconds);
  }

  /** What the database has committed so far: transactions, and rows inserted, updated and deleted (in all). */
  record DatabaseWork(long commits, long inserted, long updated, long deleted, TableWrites tables,
      Statements statements) {
    static final DatabaseWork NONE = new DatabaseWork(0, 0, 0, 0, TableWrites.NONE, Statements.ZERO);

    DatabaseWork plus(DatabaseWork other) {
      return new DatabaseWork(commits + other.commits, inserted + other.inserted, updated + other.updated,
          deleted + other.deleted, tables.plus(other.tables), statements.plus(other.statements));
    }

    DatabaseWork minus(DatabaseWork earlier) {
      return new DatabaseWork(commits - earlier.commits, inserted - earlier.inserted, updated - earlier.updated,
          deleted - earlier.deleted, tables.minus(earlier.tables), statements.minus(earlier.statements));
    }
  }

  /** The database's work so far, once every connection's pending statistics are flushed. */
  DatabaseWork databaseWork() throws InterruptedException {
    // PostgreSQL 15 flushes an idle backend's statistics within 10 s (PGSTAT_IDLE_INTERVAL)
    Thread.sleep(statsSettleMillis);
    return new TransactionTemplate(transactionManager).execute(status -> {
      // one snapshot of the statistics for both reads (PostgreSQL keeps it until the transaction ends)
      jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
      TableWrites tables = TableWrites.read(jdbc);
      Statements statements = Statements.read(jdbc);
      return jdbc.sql("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database"
              + " WHERE datname = current_database()")
          .query((rs, n) -> new DatabaseWork(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), tables,
              statements))
          .single();
    });
  }

  /** Waits (up to two minutes) until no e-mail of the outbox is left to send. */
  void awaitOutboxEmpty(long pollMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline && jdbc.sql(
        "SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL' AND status <> 'SENT'").query(Long.class)
        .single() > 0) {
      Thread.sleep(pollMillis);
    }
  }

  /** E-mails the SMTP server received in earlier phases, whose copies were dropped to keep the heap for the desk. */
  int receivedBefore;

  /**
   * Waits until every e-mail of the outbox was sent, checks them, and empties the SMTP server's store; returns
   * what the server received since start.
   */
  int awaitLettersSent() throws Exception {
    awaitOutboxEmpty(200);
    Map<String, Integer> byLetter = new java.util.TreeMap<>();
    java.util.Set<String> messageIds = new java.util.HashSet<>();
    for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
      byLetter.merge(message.getHeader("X-Madoguchi-Letter", null) + " to "
          + java.util.Arrays.toString(message.getAllRecipients()), 1, Integer::sum);
      messageIds.add(message.getMessageID());
    }
    int received = smtp.getReceivedMessages().length;
    receivedBefore += received;
    say("outbox e-mails since start: %d; received since start: %d; this phase: %d messages (one per recipient), "
        + "%d distinct Message-IDs; by letter: %s",
        jdbc.sql("SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL'").query(Long.class).single(),
        receivedBefore, received, messageIds.size(), byLetter);
    smtp.purgeEmailFromAllMailboxes();
    return receivedBefore;
  }

  // ---------------------------------------------------------------------------------------------------- pgbench

  record Ceiling(double simpleUpdateTps, double tpcbTps, int clients, int seconds) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f tps (-N, simple update), %.0f tps (tpcb-like), %d clients, %d s each",
          simpleUpdateTps, tpcbTps, clients, seconds);
    }
  }

  Ceiling pgbench() throws IOException, InterruptedException {
    String database = jdbc.sql("SELECT current_database()").query(String.class).single();
    int clients = 4;
    try {
      command("pgbench", "-i", "-q", "-s", "1", database);
      double simple = tps(command("pgbench", "-n", "-c", "" + clients, "-j", "2", "-T", "" + pgbenchSeconds, "-N",
          database));
      double tpcb = tps(command("pgbench", "-n", "-c", "" + clients, "-j", "2", "-T", "" + pgbenchSeconds,
          database));
      return new Ceiling(simple, tpcb, clients, pgbenchSeconds);
    } finally {
      command("pgbench", "-i", "-I", "d", database);
    }
  }

  static double tps(String output) {
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench's output: " + output);
    }
    return Double.parseDouble(tps.group(1));
  }

  static String command(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.putIfAbsent("PGHOST", System.getenv().getOrDefault("MADOGUCHI_DB_HOST", "127.0.0.1"));
    env.putIfAbsent("PGPORT", System.getenv().getOrDefault("MADOGUCHI_DB_PORT", "5432"));
    env.putIfAbsent("PGUSER", System.getenv().getOrDefault("MADOGUCHI_DB_USER", "madoguchi"));
    env.putIfAbsent("PGPASSWORD", System.getenv().getOrDefault("MADOGUCHI_DB_PASSWORD", "madoguchi"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  // ------------------------------------------------------------------------------------------------------ report

  String page(Phase ours, Phase skeletonPhase, Phase bare, double skeletonRatio, double ratio,
      JfrProfile.Frames frames, JfrProfile.Frames skeletonFrames, Ceiling ceiling, int received,
      List<Double> roundRatios, List<Double> roundCompilers, List<String> orders) throws Exception {
    String historyLevel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryLevel().getName();
    StringBuilder page = new StringBuilder();
    page.append("Measured ").append(ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(" with `bench/run.sh` (").append(lifecycles).append(" lifecycles of each model in ").append(rounds)
        .append(" rounds, ").append(threads).append(" client threads, ").append(warmup)
        .append(" warm-up lifecycles of each not counted). ")
        .append("Re-run it to regenerate this page; figures from a 2-core machine with small N are indicative only. ")
        .append("Load average of the machine when the run began: ").append(LOAD_AT_START)
        .append(" (other work on the machine makes the figures noisy; the machine section gives it at the end).\n\n")
        .append("## Method\n\n")
        .append("- One application context (the whole desk, profile `postgres`) on the database `madoguchi_bench`, ")
        .append("emptied by `bench/run.sh` before the run; history level `").append(historyLevel).append("`; ")
        .append("authorization checks on; e-mail to an SMTP server in the JVM (GreenMail).\n")
        .append("- **Ours**: a disclosure request with a fee, registered and started in one transaction as the ")
        .append("intake does, then its five user tasks (check request, verify identity, confirm fee payment, ")
        .append("investigate, decide) completed through the engine's `TaskService` with the variables their forms ")
        .append("submit, until the request is closed and its reply sent: three letters (acknowledgement, fee ")
        .append("request, disclosure), each composed with its PDF in an asynchronous step and e-mailed after ")
        .append("commit, and the e-mail with the link that confirms the address (sent with the receipt; the ")
        .append("requester's use of it is a link drawn for that e-mail and confirmed, in one transaction, once the ")
        .append("receipt's step has run).\n")
        .append("- **Skeleton**: our models as the harness derives them when it runs (`Skeleton`: ")
        .append("`Bpmn.readModelFromStream` over `processes/*.bpmn`, no copy kept), deployed under the keys `")
        .append(Skeleton.KEY_PREFIX).append("...` on the same engine (same history level, authorization, tenant ")
        .append("provider and engine plugins): the same processes, call activities, gateways, timers, decisions, ")
        .append("asynchronous points and user tasks, with every delegate, listener and bean expression of ours ")
        .append("replaced by a stub (`SkeletonStub`) that only sets what the models read on this path (fixed dates ")
        .append("for timers and due dates, fixed routing values); no letter composed, nothing written to our tables. ")
        .append("The engine plugins' listeners on every user task (presentation, case notes) find no request in the ")
        .append("skeleton (its request number and reference are carried under other names) and return at once; the ")
        .append("candidate-group guard runs for both. Replaced: ").append(replacedText()).append(".\n")
        .append("- **Bare**: a model of five user tasks and nothing else (no delegates, listeners, DMN, call ")
        .append("activities or timers), completed with the same variables, same engine, same database; its ratio ")
        .append("is given for information (it measures the size of our models as much as our code).\n")
        .append("- Each client thread, for every task: opens the Tasklist's first page for `privacy-desk` ")
        .append("(`taskCandidateGroup(\"privacy-desk\").orderByDueDate().asc().listPage(0, 15)`, authenticated as a ")
        .append("member of the group), completes the task (timed), then runs the request's due jobs itself with the ")
        .append("job executor's command (`ManagementService.executeJob`), found with one query by the request's root ")
        .append("process instance (its called processes' jobs too): the job executor is off, so that all of a ")
        .append("lifecycle's work is in the measured threads. The letters are sent by the application's sender, ")
        .append("as in production; a phase's clock stops when the last lifecycle has ended **and** the outbox has ")
        .append("sent its last e-mail.\n")
        .append("- Rounds: the ").append(lifecycles).append(" lifecycles of each model run in ").append(rounds)
        .append(" rounds, the models taking turns in each, each round starting with the next model (")
        .append(String.join("; ", orders)).append("), so that what drifts during a run (the machine's other load, ")
        .append("the tables' growth) falls on each model alike, and no model is always the one measured first after ")
        .append("the warm-up; each round's ratio is given, and the figures are the rounds' sums.\n")
        .append("- Warm-up: ").append(warmup).append(" lifecycles of each model first, in ").append(warmupTurns)
        .append(" turns of the three models as in the rounds, so that the JIT compiler ")
        .append("has compiled the paths it measures (a desk's running cost, not its JVM's first hour), under ")
        .append("the profiler as the measured phases are (the JVM's first flight recording throws away every ")
        .append("compiled method: until session 15 that fell on our phase). The letters' code (PDFBox, FontBox, ")
        .append("the templates, Jakarta Mail) runs a few times per letter, so its methods reach the thresholds of ")
        .append("the compiler's optimising tier (5,000 calls) only after thousands of letters: with 40 lifecycles ")
        .append("of warm-up (until session 28) ours' measured phases compiled for 17-23 s each, about a third of ")
        .append("the JVM's CPU, and the skeleton's for 10 s; with 1000 (sessions 29-30) ours' three phases still ")
        .append("compiled for 24-26 s together (the engine's, the JDBC driver's, Jackson's and java.time's methods ")
        .append("among the letters'), with 3000 for 11 s, 8.6 s of it in the first (ours' 3000, then the ")
        .append("others' 6000: the code the models share compiled once more for ours' types); in turns since ")
        .append("session 31. Then the harness waits, without load, ")
        .append("until at most ")
        .append(JitQueue.SETTLED).append(" methods wait for the JIT compiler (`JitQueue`; ")
        .append(jitWait.text()).append("), and the database is analysed (`ANALYZE`), as a running desk's ")
        .append("database is.\n")
        .append("- Transactions: `pg_stat_database.xact_commit` of the database before and after each phase (after ")
        .append("waiting ").append(statsSettleMillis / 1000).append(" s for the statistics to be flushed), divided ")
        .append("by the lifecycles. It counts every transaction PostgreSQL committed in that window: the engine's ")
        .append("read-only queries (each an autocommitted transaction), the letters' sending, the outbox's poll.\n")
        .append("- Rows written: `pg_stat_database`'s `tup_inserted`, `tup_updated` and `tup_deleted` over the same ")
        .append("window, divided by the lifecycles: every row the phase wrote (the engine's, ours, the outbox's), a ")
        .append("measure of work that the machine's other load does not move, where CPU time and rates do.\n")
        .append("- Statements: what `pg_stat_statements` counted for the benchmark's user in its database over the ")
        .append("same window (each statement's text with its values taken out; the harness's own readings of the ")
        .append("statistics left out), divided by the lifecycles: like the rows, a count the machine's load does not ")
        .append("move. Only where the server loads the extension (`shared_preload_libraries`; `bench/lib.sh` ")
        .append("creates it in the database when it may), otherwise n/a")
        .append(ours.work().statements().counted() ? "" : " (not counted in this run)").append(".\n")
        .append("- The JIT compiler's time: the JVM's `CompilationMXBean` over each phase (its threads' elapsed time, ")
        .append("waits for a core included): a phase that still compiles measures the compiler too.\n")
        .append("- CPU per lifecycle: the CPU time this JVM (the desk, the client threads and the SMTP server) and ")
        .append("PostgreSQL's processes on this machine (`/proc`) used during the phase, divided by its lifecycles.\n")
        .append("- Profile: Java Flight Recorder (`jdk.jfr.Recording`, CPU samples every 10 ms) during each measured ")
        .append("phase alike, read back with `jdk.jfr.consumer`; our phase's samples are attributed to the frame of ")
        .append("the desk's own code (`jp.madoguchi`, not the benchmark's driver) nearest the top of the stack.\n")
        .append("- PostgreSQL's commit ceiling: `pgbench` at scale 1 on the same database, ").append(ceiling.clients())
        .append(" clients, ").append(ceiling.seconds()).append(" s, simple update (`-N`) and tpcb-like.\n\n")
        .append(machine(jdbc, JVM, ""))
        .append("## Figures\n\n")
        .append("| | lifecycles/s | task completions/s | completion p50 / p95 / p99 (ms) | Tasklist first page p50 / p95 / p99 (ms) | DB transactions per lifecycle | statements per lifecycle | rows written per lifecycle (inserted / updated / deleted) | CPU per lifecycle, JVM / PostgreSQL (ms) | the JIT compiler's time (s) |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Phase phase : List.of(ours, skeletonPhase, bare)) {
      page.append(String.format(Locale.ROOT,
          "| %s | %.2f | %.1f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f | %s | %s | %s | %.1f |%n",
          phase.name(), phase.lifecyclesPerSecond(), phase.completionsPerSecond(), ms(phase, 50), ms(phase, 95),
          ms(phase, 99), query(phase, 50), query(phase, 95), query(phase, 99), phase.transactionsPerLifecycle(),
          phase.statementsPerLifecycle(), phase.rowsWrittenPerLifecycle(), phase.cpuPerLifecycle(),
          phase.compilerSeconds()));
    }
    page.append(String.format(Locale.ROOT, "%n**skeleton ratio: %.2f** (the skeleton's lifecycles/s divided by "
        + "ours; target: at most 1.3); by round: %s (the JIT compiler's time in our phase of each: %s s)%n%n",
        skeletonRatio, joined(roundRatios, "%.2f"), joined(roundCompilers, "%.1f")))
        .append(String.format(Locale.ROOT, "Bare-model ratio, for information: %.2f (the bare model's lifecycles/s "
            + "divided by ours).%n%n", ratio))
        .append(String.format(Locale.ROOT, "CPU ratio, for information: %.2f (ours' CPU per lifecycle, JVM and "
            + "PostgreSQL together, divided by the skeleton's: %.0f against %.0f ms; what the machine's other load "
            + "moves less than the rates).%n%n", ours.cpuTogether() / skeletonPhase.cpuTogether(),
            ours.cpuTogether(), skeletonPhase.cpuTogether()))
        .append("### Our code in the profile of our phase\n\n")
        .append(String.format(Locale.ROOT, "%d CPU samples, %s of them with a frame of our code; the ten frames of "
            + "ours nearest the top of the most samples:%n%n", frames.samples(),
            frames.percent(frames.samplesInOurCode())))
        .append("| samples | share of all samples | frame |\n|---|---|---|\n");
    frames.top().forEach(frame -> page.append(String.format(Locale.ROOT, "| %d | %s | `%s` |%n", frame.getValue(),
        frames.percent(frame.getValue()), frame.getKey())));
    page.append('\n').append("### Where ours writes more rows than the skeleton\n\n")
        .append("Rows written per lifecycle in the ").append(TABLES_COMPARED).append(" tables where ours and the ")
        .append("skeleton differ most, after the sums of all tables (`pg_stat_all_tables` over each phase, read ")
        .append("with the totals above; the TOAST tables, where PostgreSQL keeps a large value such as a letter's ")
        .append("PDF in rows of about 2 kB, named after their table). Of our ")
        .append("tables the skeleton writes only the open-task tally, which counts every task; in the engine's ")
        .append("tables the difference is the variables, jobs and history that our delegates and listeners add:\n\n")
        .append(tablesCompared(ours, skeletonPhase))
        .append('\n').append("### Where ours sends more statements than the skeleton\n\n");
    if (ours.work().statements().counted() && skeletonPhase.work().statements().counted()) {
      page.append("Statements per lifecycle (`pg_stat_statements`, see Method) of the ").append(STATEMENTS_COMPARED)
          .append(" kinds whose counts differ most, after the sums of all; each is a round trip to the database ")
          .append("or part of one (the engine's batches), and work for both the JVM and PostgreSQL:\n\n")
          .append(statementsCompared(ours, skeletonPhase));
    } else {
      page.append("Not counted in this run: the server does not load `pg_stat_statements` (see Method).\n");
    }
    page.append('\n').append("### Where each phase's samples go\n\n")
        .append(JfrProfile.partsTable("lifecycle", "skeleton", frames, ours.lifecycles(), skeletonFrames,
            skeletonPhase.lifecycles()))
        .append(String.format(Locale.ROOT, "PostgreSQL's commit ceiling on this machine: %s.%n%n", ceiling))
        .append(String.format(Locale.ROOT, "E-mails received by the SMTP server (warm-up and measured): %d.%n",
            received));
    return page.toString();
  }

  /** How many statements the page's comparison lists. */
  static final int STATEMENTS_COMPARED = 25;

  /** The statements whose counts per lifecycle differ most between ours and the skeleton, for the log and page. */
  static String statementsCompared(Phase ours, Phase skeletonPhase) {
    return Statements.comparison("ours", ours.work().statements(), ours.lifecycles(), "skeleton",
        skeletonPhase.work().statements(), skeletonPhase.lifecycles(), STATEMENTS_COMPARED);
  }

  static String joined(List<Double> values, String format) {
    return values.stream().map(value -> String.format(Locale.ROOT, format, value))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The tables where ours' rows written per lifecycle differ most from the skeleton's, for the log and the page. */
  static String tablesCompared(Phase ours, Phase skeletonPhase) {
    return TableWrites.comparison("ours", ours.work().tables(), ours.lifecycles(), "skeleton",
        skeletonPhase.work().tables(), skeletonPhase.lifecycles(), TABLES_COMPARED);
  }

  String replacedText() {
    StringBuilder text = new StringBuilder();
    skeleton.replaced().forEach((what, count) -> text.append(text.isEmpty() ? "" : "; ").append(what).append(" (")
        .append(count).append(')'));
    return text.toString();
  }

  /**
   * The page's "Machine" section: CPUs, Java, the heap's figures, PostgreSQL's version, the load average and the
   * memory when the page was written.
   */
  static String machine(JdbcClient jdbc, JvmFigures jvm, String cpuNote) throws IOException, InterruptedException {
    return new StringBuilder()
        .append("## Machine\n\n")
        .append("- CPUs (`nproc`): ").append(Runtime.getRuntime().availableProcessors()).append(cpuNote).append('\n')
        .append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append("; the JVM's options: `")
        .append(String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append("`\n")
        .append("- Heap: ").append(jvm.summary()).append('\n')
        .append("- PostgreSQL: ").append(jdbc.sql("SELECT version()").query(String.class).single())
        .append("; autovacuum ").append(jdbc.sql("SHOW autovacuum").query(String.class).single()).append('\n')
        .append("- Load average when the report was written (`/proc/loadavg`): ")
        .append(Files.readString(Path.of("/proc/loadavg")).strip())
        .append(" (the benchmark's own threads and PostgreSQL make up most of it on a quiet machine)\n\n")
        .append("```\n$ free -h\n").append(command("free", "-h").stripTrailing()).append("\n```\n\n")
        .toString();
  }

  static final String BEGIN = "<!-- bench:begin (generated by bench/run.sh; do not edit by hand) -->\n";
  static final String END = "<!-- bench:end -->\n";

  /**
   * Replaces the generated part of the page (between the markers) and keeps the rest, which is written by hand:
   * the notes on settings below the figures.
   */
  static void writeBetweenMarkers(Path report, String generated) throws IOException {
    ReportSection.write(report, BEGIN, END, "# Performance", generated);
  }

  static double ms(Phase phase, double p) {
    return phase.measures().completions().percentileMillis(p);
  }

  static double query(Phase phase, double p) {
    return phase.measures().tasklist().percentileMillis(p);
  }

  /** What else the machine was doing when the run began (/proc/loadavg's three averages). */
  static final String LOAD_AT_START = loadAverage();

  /** The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (java.io.IOException | RuntimeException unreadable) {
      return "unknown";
    }
  }

  static void say(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }
}
