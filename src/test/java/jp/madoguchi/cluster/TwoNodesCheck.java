package jp.madoguchi.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two nodes of the packaged application, each in its own JVM, on one PostgreSQL database, both with the job
 * executor on and both sending to one SMTP server (GreenMail, in this JVM, behind an {@link SmtpGate}). Requests are
 * submitted through both nodes' intake API, and a small model of one-second timers is deployed and started through
 * both nodes' REST API. Then it checks, from the database and the SMTP server, that every job (timers and the
 * models' asynchronous steps) succeeded exactly once and that every e-mail of the outbox arrived exactly once. A
 * second phase ({@link NodeDeathPhase}) kills one node while it holds job locks and letter claims, and checks that the
 * other finishes its work.
 *
 * <p>The nodes run with short recovery times, so that the second phase takes a minute or two: job locks expire
 * after {@code nodes.lock-millis} (default 15000; the engine's default is 5 minutes), a letter's claim goes stale
 * after {@code nodes.stale-claim} (default {@code PT60S}; the desk's default is 10 minutes), which is kept longer than
 * the SMTP read timeout {@code nodes.smtp-timeout-millis} (default 45000).
 *
 * <p>Run by {@code bench/two-nodes.sh} (a {@code main}) and by {@code TwoNodesIT} ({@code ./mvnw verify -Pcluster}).
 * Settings are system properties: {@code nodes.jar}, {@code nodes.db} (default {@code madoguchi_nodes}, emptied
 * first!), {@code nodes.requests} (default 20), {@code nodes.timers} (default 40), {@code nodes.ports}
 * (default {@code 18081,18082}), {@code nodes.death-requests} (default 10) and {@code nodes.death-timers} (default
 * 300) for the second phase.
 */
public final class TwoNodesCheck {

  static final String TIMER_PROCESS = "ClusterTimerCheck";
  static final String TIMER_EVENT = "Event_OneSecondPassed";
  /**
   * The engine's jobs and their log as the checks count them: without the history cleanup's one job, which the engine
   * schedules when a node starts and runs again and again in its nightly window (ADR 50), so that a check run then
   * would read it as a job run twice or left due.
   */
  static final String JOBS =
      "(SELECT * FROM act_ru_job WHERE handler_type_ IS DISTINCT FROM 'history-cleanup') AS jobs";
  static final String JOB_LOG =
      "(SELECT * FROM act_hi_job_log WHERE job_def_type_ IS DISTINCT FROM 'history-cleanup') AS job_log";
  private static final String ADMIN = "cluster-admin";
  private static final String ADMIN_PASSWORD = "Cluster-check-admin-" + UUID.randomUUID().toString().substring(0, 8);

  private final Path jar;
  private final String database;
  private final int requests;
  private final int timers;
  private final int[] ports;
  private final Path logs;
  private final String dbUser = System.getProperty("nodes.db.user", "madoguchi");
  private final String dbPassword = System.getProperty("nodes.db.password", "madoguchi");
  private final String dbHost = System.getProperty("nodes.db.host", "127.0.0.1");
  private final int lockMillis = Integer.getInteger("nodes.lock-millis", 15_000);
  private final Duration staleClaim = Duration.parse(System.getProperty("nodes.stale-claim", "PT60S"));
  private final int smtpTimeoutMillis = Integer.getInteger("nodes.smtp-timeout-millis", 45_000);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> failures = new ArrayList<>();

  public TwoNodesCheck(Path jar, String database, int requests, int timers, int[] ports, Path logs) {
    this.jar = jar;
    this.database = database;
    this.requests = requests;
    this.timers = timers;
    this.ports = ports.clone();
    this.logs = logs;
  }

  public static TwoNodesCheck fromSystemProperties() {
    String[] portList = System.getProperty("nodes.ports", "18081,18082").split(",");
    return new TwoNodesCheck(Path.of(System.getProperty("nodes.jar", findJar())),
        System.getProperty("nodes.db", "madoguchi_nodes"),
        Integer.getInteger("nodes.requests", 20), Integer.getInteger("nodes.timers", 40),
        new int[] {Integer.parseInt(portList[0].strip()), Integer.parseInt(portList[1].strip())},
        Path.of(System.getProperty("nodes.logs", "target/two-nodes")));
  }

  public static void main(String[] args) throws Exception {
    List<String> failures = fromSystemProperties().run();
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /**
   * Runs the whole check; returns what went wrong (empty: both nodes did every job and sent every letter once, and
   * the node that was left finished the work of the one that died).
   */
  public List<String> run() throws Exception {
    Files.createDirectories(logs);
    quietMailServerLog();
    int smtpPort = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    SmtpGate gate = new SmtpGate(smtpPort);
    List<Process> nodes = new ArrayList<>();
    try {
      emptyDatabase();
      // the first start creates Camunda's schema and our tables; a second node starting at the same moment would
      // race it for CREATE TABLE, so the nodes start one after the other (as a rolling start does)
      for (int i = 0; i < 2; i++) {
        nodes.add(startNode(i, gate.port()));
        awaitHealthy(i, nodes.get(i));
      }
      say("both nodes are up: http://127.0.0.1:%d and http://127.0.0.1:%d, SMTP on %d (through the gate on %d)",
          ports[0], ports[1], smtpPort, gate.port());

      deployModel(TIMER_PROCESS, timerModel(TIMER_PROCESS));
      Instant started = Instant.now();
      for (int i = 0; i < timers; i++) {
        startInstance(ports[i % 2], TIMER_PROCESS);
      }
      List<String> references = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        references.add(submitRequest(ports[i % 2], i));
      }
      say("started %d timer instances and submitted %d requests through both nodes in %d ms", timers, requests,
          Duration.between(started, Instant.now()).toMillis());

      boolean settled = await(Duration.ofSeconds(Long.getLong("nodes.settle-seconds", 180)), () ->
          count("SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ "
              + "WHERE d.key_ = '" + TIMER_PROCESS + "' AND p.end_time_ IS NOT NULL") == timers
              && count("SELECT count(*) FROM outbound_letter") >= requests
              && count("SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL' AND status <> 'SENT'") == 0
              && count("SELECT count(*) FROM " + JOBS + " WHERE duedate_ IS NULL OR duedate_ <= now()") == 0);
      if (!settled) {
        failures.add("the nodes did not finish the timers and letters in time");
      }
      // a node that sent a letter twice, or ran a timer twice, would do it within a poll interval: wait one more
      Thread.sleep(Long.getLong("nodes.quiet-millis", 8000));
      say("settled after %d s", Duration.between(started, Instant.now()).toSeconds());
      checkTimers();
      checkJobs();
      checkLetters(smtp, references);

      failures.addAll(new NodeDeathPhase(this, nodes, smtp, gate).run());
    } finally {
      for (Process node : nodes) {
        stop(node);
      }
      gate.close();
      smtp.stop();
    }
    if (failures.isEmpty()) {
      say("PASSED: every job ran once and every letter was sent once across two nodes, and when one node died the "
          + "other finished its work");
    } else {
      failures.forEach(failure -> say("FAILED: %s", failure));
    }
    return List.copyOf(failures);
  }

  // ------------------------------------------------------------------------------------------------- the checks

  private void checkTimers() throws SQLException {
    long instances = count("SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ "
        + "WHERE d.key_ = '" + TIMER_PROCESS + "'");
    long ended = count("SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ "
        + "WHERE d.key_ = '" + TIMER_PROCESS + "' AND p.end_time_ IS NOT NULL");
    long firedMoreThanOnce = count("SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_actinst "
        + "WHERE act_id_ = '" + TIMER_EVENT + "' AND end_time_ IS NOT NULL GROUP BY proc_inst_id_ "
        + "HAVING count(*) <> 1) AS twice");
    long fired = count("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = '" + TIMER_EVENT
        + "' AND end_time_ IS NOT NULL");
    say("timers: %d instances, %d ended, %d timer events passed, %d instances where it passed other than once",
        instances, ended, fired, firedMoreThanOnce);
    expect(instances == timers, "expected " + timers + " timer instances, found " + instances);
    expect(ended == timers, ended + " of " + timers + " timer instances ended");
    expect(fired == timers, "the timer event passed " + fired + " times for " + timers + " instances");
    expect(firedMoreThanOnce == 0, firedMoreThanOnce + " instances passed their timer other than once");
  }

  private void checkJobs() throws SQLException {
    // job_state_: 0 created, 1 failed, 2 successful, 3 deleted
    // the jobs that are gone from the runtime table were run (or deleted with their instance); the requests'
    // deadline timers, weeks ahead, are still there and are left out
    String ran = " FROM " + JOB_LOG + " WHERE job_id_ NOT IN (SELECT id_ FROM " + JOBS + ")";
    long jobs = count("SELECT count(DISTINCT job_id_)" + ran);
    long succeededOnce = count("SELECT count(*) FROM (SELECT job_id_" + ran + " GROUP BY job_id_ "
        + "HAVING count(*) FILTER (WHERE job_state_ = 2) = 1) AS once");
    long succeededTwice = count("SELECT count(*) FROM (SELECT job_id_ FROM " + JOB_LOG + " GROUP BY job_id_ "
        + "HAVING count(*) FILTER (WHERE job_state_ = 2) > 1) AS twice");
    long failedAttempts = count("SELECT count(*) FROM " + JOB_LOG + " WHERE job_state_ = 1");
    long timerJobs = count("SELECT count(DISTINCT job_id_) FROM " + JOB_LOG
        + " WHERE job_def_type_ = 'timer-intermediate-transition'");
    Map<String, Long> byNode = grouped("SELECT coalesce(hostname_, '?'), count(*) FROM " + JOB_LOG + " "
        + "WHERE job_state_ = 2 GROUP BY hostname_ ORDER BY 1");
    Map<String, Long> byType = grouped("SELECT job_def_type_ || ' ' || coalesce(act_id_, ''), count(*) "
        + "FROM " + JOB_LOG + " WHERE job_state_ = 2 GROUP BY job_def_type_, act_id_ ORDER BY 1");
    long left = count("SELECT count(*) FROM " + JOBS + " WHERE duedate_ IS NULL OR duedate_ <= now()");
    long waiting = count("SELECT count(*) FROM " + JOBS + " WHERE duedate_ > now()");
    say("jobs: %d run, %d succeeded exactly once, %d more than once, %d failed attempts, %d timer jobs, "
        + "%d due jobs left, %d jobs due later (the requests' deadlines)", jobs, succeededOnce, succeededTwice,
        failedAttempts, timerJobs, left, waiting);
    say("jobs succeeded per node: %s", byNode);
    say("jobs succeeded per kind: %s", byType);
    expect(succeededTwice == 0, succeededTwice + " jobs succeeded more than once");
    expect(succeededOnce == jobs, (jobs - succeededOnce) + " of " + jobs + " jobs did not succeed exactly once");
    expect(timerJobs == timers, "expected " + timers + " timer jobs, the log has " + timerJobs);
    expect(left == 0, left + " due jobs were never run");
    expect(byNode.size() == 2, "expected both nodes to run jobs, the log names " + byNode.keySet());
  }

  private void checkLetters(GreenMail smtp, List<String> references) throws SQLException, MessagingException {
    long letters = count("SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL'");
    long sent = count("SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL' AND status = 'SENT'");
    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Integer> perMessageId = new HashMap<>();
    Map<String, Integer> perLetter = new HashMap<>();
    for (MimeMessage message : received) {
      perMessageId.merge(message.getMessageID(), 1, Integer::sum);
      perLetter.merge(message.getHeader("X-Madoguchi-Reference", null) + " "
          + message.getHeader("X-Madoguchi-Letter", null), 1, Integer::sum);
    }
    long duplicateIds = perMessageId.values().stream().filter(n -> n > 1).count();
    long duplicateLetters = perLetter.values().stream().filter(n -> n > 1).count();
    long acknowledged = references.stream().filter(reference -> perLetter.containsKey(reference + " ACKNOWLEDGEMENT"))
        .count();
    say("letters: %d e-mails in the outbox, %d SENT, %d messages received, %d distinct Message-IDs, "
        + "%d Message-IDs received more than once, %d requests acknowledged by mail", letters, sent, received.length,
        perMessageId.size(), duplicateIds, acknowledged);
    expect(letters >= requests, "expected at least " + requests + " e-mails in the outbox, found " + letters);
    expect(sent == letters, (letters - sent) + " e-mails were not sent");
    expect(received.length == letters, "the SMTP server received " + received.length + " messages for "
        + letters + " e-mails");
    expect(duplicateIds == 0 && duplicateLetters == 0, duplicateIds + " messages arrived more than once");
    expect(acknowledged == requests, acknowledged + " of " + requests + " requests were acknowledged by mail");
  }

  private void expect(boolean condition, String failure) {
    if (!condition) {
      failures.add(failure);
    }
  }

  // ---------------------------------------------------------------------------------------------------- the nodes

  /** The node's name: its {@code MADOGUCHI_NODE_ID} (in claims and job locks) and the engine's host name. */
  static String nodeName(int index) {
    return "node-" + (char) ('a' + index);
  }

  int port(int index) {
    return ports[index];
  }

  int lockMillis() {
    return lockMillis;
  }

  Duration staleClaim() {
    return staleClaim;
  }

  int smtpTimeoutMillis() {
    return smtpTimeoutMillis;
  }

  int requests() {
    return requests;
  }

  private Process startNode(int index, int smtpPort) throws IOException {
    String name = nodeName(index);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + System.getProperty("nodes.xmx", "384m"), "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC",
        "-jar", jar.toString(),
        "--spring.profiles.active=postgres",
        "--server.port=" + ports[index],
        // names the node in the engine's job log, so the check can tell which node ran a job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // an idle job executor backs off up to a minute by default; the check wants one-second timers run soon
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        // the jobs of a node that dies wait this long for another node (NodeDeathPhase)
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("MADOGUCHI_DB_HOST", dbHost);
    env.put("MADOGUCHI_DB_NAME", database);
    env.put("MADOGUCHI_DB_USER", dbUser);
    env.put("MADOGUCHI_DB_PASSWORD", dbPassword);
    env.put("MADOGUCHI_DB_POOL_SIZE", "6");
    env.put("MADOGUCHI_ADMIN_USER", ADMIN);
    env.put("MADOGUCHI_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("MADOGUCHI_JOB_EXECUTION", "true");
    env.put("MADOGUCHI_SMTP_HOST", "127.0.0.1");
    env.put("MADOGUCHI_SMTP_PORT", Integer.toString(smtpPort));
    env.put("MADOGUCHI_MAIL_POLL_INTERVAL", "PT3S");
    // the letters a node that dies has claimed wait this long for another node; a claim must outlast a send
    env.put("MADOGUCHI_MAIL_STALE_CLAIM_AFTER", staleClaim.toString());
    env.put("MADOGUCHI_SMTP_TIMEOUT_MS", Integer.toString(smtpTimeoutMillis));
    env.put("MADOGUCHI_MAIL_FIRST_RETRY_AFTER", "PT5S");
    env.put("MADOGUCHI_NODE_ID", name);
    env.put("MADOGUCHI_PUBLIC_BASE_URL", "http://127.0.0.1:" + ports[index]);
    say("starting %s on port %d (log: %s)", name, ports[index], logs.resolve(name + ".log"));
    return builder.start();
  }

  private void awaitHealthy(int index, Process node) throws InterruptedException {
    boolean up = await(Duration.ofSeconds(Long.getLong("nodes.start-seconds", 240)), () -> {
      if (!node.isAlive()) {
        throw new IllegalStateException("node on port " + ports[index] + " exited with " + node.exitValue()
            + "; see " + logs);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(url(ports[index], "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return health.statusCode() == 200 && health.body().contains("\"UP\"");
      } catch (IOException notYet) {
        return false;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    if (!up) {
      throw new IllegalStateException("node on port " + ports[index] + " did not become healthy; see " + logs);
    }
  }

  private static void stop(Process node) throws InterruptedException {
    node.destroy();
    if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      node.destroyForcibly().waitFor();
    }
  }

  // ------------------------------------------------------------------------------------------------ through HTTP

  /** Deploys one BPMN model through the REST API, as the administrator. */
  void deployModel(String processKey, String bpmn) throws IOException, InterruptedException {
    String boundary = "----cluster" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + processKey + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\ntwo-nodes check\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + processKey + ".bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n"
        + "--" + boundary + "--\r\n";
    HttpResponse<String> answer = http.send(admin(url(ports[0], "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("deploying " + processKey + " answered " + answer.statusCode() + ": "
          + answer.body());
    }
  }

  void startInstance(int port, String processKey) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(admin(url(port,
        "/engine-rest/process-definition/key/" + processKey + "/start"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("starting a timer instance answered " + answer.statusCode() + ": "
          + answer.body());
    }
  }

  /** A PUT with a JSON body to the REST API, as the administrator; anything but 2xx fails the check. */
  void put(int port, String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(admin(url(port, path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException("PUT " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  String submitRequest(int port, int number) throws IOException, InterruptedException {
    String json = """
        {"type":"DISCLOSURE","personalInformationKind":"ORDINARY","channel":"WEB","language":"ja",
         "disclosureMethod":"ELECTRONIC","details":"会員登録情報",
         "principal":{"name":"山田 花子","nameKana":"ヤマダ ハナコ","dateOfBirth":"1985-07-15",
          "postalCode":"100-0001","address":"東京都千代田区千代田1-1","phone":"03-1234-5678",
          "email":"requester-%d@example.jp"}}
        """.formatted(number);
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(port, "/api/requests"))
        .header("Content-Type", "application/json").header("Idempotency-Key", "two-nodes-" + UUID.randomUUID())
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("submitting a request answered " + answer.statusCode() + ": " + answer.body());
    }
    java.util.regex.Matcher reference = java.util.regex.Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"")
        .matcher(answer.body());
    if (!reference.find()) {
      throw new IllegalStateException("no reference in " + answer.body());
    }
    return reference.group(1);
  }

  private HttpRequest.Builder admin(URI uri) {
    String credentials = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials);
  }

  private static URI url(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A start event, a one-second timer and an end: nothing but the engine's timer job. */
  static String timerModel(String processKey) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%s"
            targetNamespace="http://madoguchi.jp/cluster-check">
          <bpmn:process id="%s" name="Cluster timer check" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_CheckStarted" />
            <bpmn:sequenceFlow id="Flow_ToTimer" sourceRef="Event_CheckStarted" targetRef="%s" />
            <bpmn:intermediateCatchEvent id="%s" name="One second passed">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="%s" targetRef="Event_CheckEnded" />
            <bpmn:endEvent id="Event_CheckEnded" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processKey, processKey, TIMER_EVENT, TIMER_EVENT, TIMER_EVENT).strip();
  }

  // ---------------------------------------------------------------------------------------------- the database

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":5432/" + database, dbUser, dbPassword);
  }

  /** Starts from an empty database, so that every count is this run's. */
  private void emptyDatabase() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
  }

  long count(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  Map<String, Long> grouped(String sql) throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        result.put(rows.getString(1), rows.getLong(2));
      }
    }
    return result;
  }

  /** The first column of every row, as text. */
  List<String> strings(String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        result.add(rows.getString(1));
      }
    }
    return result;
  }

  // -------------------------------------------------------------------------------------------------- utilities

  interface Condition {
    boolean holds() throws Exception;
  }

  static boolean await(Duration limit, Condition condition) throws InterruptedException {
    return await(limit, Duration.ofMillis(500), condition);
  }

  /** Whether the condition came to hold within the limit, looking every {@code interval}. */
  static boolean await(Duration limit, Duration interval, Condition condition) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      try {
        if (condition.holds()) {
          return true;
        }
      } catch (IllegalStateException fatal) {
        throw fatal;
      } catch (Exception notYet) {
        // the tables may not exist yet while the first node creates them
      }
      Thread.sleep(interval.toMillis());
    }
    return false;
  }

  /** GreenMail announces every new mailbox at INFO: one line per requester. */
  private static void quietMailServerLog() {
    if (org.slf4j.LoggerFactory.getLogger("com.icegreen") instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String findJar() {
    File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("madoguchi-") && name.endsWith(".jar")
        && !name.endsWith("-plain.jar") && !name.endsWith(".original"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("no target/madoguchi-*.jar: run ./mvnw -DskipTests package first");
    }
    return jars[0].getPath();
  }

  static void say(String format, Object... args) {
    System.out.printf("[two-nodes] " + format + "%n", args);
  }
}
