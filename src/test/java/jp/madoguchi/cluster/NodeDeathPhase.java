package jp.madoguchi.cluster;

import static jp.madoguchi.cluster.TwoNodesCheck.await;
import static jp.madoguchi.cluster.TwoNodesCheck.nodeName;
import static jp.madoguchi.cluster.TwoNodesCheck.say;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The second phase of the two-nodes check: node-a dies ({@code kill -9}) while it holds job locks and letter claims,
 * and node-b must finish its work.
 *
 * <p>To make sure node-a really holds something when it dies, the phase arranges both kinds of work at once. Letters:
 * the {@link SmtpGate} holds the SMTP server's answer to every message it takes, so each node's senders wait with
 * their letters SENDING, claimed, and the messages already stored by the server: the moment at which a node that
 * dies leaves a letter to be sent twice. Jobs: a few hundred one-second timers, each followed by work that keeps its
 * job busy, are started with their job definition suspended, then let go together, so that both nodes work through
 * a backlog with jobs locked, running and queued. The phase waits (polling the database) until node-a holds claims
 * and locks, kills it, reads from the database what it still held, and lets the gate go.
 *
 * <p>Then, from the database and the SMTP server: every timer passed once and its work was done once (a job that
 * died with node-a left nothing behind); every job node-a held ran exactly once, on node-b, after its lock expired;
 * no job of the phase succeeded twice or is left; every e-mail is SENT and reached the server; a letter arrived twice
 * only if node-a had claimed it, and then with the same Message-ID.
 */
final class NodeDeathPhase {

  static final String PROCESS = "ClusterNodeDeathCheck";
  private static final String JOBS = TwoNodesCheck.JOBS;
  private static final String JOB_LOG = TwoNodesCheck.JOB_LOG;
  private static final int VICTIM = 0;
  private static final int SURVIVOR = 1;
  private static final Pattern LETTER_ID = Pattern.compile("<letter-(\\d+)\\.");
  /** A job executor locks its jobs by threes (the engine's default batch): kill it holding a batch. */
  private static final int LOCKS_BEFORE_KILL = 3;
  /** Rounds of the step after the timer, in its job: tens of milliseconds of work, many times a bare timer's. */
  private static final int WORK_ROUNDS = 30;

  private final TwoNodesCheck check;
  private final List<Process> nodes;
  private final GreenMail smtp;
  private final SmtpGate gate;
  private final int timers = Integer.getInteger("nodes.death-timers", 300);
  private final int requests = Integer.getInteger("nodes.death-requests", 10);
  private final String victim = nodeName(VICTIM);
  private final String survivor = nodeName(SURVIVOR);
  private final List<String> failures = new ArrayList<>();

  NodeDeathPhase(TwoNodesCheck check, List<Process> nodes, GreenMail smtp, SmtpGate gate) {
    this.check = check;
    this.nodes = nodes;
    this.smtp = smtp;
    this.gate = gate;
  }

  /** Runs the phase; returns what went wrong. */
  List<String> run() throws Exception {
    say("phase 2: %s dies while it holds jobs and letters; %s must finish them (job lock time %d ms, stale claim "
        + "after %s, SMTP timeout %d ms)", victim, survivor, check.lockMillis(), check.staleClaim(),
        check.smtpTimeoutMillis());
    Set<String> jobsBefore = new HashSet<>(check.strings("SELECT DISTINCT job_id_ FROM " + JOB_LOG));
    long lastLetterBefore = check.count("SELECT coalesce(max(id), 0) FROM outbound_letter");
    int receivedBefore = smtp.getReceivedMessages().length;

    check.deployModel(PROCESS, model());
    suspendTimers(true);
    for (int i = 0; i < timers; i++) {
      check.startInstance(check.port(i % 2), PROCESS);
    }

    gate.hold();
    Instant holding = Instant.now();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      references.add(check.submitRequest(check.port(i % 2), check.requests() + i));
    }
    boolean claimed = await(Duration.ofSeconds(60), Duration.ofMillis(100), () -> claimsOf(lastLetterBefore) > 0);
    suspendTimers(false);
    boolean locked = await(Duration.ofSeconds(30), Duration.ofMillis(20), () -> locksOf() >= LOCKS_BEFORE_KILL);
    if (!claimed || !locked) {
      say("%s did not %s in time; killing it anyway", victim, claimed ? "lock a batch of jobs" : "claim a letter");
    }

    Process node = nodes.get(VICTIM);
    node.destroyForcibly();
    node.waitFor();
    Instant killed = Instant.now();
    List<String> heldJobs = check.strings("SELECT id_ FROM " + JOBS + " WHERE lock_owner_ LIKE '" + victim + "/%'");
    Set<Long> heldLetters = check.strings("SELECT id FROM outbound_letter WHERE status = 'SENDING' "
            + "AND claimed_by LIKE '" + victim + "/%' AND id > " + lastLetterBefore).stream()
        .map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
    say("killed %s (SIGKILL, exit %d) %d ms after the gate began holding: it held %d job locks and %d letter claims "
        + "%s; the SMTP server had taken %d messages whose senders were waiting for its answer", victim,
        node.exitValue(), Duration.between(holding, killed).toMillis(), heldJobs.size(), heldLetters.size(),
        heldLetters, gate.waiting());
    expect(!heldJobs.isEmpty(), victim + " held no job lock when it was killed: the phase showed nothing about jobs");
    expect(!heldLetters.isEmpty(),
        victim + " held no letter claim when it was killed: the phase showed nothing about letters");
    gate.release();

    Duration settleLimit = Duration.ofSeconds(Long.getLong("nodes.settle-seconds", 180));
    boolean settled = await(settleLimit, () -> endedInstances() == timers
        && check.count(letters(lastLetterBefore, "")) >= requests
        && check.count(letters(lastLetterBefore, "AND status <> 'SENT'")) == 0
        && check.count("SELECT count(*) FROM " + JOBS + " WHERE duedate_ IS NULL OR duedate_ <= now()") == 0
        && check.count("SELECT count(*) FROM " + JOBS + " WHERE lock_owner_ LIKE '" + victim + "/%'") == 0);
    expect(settled, survivor + " did not finish " + victim + "'s work within " + settleLimit.toSeconds() + " s");
    say("%s %s %d s after the kill", survivor, settled ? "finished everything" : "had not finished",
        Duration.between(killed, Instant.now()).toSeconds());

    checkTimers();
    checkJobs(jobsBefore, heldJobs);
    checkLetters(lastLetterBefore, receivedBefore, heldLetters, references, Duration.between(holding, killed));
    return List.copyOf(failures);
  }

  // ------------------------------------------------------------------------------------------------- the checks

  private void checkTimers() throws Exception {
    long instances = check.count(instances(""));
    long ended = endedInstances();
    long fired = check.count("SELECT count(*) FROM act_hi_actinst a JOIN act_re_procdef d ON d.id_ = a.proc_def_id_ "
        + "WHERE d.key_ = '" + PROCESS + "' AND a.act_id_ = '" + TwoNodesCheck.TIMER_EVENT
        + "' AND a.end_time_ IS NOT NULL");
    long firedOtherThanOnce = check.count("SELECT count(*) FROM (SELECT p.id_ FROM act_hi_procinst p "
        + "JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ LEFT JOIN act_hi_actinst a ON a.proc_inst_id_ = p.id_ "
        + "AND a.act_id_ = '" + TwoNodesCheck.TIMER_EVENT + "' AND a.end_time_ IS NOT NULL "
        + "WHERE d.key_ = '" + PROCESS + "' GROUP BY p.id_ HAVING count(a.id_) <> 1) AS other");
    long workedOtherThanOnce = check.count("SELECT count(*) FROM (SELECT p.id_ FROM act_hi_procinst p "
        + "JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ LEFT JOIN act_hi_actinst a ON a.proc_inst_id_ = p.id_ "
        + "AND a.act_id_ = 'Task_DoSomeWork' AND a.end_time_ IS NOT NULL "
        + "WHERE d.key_ = '" + PROCESS + "' GROUP BY p.id_ HAVING count(a.id_) <> " + WORK_ROUNDS + ") AS other");
    say("timers: %d instances, %d ended, %d timer events passed, %d instances where it passed other than once, "
        + "%d where the work after it was not done exactly %d times", instances, ended, fired, firedOtherThanOnce,
        workedOtherThanOnce, WORK_ROUNDS);
    expect(instances == timers, "expected " + timers + " timer instances, found " + instances);
    expect(ended == timers, ended + " of " + timers + " timer instances ended");
    expect(fired == timers, "the timer event passed " + fired + " times for " + timers + " instances");
    expect(firedOtherThanOnce == 0, firedOtherThanOnce + " instances passed their timer other than once");
    expect(workedOtherThanOnce == 0, workedOtherThanOnce + " instances did their work other than once");
  }

  private void checkJobs(Set<String> jobsBefore, List<String> heldJobs) throws Exception {
    // job_state_: 0 created, 1 failed, 2 successful, 3 deleted
    Map<String, Long> successes = new HashMap<>();
    Map<String, String> ranOn = new HashMap<>();
    for (String row : check.strings("SELECT job_id_ || ' ' || count(*) FILTER (WHERE job_state_ = 2) || ' ' "
        + "|| coalesce(string_agg(hostname_, ',') FILTER (WHERE job_state_ = 2), '-') "
        + "FROM " + JOB_LOG + " GROUP BY job_id_")) {
      String[] columns = row.split(" ");
      if (!jobsBefore.contains(columns[0])) {
        successes.put(columns[0], Long.valueOf(columns[1]));
        ranOn.put(columns[0], columns[2]);
      }
    }
    long twice = successes.values().stream().filter(n -> n > 1).count();
    List<String> heldNotRunOnce = heldJobs.stream().filter(id -> successes.getOrDefault(id, 0L) != 1).toList();
    List<String> heldRunElsewhere = heldJobs.stream().filter(id -> successes.getOrDefault(id, 0L) == 1)
        .filter(id -> !survivor.equals(ranOn.get(id))).toList();
    Map<String, Long> byNode = successes.keySet().stream().filter(id -> successes.get(id) > 0)
        .collect(Collectors.groupingBy(ranOn::get, TreeMap::new, Collectors.counting()));
    long left = check.count("SELECT count(*) FROM " + JOBS + " WHERE duedate_ IS NULL OR duedate_ <= now()");
    long stillLocked = check.count("SELECT count(*) FROM " + JOBS + " WHERE lock_owner_ LIKE '" + victim + "/%'");
    say("jobs: %d of this phase succeeded, per node %s; %d succeeded more than once; the %d jobs %s held: %d ran "
        + "once on %s; %d due jobs left, %d still locked by %s", successes.values().stream().filter(n -> n > 0)
        .count(), byNode, twice, heldJobs.size(), victim, heldJobs.size() - heldNotRunOnce.size()
        - heldRunElsewhere.size(), survivor, left, stillLocked, victim);
    expect(twice == 0, twice + " jobs succeeded more than once");
    expect(heldNotRunOnce.isEmpty(), "jobs " + victim + " held did not succeed exactly once: " + heldNotRunOnce);
    expect(heldRunElsewhere.isEmpty(), "jobs " + victim + " held ran, but not on " + survivor + ": "
        + heldRunElsewhere);
    expect(left == 0, left + " due jobs were never run");
    expect(stillLocked == 0, stillLocked + " jobs are still locked by " + victim);
  }

  private void checkLetters(long lastLetterBefore, int receivedBefore, Set<Long> heldLetters,
      List<String> references, Duration held) throws Exception {
    List<Long> letters = check.strings("SELECT id FROM outbound_letter WHERE delivery = 'EMAIL' AND id > "
        + lastLetterBefore + " ORDER BY id").stream().map(Long::valueOf).toList();
    Map<String, Long> byStatus = check.grouped("SELECT status, count(*) FROM outbound_letter WHERE delivery = "
        + "'EMAIL' AND id > " + lastLetterBefore + " GROUP BY status ORDER BY 1");
    MimeMessage[] all = smtp.getReceivedMessages();
    List<MimeMessage> received = Arrays.asList(all).subList(receivedBefore, all.length);
    Map<Long, Integer> perLetter = new HashMap<>();
    Map<String, Set<String>> messageIdsPerLetter = new HashMap<>();
    Set<String> acknowledged = new HashSet<>();
    long foreign = 0;
    for (MimeMessage message : received) {
      Matcher letterId = LETTER_ID.matcher(String.valueOf(message.getMessageID()));
      if (!letterId.find()) {
        foreign++;
        continue;
      }
      perLetter.merge(Long.valueOf(letterId.group(1)), 1, Integer::sum);
      String reference = header(message, "X-Madoguchi-Reference");
      String kind = header(message, "X-Madoguchi-Letter");
      messageIdsPerLetter.computeIfAbsent(reference + " " + kind + " " + header(message, "To"),
          letter -> new HashSet<>()).add(message.getMessageID());
      if ("ACKNOWLEDGEMENT".equals(kind)) {
        acknowledged.add(reference);
      }
    }
    List<Long> missing = letters.stream().filter(id -> !perLetter.containsKey(id)).toList();
    Set<Long> twice = perLetter.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<Long> twiceNotHeld = twice.stream().filter(id -> !heldLetters.contains(id))
        .collect(Collectors.toCollection(TreeSet::new));
    long lettersWithSeveralIds = messageIdsPerLetter.values().stream().filter(ids -> ids.size() > 1).count();
    long acknowledgedHere = references.stream().filter(acknowledged::contains).count();
    // the node that took a letter over says so in the request's history, naming the dead node's claim
    long takenOver = heldLetters.isEmpty() ? 0 : check.count("SELECT count(DISTINCT l.id) FROM outbound_letter l "
        + "JOIN request_event e ON e.request_id = l.request_id AND e.event_type = 'LETTER_CLAIM_TAKEN_OVER' "
        + "AND e.detail LIKE '" + "%claimed by " + victim + "/%' WHERE l.id IN ("
        + heldLetters.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
    say("letters: %d e-mails in this phase %s, %d messages received, %d letters arrived more than once %s (of the "
        + "%d %s had claimed %s), %d letters with more than one Message-ID, %d of %d requests acknowledged, %d of "
        + "the claimed letters recorded as taken over from %s", letters.size(), byStatus, received.size(),
        twice.size(), twice, heldLetters.size(), victim, heldLetters, lettersWithSeveralIds, acknowledgedHere,
        requests, takenOver, victim);
    expect(takenOver == heldLetters.size(), "only " + takenOver + " of the " + heldLetters.size() + " letters "
        + victim + " had claimed are recorded as taken over (LETTER_CLAIM_TAKEN_OVER)");
    expect(letters.size() >= requests, "expected at least " + requests + " e-mails, found " + letters.size());
    expect(byStatus.keySet().equals(Set.of("SENT")), "e-mails not sent: " + byStatus);
    expect(missing.isEmpty(), "e-mails the SMTP server never received: " + missing);
    expect(foreign == 0, foreign + " messages without the desk's Message-ID");
    expect(twiceNotHeld.isEmpty(), "letters " + victim + " had not claimed arrived more than once: " + twiceNotHeld
        + " (the gate held answers for " + held.toMillis() + " ms; a sender that timed out sends again)");
    expect(lettersWithSeveralIds == 0, lettersWithSeveralIds + " letters arrived with different Message-IDs");
    expect(acknowledgedHere == requests, acknowledgedHere + " of " + requests + " requests were acknowledged");
  }

  // ------------------------------------------------------------------------------------------------ the database

  /** Letters the victim has claimed and is sending. */
  private long claimsOf(long lastLetterBefore) throws Exception {
    return check.count(letters(lastLetterBefore, "AND status = 'SENDING' AND claimed_by LIKE '" + victim + "/%'"));
  }

  /** Jobs the victim's job executor has locked (its lock owner names it: {@code NodeLockOwner}). */
  private long locksOf() throws Exception {
    return check.count("SELECT count(*) FROM " + JOBS + " WHERE lock_owner_ LIKE '" + victim + "/%'");
  }

  private long endedInstances() throws Exception {
    return check.count(instances("AND p.end_time_ IS NOT NULL"));
  }

  private static String instances(String condition) {
    return "SELECT count(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_ WHERE d.key_ = '"
        + PROCESS + "' " + condition;
  }

  private static String letters(long lastLetterBefore, String condition) {
    return "SELECT count(*) FROM outbound_letter WHERE delivery = 'EMAIL' AND id > " + lastLetterBefore + " "
        + condition;
  }

  // -------------------------------------------------------------------------------------------------- the rest

  /**
   * A one-second timer, then a step done {@value #WORK_ROUNDS} times over, in the timer job's transaction: a job
   * that takes a while, like a step that calls a slow system, so that a node working through a backlog of them
   * holds several (running, and waiting in its job executor's queue) at any moment.
   */
  static String model() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
            targetNamespace="http://madoguchi.jp/cluster-check">
          <bpmn:process id="%1$s" name="Cluster node death check" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_CheckStarted" />
            <bpmn:sequenceFlow id="Flow_ToTimer" sourceRef="Event_CheckStarted" targetRef="%2$s" />
            <bpmn:intermediateCatchEvent id="%2$s" name="One second passed">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="%2$s" targetRef="Task_DoSomeWork" />
            <bpmn:manualTask id="Task_DoSomeWork" name="Do some work">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                <bpmn:loopCardinality>%3$d</bpmn:loopCardinality>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:manualTask>
            <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_DoSomeWork" targetRef="Event_CheckEnded" />
            <bpmn:endEvent id="Event_CheckEnded" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(PROCESS, TwoNodesCheck.TIMER_EVENT, WORK_ROUNDS).strip();
  }

  /** Suspends or activates the timers' job definition and its jobs, through the node that stays. */
  private void suspendTimers(boolean suspended) throws Exception {
    check.put(check.port(SURVIVOR), "/engine-rest/job-definition/suspended",
        "{\"processDefinitionKey\":\"" + PROCESS + "\",\"suspended\":" + suspended + ",\"includeJobs\":true}");
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    return message.getHeader(name, null);
  }

  private void expect(boolean condition, String failure) {
    if (!condition) {
      failures.add(failure);
    }
  }
}
