package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.correspondence.LetterComposer.ComposedLetter;
import jp.madoguchi.correspondence.LetterComposer.Recipient;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.process.RequestWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records letters in the outbox, in the transaction of the step that causes them, each composed then and there
 * (its text, and its PDF for a requester or a client); a sender delivers the e-mail after commit, staff print and
 * post the paper. A step that runs again with the same letter key records nothing new; a step that rolls back
 * leaves nothing to send.
 */
@Service
public class CorrespondenceService {

  private final JdbcClient jdbc;
  private final RequestRegister register;
  private final LetterComposer composer;
  private final LetterDocuments documents;
  private final ApplicationEventPublisher events;
  private final Outbox outbox;

  CorrespondenceService(JdbcClient jdbc, RequestRegister register, LetterComposer composer,
      LetterDocuments documents, ApplicationEventPublisher events, Outbox outbox) {
    this.jdbc = jdbc;
    this.register = register;
    this.composer = composer;
    this.documents = documents;
    this.events = events;
    this.outbox = outbox;
  }

  /**
   * Queues a notice or a written reply to the requester: the agent when an agent made the request, else the
   * principal. It goes by e-mail (a reply as a download link) when the addressee gave an address and did not ask
   * for paper; otherwise on paper by registered mail to the verified address.
   */
  public Delivery queueToRequester(long requestId, LetterKind kind, String letterKey) {
    return queueToRequester(requestId, kind, letterKey, LetterFacts.NONE);
  }

  /** As {@link #queueToRequester(long, LetterKind, String)}, with what the letter needs to know from the step. */
  public Delivery queueToRequester(long requestId, LetterKind kind, String letterKey, LetterFacts facts) {
    DeskRequest request = register.find(requestId);
    DeskRequest.Party addressee = request.addressee();
    if (kind.carriesStatusKey() && !hasEmail(addressee)) {
      throw new IllegalArgumentException("A status key goes by e-mail only; request " + request.reference()
          + " has no e-mail address to send it to");
    }
    // a status key goes to the address the requester gave, whatever the chosen method of disclosure
    boolean byEmail = hasEmail(addressee)
        && (kind.carriesStatusKey() || request.disclosureMethod() != DisclosureMethod.PAPER);
    Delivery delivery = byEmail ? Delivery.EMAIL : Delivery.PAPER;
    queue(request, kind, new Recipient(requesterRole(request), addressee.name(), addressee.email(), delivery),
        letterKey, facts);
    return delivery;
  }

  /**
   * Queues an e-mail with a new status key to the requester (the agent when an agent made the request): the key is
   * drawn when the e-mail is sent and replaces the earlier one then. Returns false, queueing nothing, when the
   * requester gave no e-mail address (a key is never put on paper, where the desk would keep a copy).
   *
   * @param actor who asked: the requester themselves, or the member of staff who sends it
   */
  public boolean queueStatusKey(long requestId, String actor) {
    DeskRequest request = register.find(requestId);
    if (!hasEmail(request.addressee())) {
      return false;
    }
    register.recordEvent(requestId, actor, "STATUS_KEY_REQUESTED", null);
    queueToRequester(requestId, LetterKind.STATUS_KEY, "status-key:" + requestId + ":" + UUID.randomUUID());
    return true;
  }

  /** When the last e-mail with a new status key was queued for the request, if ever. */
  public Optional<Instant> lastStatusKeyQueuedAt(long requestId) {
    return jdbc.sql("SELECT MAX(created_at) FROM outbound_letter WHERE request_id = ? AND letter_kind = 'STATUS_KEY'")
        .param(requestId)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
        .single()
        .map(java.time.OffsetDateTime::toInstant);
  }

  /** Queues a notice to a client company whose entrusted data the request concerns. */
  public void queueToClient(long requestId, LetterKind kind, String companyName, String email, String letterKey) {
    DeskRequest request = register.find(requestId);
    Delivery delivery = email == null || email.isBlank() ? Delivery.PAPER : Delivery.EMAIL;
    queue(request, kind, new Recipient(RecipientRole.CLIENT, companyName, email, delivery), letterKey,
        LetterFacts.NONE.withClientCompanyName(companyName));
  }

  /** Queues a reminder to a member of staff. */
  public void queueToStaff(long requestId, LetterKind kind, String userId, String email, String letterKey) {
    queueToStaff(requestId, kind, userId, email, letterKey, LetterFacts.NONE);
  }

  /** Queues a reminder to a member of staff about an open task. */
  public void queueToStaff(long requestId, LetterKind kind, String userId, String email, String letterKey,
      LetterFacts facts) {
    DeskRequest request = register.find(requestId);
    queue(request, kind, new Recipient(RecipientRole.STAFF, userId, email, Delivery.EMAIL), letterKey, facts);
  }

  public List<OutboundLetter> lettersOf(long requestId) {
    return jdbc.sql("SELECT * FROM outbound_letter WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query((rs, n) -> new OutboundLetter(rs.getLong("id"), rs.getLong("request_id"),
            LetterKind.valueOf(rs.getString("letter_kind")), RecipientRole.valueOf(rs.getString("recipient_role")),
            rs.getString("recipient_name"), rs.getString("recipient_email"),
            Delivery.valueOf(rs.getString("delivery")), rs.getString("language"), rs.getString("status"),
            rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The id of the letter queued under a key, e.g. to offer its PDF to the staff who post it. */
  public Optional<Long> letterId(String letterKey) {
    return jdbc.sql("SELECT id FROM outbound_letter WHERE letter_key = ?").param(letterKey).query(Long.class)
        .optional();
  }

  /**
   * Puts an e-mail back in line, to be sent once this transaction commits, with a fresh count of attempts: one that
   * FAILED, one waiting to RETRY, or one SENT that the person asks for again (a lost mail, an expired link: the
   * new mail carries a new link). Returns false for a paper letter or one being sent right now.
   */
  @Transactional
  public boolean retry(long letterId, String actor) {
    Optional<Outbox.Entry> letter = outbox.find(letterId);
    if (letter.isEmpty() || !outbox.retry(letterId, RequestRegister.now())) {
      return false;
    }
    register.recordEvent(letter.get().requestId(), actor, "LETTER_RETRY_REQUESTED",
        letter.get().kind().name() + " to " + letter.get().recipientRole().name() + ", was "
            + letter.get().status().name());
    events.publishEvent(new LetterQueued(letterId, Delivery.EMAIL));
    return true;
  }

  /**
   * Puts an e-mail back in line to a corrected address (the old one bounced, or the person gave a new one): the
   * letter's address, and the principal's or agent's address in the register so that later letters go there too.
   * Returns false when the letter is not an e-mail that may be retried (see {@link #retry(long, String)}); refuses
   * when the request's personal data has been erased.
   */
  @Transactional
  public boolean retryTo(long letterId, String email, String actor) {
    Optional<Outbox.Entry> found = outbox.find(letterId);
    if (found.isEmpty() || !outbox.correctRecipient(letterId, email)) {
      return false;
    }
    Outbox.Entry letter = found.get();
    RecipientRole role = letter.recipientRole();
    if ((role == RecipientRole.PRINCIPAL || role == RecipientRole.AGENT)
        && !register.correctEmail(letter.requestId(), role == RecipientRole.AGENT, email, actor)) {
      throw new AddressNotCorrectableException("The personal data of request " + letter.reference()
          + " has been erased: there is no address to correct");
    }
    register.recordEvent(letter.requestId(), actor, "LETTER_RECIPIENT_CORRECTED",
        letter.kind().name() + " to " + role.name());
    return retry(letterId, actor);
  }

  /**
   * The requester withdrew the request: what has not gone out for it yet (a paper letter not yet posted, an e-mail
   * waiting for its first or next attempt, one that FAILED) is cancelled, in the withdrawing transaction. An e-mail
   * being sent at this moment is left to finish.
   */
  @EventListener
  void cancelUnsent(RequestWithdrawn withdrawn) {
    List<String> cancelled = jdbc.sql("""
            SELECT letter_kind || ' to ' || recipient_role || ' by ' || delivery FROM outbound_letter
            WHERE request_id = ? AND status IN ('QUEUED', 'RETRY', 'FAILED') ORDER BY id
            """)
        .param(withdrawn.requestId()).query(String.class).list();
    if (cancelled.isEmpty()) {
      return;
    }
    jdbc.sql("""
            UPDATE outbound_letter SET status = 'CANCELLED', next_attempt_at = NULL
            WHERE request_id = ? AND status IN ('QUEUED', 'RETRY', 'FAILED')
            """)
        .param(withdrawn.requestId()).update();
    register.recordEvent(withdrawn.requestId(), withdrawn.actor(), "LETTERS_CANCELLED",
        "not sent, the request was withdrawn: " + String.join(", ", cancelled));
  }

  /** A letter whose address cannot be corrected (its request's personal data is gone). */
  public static final class AddressNotCorrectableException extends RuntimeException {
    AddressNotCorrectableException(String message) {
      super(message);
    }
  }

  /**
   * Records that one paper letter was posted by registered mail, with its tracking number (a notice posted on its
   * own, before the reply). Returns false when the letter is no paper letter waiting to be posted.
   */
  @Transactional
  public boolean recordPosted(long letterId, String trackingNumber, String actor) {
    Optional<Outbox.Entry> letter = outbox.find(letterId);
    if (letter.isEmpty() || !outbox.markPosted(letterId, trackingNumber, RequestRegister.now())) {
      return false;
    }
    register.recordEvent(letter.get().requestId(), actor, "LETTER_DISPATCHED",
        letter.get().kind().name() + " to " + letter.get().recipientRole().name() + ", registered mail "
            + trackingNumber);
    return true;
  }

  /** Records the registered-mail tracking number of the paper letters of a request not yet dispatched. */
  public void recordDispatch(long requestId, String trackingNumber, String actor) {
    jdbc.sql("""
            UPDATE outbound_letter SET status = 'DISPATCHED', tracking_number = ?, sent_at = ?
            WHERE request_id = ? AND delivery = 'PAPER' AND status = 'QUEUED'
            """)
        .params(trackingNumber, RequestRegister.now().atOffset(java.time.ZoneOffset.UTC), requestId)
        .update();
    register.recordEvent(requestId, actor, "REPLY_DISPATCHED", "registered mail " + trackingNumber);
  }

  private void queue(DeskRequest request, LetterKind kind, Recipient recipient, String letterKey,
      LetterFacts facts) {
    boolean known = jdbc.sql("SELECT COUNT(*) FROM outbound_letter WHERE letter_key = ?").param(letterKey)
        .query(Long.class).single() > 0;
    if (known) {
      return;
    }
    Instant now = RequestRegister.now();
    ComposedLetter letter = composer.compose(request, kind, recipient, facts, register.events(request.id()), now);
    jdbc.sql("""
            INSERT INTO outbound_letter (request_id, letter_kind, recipient_role, recipient_name, recipient_email,
              delivery, language, status, letter_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
            """)
        .params(request.id(), kind.name(), recipient.role().name(), recipient.name(), recipient.email(),
            recipient.delivery().name(), request.language(), letterKey, now.atOffset(java.time.ZoneOffset.UTC))
        .update();
    long letterId = jdbc.sql("SELECT id FROM outbound_letter WHERE letter_key = ?").param(letterKey)
        .query(Long.class).single();
    documents.store(letterId, request.id(), letter, now);
    register.recordEvent(request.id(), RequestRegister.SYSTEM_ACTOR, "LETTER_QUEUED",
        kind.name() + " to " + recipient.role().name() + " by " + recipient.delivery().name());
    events.publishEvent(new LetterQueued(letterId, recipient.delivery()));
  }

  private static RecipientRole requesterRole(DeskRequest request) {
    return request.hasAgent() ? RecipientRole.AGENT : RecipientRole.PRINCIPAL;
  }

  private static boolean hasEmail(DeskRequest.Party party) {
    return party != null && party.email() != null && !party.email().isBlank();
  }
}
