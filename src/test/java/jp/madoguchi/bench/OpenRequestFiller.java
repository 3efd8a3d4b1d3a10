package jp.madoguchi.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.deadline.ClockDates;
import jp.madoguchi.deadline.SlaClock;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.search.SystemSearches;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the desk with real open requests, through the real models: each registered and started as the intake does
 * (the request type's deadline from the decision table, the SLA clock and its timers), then either acknowledged (its
 * due jobs run in the filling thread, by the job executor's command) and left waiting at "Check request", or, with
 * {@link #skipAcknowledgement}, given in the starting transaction what its first job does before the acknowledgement
 * (the deadline decision and the SLA clock, by the same table and service) and moved past that job (nothing sent)
 * by the engine's process instance modification, as Cockpit moves one. With {@link #withSearches}, two requests in seven go on to
 * the investigation's search of the systems instead, as a checked, verified, fee-free request would: the requester's
 * relationship chosen, the check's outcome variables set, and the instance moved to "Plan the systems to search", so
 * that the model plans the search from the inventory and creates the owning groups' search tasks itself. Every task
 * is the engine's: its candidate groups, per-task authorizations, due date, name and tenant come from the models,
 * the listeners and the engine's providers, not from the filler.
 *
 * <p>Several requests are registered and started in one transaction ({@link #batch}), which saves commits.
 */
final class OpenRequestFiller {

  /** Two requests in seven are at the investigation's search of the systems, the others at "Check request". */
  static boolean atSearch(long n) {
    return n % 7 == 3 || n % 7 == 5;
  }

  private final ProcessEngine engine;
  private final RequestRegister register;
  private final RequestProcessStarter starter;
  private final PlatformTransactionManager transactionManager;
  private final int threads;
  private SystemSearches searches;
  private int batch = 1;
  private boolean skipAcknowledgement;
  private SlaClock clock;

  OpenRequestFiller(ProcessEngine engine, RequestRegister register, RequestProcessStarter starter,
      PlatformTransactionManager transactionManager, int threads) {
    this.engine = engine;
    this.register = register;
    this.starter = starter;
    this.transactionManager = transactionManager;
    this.threads = threads;
  }

  /** Moves two requests in seven on to the search of the systems (see the class comment). */
  OpenRequestFiller withSearches(SystemSearches value) {
    this.searches = value;
    return this;
  }

  /** Registers and starts this many requests per transaction. */
  OpenRequestFiller batch(int value) {
    this.batch = Math.max(1, value);
    return this;
  }

  /**
   * Moves each request, in the transaction that starts it, from its first job (the deadline decision, the SLA clock
   * and the acknowledgement) straight on to "Check request" or the search, with its clock started by {@code clock}
   * as that job starts it: the acknowledgement is not sent, which saves its job, letter and e-mail.
   */
  OpenRequestFiller skipAcknowledgement(SlaClock clock) {
    this.skipAcknowledgement = true;
    this.clock = clock;
    return this;
  }

  long open() {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PersonalDataRequestProcess.KEY).count();
  }

  /** Adds requests arrived on {@code arrivedOn} until {@code level} requests are open. */
  void fillTo(int level, LocalDate arrivedOn) throws Exception {
    fillTo(level, arrivedOn, 0, () -> { });
  }

  /**
   * Adds requests arrived on {@code arrivedOn} until {@code level} requests are open; every {@code myNumberEvery}th
   * (none when 0) is a My Number request; {@code every500} runs after each 500 added (e.g. to empty the test's SMTP
   * server, whose mailbox would otherwise hold every acknowledgement in the benchmark's heap).
   */
  void fillTo(int level, LocalDate arrivedOn, int myNumberEvery, ThrowingRunnable every500) throws Exception {
    long present = open();
    int missing = (int) (level - present);
    LifecycleBenchmark.say("filling to %d open requests (%d to add, %d threads, %d a transaction)", level, missing,
        threads, batch);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger added = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(clients.submit(() -> {
          for (int first = next.getAndAdd(batch); first < missing; first = next.getAndAdd(batch)) {
            int last = Math.min(missing, first + batch);
            List<DeskRequest> requests = new ArrayList<>();
            for (int n = first; n < last; n++) {
              requests.add(null);
            }
            int from = first;
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
              for (int n = from; n < last; n++) {
                // numbered across levels, so that the mix is the same whatever the levels
                long number = present + n;
                boolean myNumber = myNumberEvery > 0 && number % myNumberEvery == myNumberEvery - 1;
                TestRequests builder = TestRequests.request(register).arrivedOn(arrivedOn);
                DeskRequest registered = (myNumber ? builder.specific() : builder).register();
                ProcessInstance instance = starter.start(registered);
                requests.set(n - from, registered);
                if (skipAcknowledgement) {
                  moveOn(instance, registered, number);
                }
              }
            });
            for (int n = first; n < last; n++) {
              DeskRequest request = requests.get(n - first);
              if (!skipAcknowledgement) {
                new ProcessDriver(engine, request.reference()).runJobs();
                long number = present + n;
                if (searches != null && atSearch(number)) {
                  moveToSearch(request, number);
                }
              }
              int count = added.incrementAndGet();
              if (count % 500 == 0) {
                every500.run();
                LifecycleBenchmark.say("  %d added", count);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /**
   * The request checked (complete, nothing held for a client), the identity verified and no fee: the investigation
   * plans the search from the inventory for a customer (CRM, call recordings) or an employee or applicant (HR and
   * payroll, recruitment, paper files; a My Number request only the systems entitled to it) and waits for the owning
   * groups' search tasks.
   */
  private void moveOn(ProcessInstance instance, DeskRequest request, long number) {
    // what the first job does before the acknowledgement: the model's deadline table and the SLA clock's service
    RuntimeService runtime = engine.getRuntimeService();
    Object days = engine.getDecisionService()
        .evaluateDecisionTableByKey("response-deadline", runtime.getVariables(instance.getId()))
        .getSingleResult().getSingleEntry();
    ClockDates dates = clock.start(request.id(), ((Number) days).intValue(), "bench");
    VariableMap started = Variables.createVariables().putValue(RequestFacts.TARGET_BUSINESS_DAYS.name(), days)
        .putValue(RequestFacts.TARGET_DUE_DATE.name(), dates.targetDueDate());
    if (dates.art39Date() != null) {
      started.putValue(RequestFacts.ART39_DATE.name(), dates.art39Date());
    }
    runtime.setVariables(instance.getId(), started);
    var modification = runtime.createProcessInstanceModification(instance.getId());
    if (searches != null && atSearch(number)) {
      searches.chooseRelationship(request.id(), relationship(number), "bench");
      modification.startBeforeActivity("Task_PlanSystemSearch").setVariables(checked());
    } else {
      modification.startBeforeActivity("Task_CheckRequest");
    }
    modification.cancelAllForActivity(PersonalDataRequestProcess.Elements.DETERMINE_RESPONSE_DEADLINE).execute();
  }

  static Relationship relationship(long number) {
    return (number / 7) % 2 == 0 ? Relationship.CUSTOMER : Relationship.EMPLOYEE_OR_APPLICANT;
  }

  /** What the check, the identity verification and the fee leave in the process when none is to pay. */
  static VariableMap checked() {
    return Variables.createVariables()
        .putValue("requestFormComplete", true)
        .putValue("entrustedData", "NONE")
        .putValue("identityOutcome", "VERIFIED")
        .putValue("feeAmount", 0);
  }

  private void moveToSearch(DeskRequest request, long number) {
    searches.chooseRelationship(request.id(), relationship(number), "bench");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(request.reference()).processDefinitionKey(PersonalDataRequestProcess.KEY)
        .singleResult();
    engine.getRuntimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Task_PlanSystemSearch")
        .setVariables(checked())
        .cancelAllForActivity("Task_CheckRequest")
        .execute();
  }

  /** Something to do now and then while filling. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
