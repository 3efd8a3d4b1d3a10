package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.complaint.ComplaintProcess.Elements;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history is kept for its models' time to live (ten years) after a request's process ends, and the
 * history cleanup removes it then (ADR 50): no removal time is written into the history rows when a request ends, the
 * cleanup finds finished instances by their end time when it runs, and a request still open keeps its history. It
 * runs by itself every night, 01:00 to 05:00 Japan time, whatever the server's zone. A bulk operation's history (a
 * batch started in Cockpit) is kept as long, after the batch ended; the engine's task metrics (a hash of whom a task
 * was assigned to) 400 days.
 */
@DeskTest
class EngineHistoryCleanupTest {

  private static final Duration TIME_TO_LIVE = Duration.ofDays(3650);
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aFinishedRequestsHistoryGoesTenYearsAfterItsEndAndAnOpenOnesStays() {
    init(engine);
    Instant start = Instant.parse("2026-12-01T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ProcessInstance answered = complaint();
    ProcessInstance open = complaint();
    Instant ended = start.plus(Duration.ofDays(20));
    ClockUtil.setCurrentTime(Date.from(ended));
    new ProcessDriver(engine, answered.getBusinessKey())
        .complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));
    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery()
        .processInstanceId(answered.getId()).singleResult();
    assertThat(finished.getEndTime()).isEqualTo(Date.from(ended));
    assertThat(finished.getRemovalTime()).as("no removal time written when the request ended").isNull();
    assertThat(variablesOf(answered)).isNotZero();

    // a day before its time to live has passed since the end: kept
    cleanUpAt(ended.plus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(answered.getId()).count()).isOne();

    // a day after: gone, with its variables; the request still open keeps its history
    cleanUpAt(ended.plus(TIME_TO_LIVE).plus(Duration.ofDays(1)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(answered.getId()).count()).isZero();
    assertThat(variablesOf(answered)).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open.getId()).count()).isOne();
    assertThat(variablesOf(open)).isNotZero();
  }

  @Test
  void theCleanupRunsEveryNightInJapanTimeWithoutAnyoneStartingIt() {
    init(engine);
    // the engine scheduled its one cleanup job when it started, or again when the cleanup last ran: in the night
    assertThat(timeInTokyo(cleanupJob())).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));

    // later than the other test's clock, which the job was last scheduled by when it ran first
    Instant start = Instant.parse("2027-06-01T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ProcessInstance answered = complaint();
    new ProcessDriver(engine, answered.getBusinessKey())
        .complete(Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(answered.getId())
        .finished().count()).isOne();

    // the night after its time to live, as the job executor finds the job due: the history goes
    Instant night = start.plus(TIME_TO_LIVE).plus(Duration.ofDays(1)).atZone(TOKYO).toLocalDate().atTime(1, 30)
        .atZone(TOKYO).toInstant();
    runDueCleanupAt(night);
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(answered.getId()).count()).isZero();
    assertThat(variablesOf(answered)).isZero();

    // and the job waits for a later run in this night's window or the next night's, not suspended
    Job next = cleanupJob();
    assertThat(next.isSuspended()).isFalse();
    assertThat(next.getDuedate()).isAfter(Date.from(night));
    assertThat(timeInTokyo(next)).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
  }

  @Test
  void aBulkOperationsHistoryGoesTenYearsAfterItEndedAsTheRequestsDo() {
    init(engine);
    Instant start = Instant.parse("2028-03-01T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    ProcessInstance withdrawn = complaint();
    // a manager cancels requests in bulk from Cockpit: a batch of the engine's, with a history of its own
    Batch cancelled = engine.getRuntimeService().deleteProcessInstancesAsync(List.of(withdrawn.getId()),
        "withdrawn by the requester");
    runBatch(cancelled);
    HistoryService history = engine.getHistoryService();
    HistoricBatch done = history.createHistoricBatchQuery().batchId(cancelled.getId()).singleResult();
    assertThat(done.getEndTime()).as("the batch ran to its end").isNotNull();
    Instant ended = done.getEndTime().toInstant();

    cleanUpAt(ended.plus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
    assertThat(history.createHistoricBatchQuery().batchId(cancelled.getId()).count()).isOne();
    cleanUpAt(ended.plus(TIME_TO_LIVE).plus(Duration.ofDays(1)));
    assertThat(history.createHistoricBatchQuery().batchId(cancelled.getId()).count())
        .as("removed by the cleanup with batchOperationHistoryTimeToLive set; kept forever without it").isZero();
  }

  @Test
  void whomATaskWasAssignedToGoesFromTheTaskMetricsFourHundredDaysLater() {
    init(engine);
    Instant assigned = Instant.parse("2029-06-01T01:00:00Z");
    ClockUtil.setCurrentTime(Date.from(assigned));
    ProcessInstance complaint = complaint();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(complaint.getId()).list().get(0).getId();
    // a member of staff takes the task: the engine notes a hash of who, and when, for its count of task users
    engine.getTaskService().claim(task, "desk");
    var management = engine.getManagementService();
    Date from = Date.from(assigned.minus(Duration.ofDays(1)));
    Date to = Date.from(assigned.plus(Duration.ofDays(1)));
    assertThat(management.getUniqueTaskWorkerCount(from, to)).isOne();

    cleanUpAt(assigned.plus(Duration.ofDays(400)).minus(Duration.ofDays(1)));
    assertThat(management.getUniqueTaskWorkerCount(from, to)).isOne();
    cleanUpAt(assigned.plus(Duration.ofDays(400)).plus(Duration.ofDays(1)));
    assertThat(management.getUniqueTaskWorkerCount(from, to))
        .as("removed by the cleanup with taskMetricsTimeToLive set; kept forever without it").isZero();
  }

  /** Runs a batch's jobs as the job executor would: the seed job, the jobs it made, then the monitor's. */
  private void runBatch(Batch batch) {
    var management = engine.getManagementService();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      management.createJobQuery().jobDefinitionId(definition).list()
          .forEach(job -> management.executeJob(job.getId()));
    }
  }

  private Job cleanupJob() {
    List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
    assertThat(jobs).as("one history cleanup job, scheduled by the engine").hasSize(1);
    return jobs.get(0);
  }

  private static LocalTime timeInTokyo(Job job) {
    return ZonedDateTime.ofInstant(job.getDuedate().toInstant(), TOKYO).toLocalTime();
  }

  private ProcessInstance complaint() {
    DeskRequest request = TestRequests.request(register).type(RequestType.COMPLAINT)
        .arrivedOn(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), TOKYO)).register();
    ProcessInstance instance = starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    return instance;
  }

  private long variablesOf(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .count();
  }

  /**
   * Runs the history cleanup at that time until it has nothing left to remove: the context's other tests leave
   * finished requests too, and one run removes at most a batch of them.
   */
  private void cleanUpAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    engine.getHistoryService().cleanUpHistoryAsync(true);
    runDueCleanupAt(now);
  }

  /** Runs the cleanup job while it is due at that time, as the job executor would. */
  private void runDueCleanupAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    for (int run = 0; run < 100; run++) {
      List<Job> due = engine.getHistoryService().findHistoryCleanupJobs().stream()
          // a job the engine suspended (a run without a batch window that found little) is not run
          .filter(job -> !job.isSuspended() && (job.getDuedate() == null || !job.getDuedate().after(Date.from(now))))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("the history cleanup was still due after 100 runs");
  }
}
