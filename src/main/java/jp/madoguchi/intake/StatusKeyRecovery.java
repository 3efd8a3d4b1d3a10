package jp.madoguchi.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.correspondence.StatusKeyLetters;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.EmailAddress;
import jp.madoguchi.request.RequestRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A requester who lost their status key asks for a new one with the reference number and the e-mail address they
 * gave: when both match a request, the desk e-mails a new key to that address (the agent's, for a request made by
 * an agent), and the old key stops working when it is sent.
 *
 * <p>The asker is answered the same whatever happens, and before anything is looked up: the look-up runs after the
 * answer, on a thread of its own, so that neither the answer nor the time it takes tells whether a person with that
 * address made a request. At most one key per request is sent in {@code madoguchi.intake.status-key-interval}. Every
 * ask about an existing request is recorded in its history, matched or not (never the address that was given).
 */
@Service
class StatusKeyRecovery implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StatusKeyRecovery.class);

  /** What an ask came to: for the history, the log and the tests, never for the asker. */
  enum Outcome { QUEUED, NO_SUCH_REQUEST, ADDRESS_DID_NOT_MATCH, TOO_SOON }

  private final RequestRegister register;
  private final StatusKeyLetters statusKeyLetters;
  private final IntakeProperties properties;
  private final TransactionTemplate transaction;
  private final ThreadPoolExecutor worker;

  StatusKeyRecovery(RequestRegister register, StatusKeyLetters statusKeyLetters, IntakeProperties properties,
      PlatformTransactionManager transactionManager) {
    this.register = register;
    this.statusKeyLetters = statusKeyLetters;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    // one thread and a bounded queue: a flood of asks waits or is dropped, it never holds the web server's threads
    this.worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), task -> {
      Thread thread = new Thread(task, "status-key-recovery");
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.AbortPolicy());
    this.worker.allowCoreThreadTimeOut(true);
  }

  /**
   * Checks the ask's form (a reference and an e-mail address as they are written) and takes it; the rest happens
   * after the caller has answered.
   *
   * @throws InvalidSubmissionException when a field is missing or malformed: that tells nothing about any request
   */
  void ask(String reference, String email) {
    String ref = reference == null ? "" : reference.strip();
    String address = email == null ? "" : email.strip();
    List<FieldProblem> problems = new ArrayList<>();
    if (ref.isEmpty()) {
      problems.add(new FieldProblem("reference", "intake.error.required"));
    } else if (ref.length() > 40) {
      problems.add(new FieldProblem("reference", "intake.error.tooLong", 40));
    }
    if (address.isEmpty()) {
      problems.add(new FieldProblem("email", "intake.error.required"));
    } else if (!EmailAddress.valid(address)) {
      problems.add(new FieldProblem("email", "intake.error.invalidEmail"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }
    try {
      worker.execute(() -> handleQuietly(ref, address));
    } catch (RejectedExecutionException busy) {
      LOG.warn("Too many asks for a new status key waiting; one for {} was dropped", ref);
    }
  }

  /** Looks the ask up and queues the e-mail when it matches; one transaction. */
  Outcome handle(String reference, String email) {
    return transaction.execute(status -> {
      Optional<DeskRequest> found = register.findByReference(reference);
      if (found.isEmpty()) {
        return Outcome.NO_SUCH_REQUEST;
      }
      DeskRequest request = found.get();
      DeskRequest.Party addressee = request.addressee();
      if (addressee == null || addressee.email() == null || !addressee.email().strip().equalsIgnoreCase(email)) {
        register.recordEvent(request.id(), RequestSubmission.REQUESTER, "STATUS_KEY_NOT_SENT",
            "the e-mail address given does not match the request's");
        return Outcome.ADDRESS_DID_NOT_MATCH;
      }
      Instant now = RequestRegister.now();
      Optional<Instant> last = statusKeyLetters.lastQueuedAt(request.id());
      if (last.isPresent() && last.get().isAfter(now.minus(properties.statusKeyInterval()))) {
        register.recordEvent(request.id(), RequestSubmission.REQUESTER, "STATUS_KEY_NOT_SENT",
            "another was sent at " + last.get() + ", less than " + properties.statusKeyInterval() + " ago");
        return Outcome.TOO_SOON;
      }
      statusKeyLetters.queue(request.id(), RequestSubmission.REQUESTER);
      return Outcome.QUEUED;
    });
  }

  private void handleQuietly(String reference, String email) {
    try {
      Outcome outcome = handle(reference, email);
      LOG.info("Ask for a new status key for {}: {}", reference, outcome);
    } catch (RuntimeException failure) {
      LOG.warn("An ask for a new status key for {} failed; the requester may ask again", reference, failure);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    worker.shutdown();
    if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
      worker.shutdownNow();
    }
  }
}
