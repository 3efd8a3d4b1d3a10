package jp.madoguchi.correspondence;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.correspondence.LetterDelivery.Outcome;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.request.RequestRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the outbox's e-mail is sent. A letter is sent right after the transaction that queued it commits (never
 * before: a step that rolls back leaves no letter to send); a poll on every node sends what that missed (a node
 * stopped, the SMTP server was down). {@link LetterDelivery} sends each one, and makes sure no letter goes twice.
 */
@Component
class LetterSendScheduler implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(LetterSendScheduler.class);

  private static final int FAILURES_BEFORE_PAUSE = 3;

  /** Letters waiting for a sender after commit, at most; beyond them the poll sends. */
  static final int AFTER_COMMIT_QUEUE = 100_000;

  private final Outbox outbox;
  private final LetterDelivery delivery;
  private final CorrespondenceProperties properties;
  private final ThreadPoolExecutor afterCommit;

  LetterSendScheduler(Outbox outbox, LetterDelivery delivery, CorrespondenceProperties properties) {
    this.outbox = outbox;
    this.delivery = delivery;
    this.properties = properties;
    AtomicInteger threads = new AtomicInteger();
    // A few senders (each mostly waits for the SMTP server's answers and the database's commits) behind a queue
    // that holds a breach day's backlog: when the letters were composed faster than they were sent and the queue
    // held 1,000, the rest waited for the poll, one letter after another on one thread: 10 a second against the
    // senders' 70 (issue 21, session 9). A queued letter is its id (tens of bytes); a node that stops loses nothing,
    // the poll on any node sends what is left.
    this.afterCommit = new ThreadPoolExecutor(properties.senders(), properties.senders(), 60,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(AFTER_COMMIT_QUEUE),
        task -> {
          Thread thread = new Thread(task, "letter-sender-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.AbortPolicy());
    this.afterCommit.allowCoreThreadTimeOut(true);
  }

  /** Sends an e-mail as soon as the transaction that queued it has committed. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void afterQueued(LetterQueued queued) {
    if (queued.delivery() != Delivery.EMAIL || afterCommit.isShutdown()) {
      return;
    }
    try {
      afterCommit.execute(() -> deliverQuietly(queued.letterId()));
    } catch (RejectedExecutionException busy) {
      LOG.debug("Letter {} waits for the next poll: the sender is busy", queued.letterId());
    }
  }

  /**
   * The safety net: every node looks for e-mail that is due, that failed before, or whose sender died. A backlog
   * (more letters queued at once than the senders after commit take, as on the day a breach makes the news) is sent
   * batch after batch for up to one poll interval, not one batch per interval: at 50 letters per 30 s a backlog of
   * thousands would take hours. A batch with failures ends the round, as before.
   */
  @Scheduled(fixedDelayString = "${madoguchi.correspondence.poll-interval:PT30S}",
      initialDelayString = "${madoguchi.correspondence.poll-interval:PT30S}")
  void poll() {
    try {
      long until = System.nanoTime() + properties.pollInterval().toNanos();
      while (sendDue() >= properties.batchSize() && System.nanoTime() < until && !afterCommit.isShutdown()) {
        LOG.debug("A full batch was sent; the outbox has more due");
      }
    } catch (RuntimeException failure) {
      LOG.warn("Polling the outbox failed; the next poll tries again", failure);
    }
  }

  /**
   * Tries the e-mail due now (up to {@code batch-size}); returns how many were sent. After a few failures in a row
   * the server is taken to be down and the rest wait for the next poll, still due: a batch of letters each waiting
   * out the connection timeout would hold the scheduler's thread for many minutes.
   */
  int sendDue() {
    return send(outbox.due(RequestRegister.now(), properties.staleClaimAfter(), properties.batchSize()));
  }

  /** Tries the letters in turn, pausing after a few failures in a row; returns how many were sent. */
  int send(List<Long> due) {
    int sent = 0;
    int failuresInARow = 0;
    for (long id : due) {
      Outcome outcome = delivery.deliver(id);
      if (outcome == Outcome.SENT) {
        sent++;
        failuresInARow = 0;
      } else if (outcome == Outcome.RETRY && ++failuresInARow >= FAILURES_BEFORE_PAUSE) {
        LOG.warn("{} letters in a row could not be sent; the others wait for the next poll", failuresInARow);
        break;
      }
    }
    return sent;
  }

  private void deliverQuietly(long letterId) {
    try {
      delivery.deliver(letterId);
    } catch (RuntimeException unexpected) {
      LOG.warn("Sending letter {} after commit failed; the poll tries again", letterId, unexpected);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    afterCommit.shutdown();
    if (!afterCommit.awaitTermination(10, TimeUnit.SECONDS)) {
      // letters still being sent stay claimed until their claim goes stale; another node then sends them
      afterCommit.shutdownNow();
    }
  }
}
