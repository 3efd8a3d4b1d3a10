package jp.madoguchi.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the desk with real open requests, through the real models: each registered and started in one transaction,
 * as the intake does, then acknowledged (its due jobs run in the filling thread, by the job executor's command), and
 * left waiting at "Check request" with its deadline timers.
 */
final class OpenRequestFiller {

  private final ProcessEngine engine;
  private final RequestRegister register;
  private final RequestProcessStarter starter;
  private final PlatformTransactionManager transactionManager;
  private final int threads;

  OpenRequestFiller(ProcessEngine engine, RequestRegister register, RequestProcessStarter starter,
      PlatformTransactionManager transactionManager, int threads) {
    this.engine = engine;
    this.register = register;
    this.starter = starter;
    this.transactionManager = transactionManager;
    this.threads = threads;
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
    int missing = (int) (level - open());
    LifecycleBenchmark.say("filling to %d open requests (%d to add)", level, missing);
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(clients.submit(() -> {
          for (int n = next.getAndIncrement(); n < missing; n = next.getAndIncrement()) {
            boolean myNumber = myNumberEvery > 0 && n % myNumberEvery == myNumberEvery - 1;
            DeskRequest request = new TransactionTemplate(transactionManager).execute(status -> {
              TestRequests builder = TestRequests.request(register).arrivedOn(arrivedOn);
              DeskRequest registered = (myNumber ? builder.specific() : builder).register();
              starter.start(registered);
              return registered;
            });
            new ProcessDriver(engine, request.reference()).runJobs();
            if ((n + 1) % 500 == 0) {
              every500.run();
              LifecycleBenchmark.say("  %d added", n + 1);
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

  /** Something to do now and then while filling. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
