package jp.madoguchi.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.madoguchi.correspondence.LetterDocuments.StoredLetter;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's e-mail. A letter is sent right after the transaction that queued it commits (never before: a
 * step that rolls back leaves no letter to send); a poll on every node sends what that missed (a node stopped, the
 * SMTP server was down). Before sending, a node claims the letter with a conditional update, so that two nodes,
 * or a poll and an after-commit send, never send it twice. A failed attempt is tried again after an exponentially
 * growing wait; after {@code max-attempts} the letter is FAILED and waits in the staff's list.
 *
 * <p>Delivery is at least once when the SMTP server took a message but the sender never learnt it: a node that dies
 * after the server took the message and before recording it (its claim goes stale and another node sends the
 * message again), or a server whose answer to the message does not come within the SMTP timeout (the attempt counts
 * as failed and is tried again). The copy has the same Message-ID.
 */
@Component
class LetterSender implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(LetterSender.class);

  private static final int FAILURES_BEFORE_PAUSE = 3;

  /** What one call of {@link #deliver(long)} did. */
  enum Outcome { SENT, NOT_CLAIMED, RETRY, FAILED }

  private final Outbox outbox;
  private final LetterDocuments documents;
  private final DownloadTokens tokens;
  private final StatusTokens statusTokens;
  private final LetterMail mail;
  private final JavaMailSender mailSender;
  private final RequestRegister register;
  private final CorrespondenceProperties properties;
  private final TransactionTemplate transaction;
  private final ThreadPoolExecutor afterCommit;

  LetterSender(Outbox outbox, LetterDocuments documents, DownloadTokens tokens, StatusTokens statusTokens,
      LetterMail mail, JavaMailSender mailSender, RequestRegister register, CorrespondenceProperties properties,
      PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.documents = documents;
    this.tokens = tokens;
    this.statusTokens = statusTokens;
    this.mail = mail;
    this.mailSender = mailSender;
    this.register = register;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    AtomicInteger threads = new AtomicInteger();
    // a small pool with a bounded queue: when it is full the letter simply waits for the next poll
    this.afterCommit = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
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

  /** The safety net: every node looks for e-mail that is due, that failed before, or whose sender died. */
  @Scheduled(fixedDelayString = "${madoguchi.correspondence.poll-interval:PT30S}",
      initialDelayString = "${madoguchi.correspondence.poll-interval:PT30S}")
  void poll() {
    try {
      sendDue();
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

  /**
   * Says, in the log and in the request's history, that this node sends a letter another sender claimed and did not
   * finish: that node is taken to be gone. Had it sent the e-mail after all, the requester gets it twice, with the
   * same Message-ID.
   */
  private void tookOver(OutboundLetter letter, Outbox.Claim claimed) {
    LOG.warn("Letter {} ({} to {} of {}) was claimed by {} at {} and not sent within {}: that sender is taken to be "
        + "gone and this node ({}) sends it; if it did send it, the e-mail arrives twice, with one Message-ID",
        letter.id(), letter.kind(), letter.recipientRole(), letter.reference(), claimed.staleClaim(),
        claimed.staleClaimedAt(), properties.staleClaimAfter(), properties.nodeId());
    register.recordEvent(letter.requestId(), RequestRegister.SYSTEM_ACTOR, "LETTER_CLAIM_TAKEN_OVER",
        letter.kind().name() + " to " + letter.recipientRole().name() + ": claimed by " + claimed.staleClaim()
            + " at " + claimed.staleClaimedAt() + ", not sent; sent by " + properties.nodeId());
  }

  /** Tries the letters in turn, pausing after a few failures in a row; returns how many were sent. */
  int send(List<Long> due) {
    int sent = 0;
    int failuresInARow = 0;
    for (long id : due) {
      Outcome outcome = deliver(id);
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

  /**
   * Claims the e-mail and sends it. Any number of threads on any number of nodes may call this for one letter at
   * the same time: one claims it, the others return {@link Outcome#NOT_CLAIMED}.
   */
  Outcome deliver(long letterId) {
    String claim = properties.nodeId() + "/" + UUID.randomUUID();
    // one transaction claims the letter and reads what the e-mail needs (a written reply's link included): the
    // claim is seen by every node when it commits, as before, with one commit for all of it instead of one each
    Claimed claimed = transaction.execute(status -> claimAndRead(letterId, claim));
    if (claimed == null) {
      return Outcome.NOT_CLAIMED;
    }
    OutboundLetter letter = claimed.letter();
    if (claimed.claim().tookOver()) {
      tookOver(letter, claimed.claim());
    }
    DownloadTokens.Issued link = claimed.link();
    StatusTokens.Replacement statusKey = claimed.statusKey();
    try {
      StoredLetter stored = claimed.stored().orElseThrow(
          () -> new IllegalStateException("Letter " + letterId + " was queued without its composed text"));
      MimeMessage message = mail.build(letter, stored, link, statusKey == null ? null : statusKey.token(),
          RequestRegister.now());
      mailSender.send(message);
    } catch (RuntimeException | MessagingException failure) {
      if (link != null) {
        tokens.revoke(link.id(), RequestRegister.now());
      }
      if (statusKey != null) {
        // the new key never reached the requester: the one they had works again
        statusTokens.restore(statusKey);
      }
      return failed(letter, claim, failure);
    }
    Instant sentAt = RequestRegister.now();
    transaction.executeWithoutResult(status -> {
      if (outbox.markSent(letterId, claim, sentAt)) {
        register.recordEvent(letter.requestId(), RequestRegister.SYSTEM_ACTOR, "LETTER_SENT",
            letter.kind().name() + " to " + letter.recipientRole().name() + " by EMAIL");
      } else {
        LOG.warn("Letter {} was sent, but its claim had gone stale and another node may send it again", letterId);
      }
    });
    return Outcome.SENT;
  }

  /** A letter this node has claimed, with what its e-mail is made of. */
  private record Claimed(Outbox.Claim claim, OutboundLetter letter, Optional<StoredLetter> stored,
      DownloadTokens.Issued link, StatusTokens.Replacement statusKey) {}

  private Claimed claimAndRead(long letterId, String claim) {
    Outbox.Claim won = outbox.claim(letterId, claim, RequestRegister.now(), properties.staleClaimAfter());
    if (!won.won()) {
      return null;
    }
    OutboundLetter letter = outbox.find(letterId).orElseThrow();
    Optional<StoredLetter> stored = documents.find(letterId);
    DownloadTokens.Issued link = stored.isPresent() && stored.get().hasPdf()
        ? tokens.issue(letterId, RequestRegister.now()) : null;
    // a new status key replaces the old one in the claim's transaction; should the e-mail fail, it is undone
    StatusTokens.Replacement statusKey = letter.kind().carriesStatusKey()
        ? statusTokens.replace(letter.requestId()) : null;
    return new Claimed(won, letter, stored, link, statusKey);
  }

  private Outcome failed(OutboundLetter letter, String claim, Exception failure) {
    int attempts = letter.attempts() + 1;
    boolean permanent = isPermanent(failure);
    boolean last = permanent || attempts >= properties.maxAttempts();
    Instant now = RequestRegister.now();
    Instant next = last ? null : now.plus(properties.retryAfter(attempts));
    String error = describe(failure);
    transaction.executeWithoutResult(status -> {
      if (outbox.markAttemptFailed(letter.id(), claim, attempts, error, next, now) && last) {
        register.recordEvent(letter.requestId(), RequestRegister.SYSTEM_ACTOR, "LETTER_FAILED",
            letter.kind().name() + " to " + letter.recipientRole().name() + " after " + attempts + " attempt(s)"
                + (permanent ? ", undeliverable" : ""));
      }
    });
    if (last) {
      LOG.error("Letter {} ({} of {}) FAILED after {} attempt(s): {}; staff can retry it from the failed-mail list",
          letter.id(), letter.kind(), letter.reference(), attempts, error);
      return Outcome.FAILED;
    }
    LOG.warn("Letter {} ({} of {}) not sent, attempt {} of {}: {}; next attempt at {}", letter.id(), letter.kind(),
        letter.reference(), attempts, properties.maxAttempts(), error, next);
    return Outcome.RETRY;
  }

  private void deliverQuietly(long letterId) {
    try {
      deliver(letterId);
    } catch (RuntimeException unexpected) {
      LOG.warn("Sending letter {} after commit failed; the poll tries again", letterId, unexpected);
    }
  }

  /**
   * Failures that no retry can mend: no or a malformed address, or a server that refused every recipient for good
   * (5xx). Everything else (connection refused, timeouts, 4xx, authentication while the password is being fixed)
   * is tried again.
   */
  static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LetterMail.UndeliverableLetterException || cause instanceof AddressException
          || cause instanceof MailParseException) {
        return true;
      }
      if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
          && refused.getInvalidAddresses().length > 0
          && (refused.getValidSentAddresses() == null || refused.getValidSentAddresses().length == 0)) {
        return true;
      }
      if (cause instanceof MailSendException send) {
        for (Exception each : send.getMessageExceptions()) {
          if (each != cause && isPermanent(each)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The failure and its root cause, on one line: enough for staff to tell a wrong address from an outage. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = oneLine(failure);
    return root == failure ? text : text + " <- " + oneLine(root);
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ").strip();
    return failure.getClass().getSimpleName() + (message.length() > 400 ? message.substring(0, 400) + "…" : message);
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
