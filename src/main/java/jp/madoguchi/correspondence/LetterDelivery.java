package jp.madoguchi.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.correspondence.LetterDocuments.StoredLetter;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one e-mail of the outbox: claims it with a conditional update (so that two nodes, or a poll and an
 * after-commit send, never send it twice), builds the message, hands it to the SMTP server and records the outcome.
 * A failed attempt is tried again after an exponentially growing wait; after {@code max-attempts}, or at once when
 * no retry can mend it ({@link SmtpFailures}), the letter is FAILED and waits in the staff's list.
 *
 * <p>Delivery is at least once when the SMTP server took a message but the sender never learnt it: a node that dies
 * after the server took the message and before recording it (its claim goes stale and another node sends the
 * message again), or a server whose answer to the message does not come within the SMTP timeout (the attempt counts
 * as failed and is tried again). The copy has the same Message-ID.
 */
@Component
class LetterDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(LetterDelivery.class);

  /** What one call of {@link #deliver(long)} did. */
  enum Outcome { SENT, NOT_CLAIMED, RETRY, FAILED }

  private final Outbox outbox;
  private final DownloadTokens tokens;
  private final StatusTokens statusTokens;
  private final EmailConfirmations confirmations;
  private final LetterMail mail;
  private final SmtpConnections smtp;
  private final RequestRegister register;
  private final CorrespondenceProperties properties;
  private final TransactionTemplate transaction;

  LetterDelivery(Outbox outbox, DownloadTokens tokens, StatusTokens statusTokens,
      EmailConfirmations confirmations, LetterMail mail, SmtpConnections smtp, RequestRegister register,
      CorrespondenceProperties properties,
      PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.tokens = tokens;
    this.statusTokens = statusTokens;
    this.confirmations = confirmations;
    this.mail = mail;
    this.smtp = smtp;
    this.register = register;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
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
    EmailConfirmations.Issued confirmation = claimed.confirmation();
    try {
      StoredLetter stored = claimed.stored().orElseThrow(
          () -> new IllegalStateException("Letter " + letterId + " was queued without its composed text"));
      MimeMessage message = mail.build(letter, stored, link, statusKey == null ? null : statusKey.token(),
          confirmation, RequestRegister.now());
      smtp.send(message);
    } catch (RuntimeException | MessagingException failure) {
      if (link != null) {
        tokens.revoke(link.id(), RequestRegister.now());
      }
      if (statusKey != null) {
        // the new key never reached the requester: the one they had works again
        statusTokens.restore(statusKey);
      }
      if (confirmation != null) {
        confirmations.revoke(confirmation.id(), RequestRegister.now());
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
      DownloadTokens.Issued link, StatusTokens.Replacement statusKey, EmailConfirmations.Issued confirmation) {}

  private Claimed claimAndRead(long letterId, String claim) {
    Outbox.Claim won = outbox.claim(letterId, claim, RequestRegister.now(), properties.staleClaimAfter());
    if (!won.won()) {
      return null;
    }
    Outbox.ForMail read = outbox.findForMail(letterId).orElseThrow();
    OutboundLetter letter = read.letter();
    Optional<StoredLetter> stored = read.stored();
    DownloadTokens.Issued link = stored.isPresent() && stored.get().hasPdf()
        ? tokens.issue(letterId, RequestRegister.now()) : null;
    // a new status key replaces the old one in the claim's transaction; should the e-mail fail, it is undone
    StatusTokens.Replacement statusKey = letter.kind().carriesStatusKey()
        ? statusTokens.replace(letter.requestId()) : null;
    // a confirmation link confirms the address this e-mail goes to, and only that one
    EmailConfirmations.Issued confirmation = letter.kind().carriesConfirmationLink()
        ? confirmations.issue(letterId, letter.requestId(), letter.recipientEmail(), RequestRegister.now()) : null;
    return new Claimed(won, letter, stored, link, statusKey, confirmation);
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

  private Outcome failed(OutboundLetter letter, String claim, Exception failure) {
    int attempts = letter.attempts() + 1;
    boolean permanent = SmtpFailures.isPermanent(failure);
    boolean last = permanent || attempts >= properties.maxAttempts();
    Instant now = RequestRegister.now();
    Instant next = last ? null : now.plus(properties.retryAfter(attempts));
    String error = SmtpFailures.describe(failure);
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
}
