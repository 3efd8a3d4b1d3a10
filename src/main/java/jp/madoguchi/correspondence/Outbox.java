package jp.madoguchi.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The outbox: the only writer of {@code outbound_letter}, and the place other code asks about letters. A letter is
 * added in the transaction of the step that causes it; its state then changes only by conditional updates. The
 * e-mail's sending states each run on their own (auto-committed), so that a claim is visible to every node at once,
 * and each names the claim it expects: a node that lost its claim (it took longer than {@code stale-claim-after})
 * changes nothing. Paper letters go from QUEUED to DISPATCHED when staff record their registered mail.
 */
@Component
public class Outbox {

  static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a claim got: nothing, the letter, or the letter taken over from a claim that had gone stale. */
  record Claim(boolean won, String staleClaim, Instant staleClaimedAt) {
    static final Claim LOST = new Claim(false, null, null);
    static final Claim WON = new Claim(true, null, null);

    boolean tookOver() {
      return won && staleClaim != null;
    }
  }

  /**
   * Claims an e-mail for sending: it must be waiting and due, or claimed so long ago that its node is taken to be
   * gone. Exactly one of any number of concurrent claimants gets it: the database lets one conditional update
   * through and re-checks the condition for the others. A claim taken over names the claim it replaced (the
   * update only succeeds if that claim is still the letter's), so that the node that did it can say so.
   */
  Claim claim(long id, String claim, Instant now, Duration staleAfter) {
    int rows = jdbc.sql("""
            UPDATE outbound_letter SET status = 'SENDING', claimed_by = ?, claimed_at = ?
            WHERE id = ? AND delivery = 'EMAIL' AND status IN ('QUEUED', 'RETRY')
              AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            """)
        .params(claim, utc(now), id, utc(now))
        .update();
    if (rows == 1) {
      return Claim.WON;
    }
    Optional<Claim> stale = jdbc.sql("""
            SELECT claimed_by, claimed_at FROM outbound_letter
            WHERE id = ? AND delivery = 'EMAIL' AND status = 'SENDING' AND claimed_at < ?
            """)
        .params(id, utc(now.minus(staleAfter)))
        .query((rs, n) -> new Claim(true, rs.getString("claimed_by"),
            rs.getObject("claimed_at", OffsetDateTime.class).toInstant()))
        .optional();
    if (stale.isEmpty()) {
      return Claim.LOST;
    }
    int takenOver = jdbc.sql("""
            UPDATE outbound_letter SET claimed_by = ?, claimed_at = ?
            WHERE id = ? AND status = 'SENDING' AND claimed_by = ? AND claimed_at < ?
            """)
        .params(claim, utc(now), id, stale.get().staleClaim(), utc(now.minus(staleAfter)))
        .update();
    return takenOver == 1 ? stale.get() : Claim.LOST;
  }

  /**
   * The poll's query (parameters: now, the stale-claim limit, how many). The list of three statuses adds nothing to
   * the conditions after it. With {@code delivery = 'EMAIL'} it repeats the predicate of the partial index
   * {@code ix_outbound_letter_to_send} (PostgreSQL, V5), so that the planner reads that index, which holds only the
   * letters still to send, rather than walking every letter ever sent when its statistics are out of date; on H2 it
   * finds them in {@code ix_outbound_letter_status} (ADR 13). A status added here must be added to the index too.
   */
  static final String DUE = """
      SELECT id FROM outbound_letter
      WHERE delivery = 'EMAIL' AND status IN ('QUEUED', 'RETRY', 'SENDING')
        AND ((status IN ('QUEUED', 'RETRY') AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
          OR (status = 'SENDING' AND claimed_at < ?))
      ORDER BY id
      LIMIT ?
      """;

  /** The e-mails a poll should try now, oldest first. */
  List<Long> due(Instant now, Duration staleAfter, int limit) {
    return jdbc.sql(DUE)
        .params(utc(now), utc(now.minus(staleAfter)), limit)
        .query(Long.class)
        .list();
  }

  boolean markSent(long id, String claim, Instant now) {
    return jdbc.sql("""
            UPDATE outbound_letter SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL,
              next_attempt_at = NULL, claimed_by = NULL, claimed_at = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
            """)
        .params(utc(now), id, claim)
        .update() == 1;
  }

  /** Records a failed attempt: RETRY at {@code nextAttempt}, or FAILED when {@code nextAttempt} is null. */
  boolean markAttemptFailed(long id, String claim, int attempts, String error, Instant nextAttempt, Instant now) {
    boolean failed = nextAttempt == null;
    return jdbc.sql("""
            UPDATE outbound_letter SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, failed_at = ?,
              claimed_by = NULL, claimed_at = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_by = ?
            """)
        .params(failed ? LetterStatus.FAILED.name() : LetterStatus.RETRY.name(), attempts, truncate(error),
            failed ? null : utc(nextAttempt), failed ? utc(now) : null, id, claim)
        .update() == 1;
  }

  /**
   * Puts an e-mail that FAILED, waits to RETRY or was SENT back in line, due now, with a fresh count of attempts.
   * Returns whether the letter was in a state that allows it.
   */
  boolean retry(long id, Instant now) {
    return jdbc.sql("""
            UPDATE outbound_letter SET status = 'RETRY', attempts = 0, next_attempt_at = ?, failed_at = NULL,
              claimed_by = NULL, claimed_at = NULL
            WHERE id = ? AND delivery = 'EMAIL' AND status IN ('FAILED', 'RETRY', 'SENT')
            """)
        .params(utc(now), id)
        .update() == 1;
  }

  /** A new address for an e-mail that failed, waits to be retried, or was sent and is asked for again. */
  boolean correctRecipient(long id, String email) {
    return jdbc.sql("""
            UPDATE outbound_letter SET recipient_email = ?
            WHERE id = ? AND delivery = 'EMAIL' AND status IN ('FAILED', 'RETRY', 'SENT')
            """)
        .params(email, id)
        .update() == 1;
  }

  Optional<OutboundLetter> find(long id) {
    return jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(Outbox::map).optional();
  }

  /** A letter with what its e-mail is made of: its composed text, if it has been stored, without the PDF's bytes. */
  record ForMail(OutboundLetter letter, Optional<LetterDocuments.StoredLetter> stored) {}

  /**
   * The letter and its composed text in one read, for its e-mail (until issue 21's session 33 the sender read them
   * one after the other: a statement more for every e-mail). The PDF's bytes (some 50 KB) are not read: an e-mail
   * carries a link to the PDF, not the PDF.
   */
  Optional<ForMail> findForMail(long id) {
    return jdbc.sql("""
            SELECT l.*, r.reference, r.personal_information_kind,
              CASE WHEN d.pdf IS NOT NULL THEN 1 ELSE 0 END AS pdf_count,
              d.letter_id, d.subject, d.body_text, d.page_count, d.pdf IS NOT NULL AS has_pdf
            FROM outbound_letter l JOIN desk_request r ON r.id = l.request_id
              LEFT JOIN letter_document d ON d.letter_id = l.id
            WHERE l.id = ?
            """)
        .param(id)
        .query((rs, n) -> new ForMail(map(rs, n), rs.getObject("letter_id") == null ? Optional.empty()
            : Optional.of(LetterDocuments.stored(rs, null, rs.getBoolean("has_pdf")))))
        .optional();
  }

  /** Paper letters still to be dispatched, oldest first. */
  List<OutboundLetter> paperToDispatch(int limit) {
    return jdbc.sql(SELECT + " WHERE l.delivery = 'PAPER' AND l.status = 'QUEUED' ORDER BY l.created_at, l.id LIMIT ?")
        .param(limit)
        .query(Outbox::map)
        .list();
  }

  /**
   * Marks a paper letter dispatched by registered mail with its tracking number; false when it is no paper letter
   * waiting to be dispatched.
   */
  boolean markDispatched(long id, String trackingNumber, Instant dispatchedAt) {
    return dispatchPaper("id = ?", id, trackingNumber, dispatchedAt) == 1;
  }

  /** Marks every paper letter of the request still waiting dispatched, with one tracking number; returns how many. */
  int markDispatchedForRequest(long requestId, String trackingNumber, Instant dispatchedAt) {
    return dispatchPaper("request_id = ?", requestId, trackingNumber, dispatchedAt);
  }

  private int dispatchPaper(String which, long key, String trackingNumber, Instant dispatchedAt) {
    return jdbc.sql("UPDATE outbound_letter SET status = 'DISPATCHED', tracking_number = ?, sent_at = ?"
            + " WHERE " + which + " AND delivery = 'PAPER' AND status = 'QUEUED'")
        .params(trackingNumber, utc(dispatchedAt), key)
        .update();
  }

  /** Whether a letter was queued under this key already (a step that runs again queues nothing new). */
  boolean hasLetter(String letterKey) {
    return jdbc.sql("SELECT COUNT(*) FROM outbound_letter WHERE letter_key = ?").param(letterKey)
        .query(Long.class).single() > 0;
  }

  /** Adds a letter, QUEUED; returns its id (the one the database drew, in the insert's answer). */
  long add(long requestId, LetterKind kind, LetterComposer.Recipient recipient, String language, String letterKey,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO outbound_letter (request_id, letter_kind, recipient_role, recipient_name, recipient_email,
              delivery, language, status, letter_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
            """)
        .params(requestId, kind.name(), recipient.role().name(), recipient.name(), recipient.email(),
            recipient.delivery().name(), language, letterKey, utc(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The id of the letter queued under a key. */
  public Optional<Long> letterId(String letterKey) {
    return jdbc.sql("SELECT id FROM outbound_letter WHERE letter_key = ?").param(letterKey).query(Long.class)
        .optional();
  }

  /** The letters of a request, oldest first. */
  public List<OutboundLetter> lettersOf(long requestId) {
    return jdbc.sql(SELECT + " WHERE l.request_id = ? ORDER BY l.id").param(requestId).query(Outbox::map).list();
  }

  /** When the newest letter of a kind was queued for the request, if ever. */
  public Optional<Instant> lastQueuedAt(long requestId, LetterKind kind) {
    return jdbc.sql("SELECT MAX(created_at) FROM outbound_letter WHERE request_id = ? AND letter_kind = ?")
        .params(requestId, kind.name())
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .single()
        .map(OffsetDateTime::toInstant);
  }

  /** How many letters go by this means and stand in this state (for the desk's report). */
  public long count(Delivery delivery, LetterStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM outbound_letter WHERE delivery = ? AND status = ?")
        .params(delivery.name(), status.name())
        .query(Long.class)
        .single();
  }

  /**
   * Cancels what has not gone out for the request (a paper letter not yet dispatched, an e-mail waiting for its
   * first or next attempt, one that FAILED); an e-mail being sent at this moment is left to finish. Returns what was
   * cancelled, one "KIND to ROLE by DELIVERY" each.
   */
  List<String> cancelUnsent(long requestId) {
    List<String> unsent = jdbc.sql("""
            SELECT letter_kind || ' to ' || recipient_role || ' by ' || delivery FROM outbound_letter
            WHERE request_id = ? AND status IN ('QUEUED', 'SENDING', 'RETRY', 'FAILED') ORDER BY id
            """)
        .param(requestId).query(String.class).list();
    if (!unsent.isEmpty()) {
      jdbc.sql("""
              UPDATE outbound_letter SET status = 'CANCELLED', next_attempt_at = NULL
              WHERE request_id = ? AND status IN ('QUEUED', 'SENDING', 'RETRY', 'FAILED')
              """)
          .param(requestId).update();
    }
    return unsent;
  }

  /**
   * Waits for any sender that holds one of the request's letters (it locks the letter's row when it claims it, and
   * draws the letter's links in the same transaction), then holds them all until the caller's transaction ends: what
   * the caller then deletes includes every link a sender drew, and no sender can claim a letter meanwhile.
   */
  void holdLettersOf(long requestId) {
    jdbc.sql("SELECT id FROM outbound_letter WHERE request_id = ? FOR UPDATE").param(requestId).query(Long.class)
        .list();
  }

  /**
   * The request's personal data is erased: the names and addresses of its requester's letters go, and the errors of
   * their mail (which may name an address); the outbox keeps which letter went to whom when, by which means. A letter
   * to the requester still waiting to go out is cancelled: there is no address left to send it to.
   */
  @EventListener
  void erasePersonalData(PersonalDataErased erased) {
    jdbc.sql("""
            UPDATE outbound_letter SET recipient_name = CASE WHEN recipient_role IN ('PRINCIPAL', 'AGENT')
                THEN NULL ELSE recipient_name END,
              recipient_email = CASE WHEN recipient_role IN ('PRINCIPAL', 'AGENT') THEN NULL ELSE recipient_email END,
              last_error = NULL
            WHERE request_id = ?
            """)
        .param(erased.requestId())
        .update();
    // a letter to the requester that has not gone out by now has no one left to go to: it is not sent
    jdbc.sql("""
            UPDATE outbound_letter SET status = 'CANCELLED'
            WHERE request_id = ? AND recipient_role IN ('PRINCIPAL', 'AGENT') AND status IN ('QUEUED', 'SENDING', 'RETRY', 'FAILED')
            """)
        .param(erased.requestId())
        .update();
  }

  List<OutboundLetter> withStatus(LetterStatus status, int limit) {
    return jdbc.sql(SELECT + " WHERE l.status = ? ORDER BY l.id DESC LIMIT ?")
        .params(status.name(), limit)
        .query(Outbox::map)
        .list();
  }

  private static final String SELECT = """
      SELECT l.*, r.reference, r.personal_information_kind,
        (SELECT COUNT(*) FROM letter_document d WHERE d.letter_id = l.id AND d.pdf IS NOT NULL) AS pdf_count
      FROM outbound_letter l JOIN desk_request r ON r.id = l.request_id
      """;

  private static OutboundLetter map(ResultSet rs, int row) throws SQLException {
    return new OutboundLetter(rs.getLong("id"), rs.getLong("request_id"), rs.getString("reference"),
        rs.getString("personal_information_kind"), LetterKind.valueOf(rs.getString("letter_kind")),
        RecipientRole.valueOf(rs.getString("recipient_role")), rs.getString("recipient_name"),
        rs.getString("recipient_email"), Delivery.valueOf(rs.getString("delivery")), rs.getString("language"),
        LetterStatus.valueOf(rs.getString("status")), rs.getString("letter_key"), rs.getInt("attempts"),
        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
        instant(rs, "sent_at"), instant(rs, "failed_at"), rs.getInt("pdf_count") > 0);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
