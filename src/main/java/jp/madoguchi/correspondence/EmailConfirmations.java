package jp.madoguchi.correspondence;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.madoguchi.request.Digests;
import jp.madoguchi.request.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links that confirm a requester's e-mail address, and whether an address is confirmed (the one writer of
 * {@code email_confirmation}). A link carries 256 random bits drawn when its e-mail is sent; the database keeps their
 * SHA-256 only. A link works once, for {@code madoguchi.email-confirmation.link-valid-for}; it confirms the address
 * it was sent to and no other.
 */
@Component
public class EmailConfirmations {

  private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int TOKEN_BYTES = 32;

  private final JdbcClient jdbc;
  private final EmailConfirmationProperties properties;
  private final Outbox outbox;
  private final SecureRandom random = new SecureRandom();

  EmailConfirmations(JdbcClient jdbc, EmailConfirmationProperties properties, Outbox outbox) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.outbox = outbox;
  }

  /** A link just issued: the token exists only here and in the e-mail that carries it. */
  record Issued(long id, String token, Instant expiresAt) {

    @Override
    public String toString() {
      // the token is a secret: never in a log line
      return "Issued[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** What a link did when the requester used it. */
  public enum Outcome { CONFIRMED, ALREADY_USED, EXPIRED, UNKNOWN }

  /** The answer to a confirmation: its outcome and, when the link was the desk's, its request. */
  public record Confirmation(Outcome outcome, Long requestId) {}

  /** Draws a new link for the e-mail of this letter to this address. */
  Issued issue(long letterId, long requestId, String email, Instant now) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = now.plus(properties.linkValidFor());
    String hash = Digests.sha256Hex(token);
    jdbc.sql("""
            INSERT INTO email_confirmation (request_id, letter_id, token_hash, email_hash, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, letterId, hash, addressHash(email), Outbox.utc(now), Outbox.utc(expiresAt))
        .update();
    long id = jdbc.sql("SELECT id FROM email_confirmation WHERE token_hash = ?").param(hash)
        .query(Long.class).single();
    return new Issued(id, token, expiresAt);
  }

  /** Withdraws a link whose e-mail never left. */
  void revoke(long id, Instant now) {
    jdbc.sql("UPDATE email_confirmation SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(Outbox.utc(now), id)
        .update();
  }

  /**
   * Uses a link: the first use of a valid link confirms its address; a used, expired or unknown link confirms
   * nothing. Two uses at the same time confirm once.
   */
  @Transactional
  public Confirmation confirm(String token, Instant now) {
    if (token == null || !TOKEN_FORMAT.matcher(token).matches()) {
      return new Confirmation(Outcome.UNKNOWN, null);
    }
    Optional<Link> link = jdbc.sql("""
            SELECT id, request_id, expires_at, revoked_at, used_at FROM email_confirmation WHERE token_hash = ?
            """)
        .param(Digests.sha256Hex(token))
        .query((rs, n) -> new Link(rs.getLong("id"), rs.getLong("request_id"),
            rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("revoked_at") != null,
            rs.getObject("used_at") != null))
        .optional();
    if (link.isEmpty() || link.get().revoked()) {
      return new Confirmation(Outcome.UNKNOWN, null);
    }
    Link found = link.get();
    if (found.used()) {
      return new Confirmation(Outcome.ALREADY_USED, found.requestId());
    }
    if (!found.expiresAt().isAfter(now)) {
      return new Confirmation(Outcome.EXPIRED, found.requestId());
    }
    int used = jdbc.sql("UPDATE email_confirmation SET used_at = ? WHERE id = ? AND used_at IS NULL")
        .params(Outbox.utc(now), found.id())
        .update();
    return new Confirmation(used == 1 ? Outcome.CONFIRMED : Outcome.ALREADY_USED, found.requestId());
  }

  private record Link(long id, long requestId, Instant expiresAt, boolean revoked, boolean used) {}

  /** Whether the requester confirmed this address of the request through one of its links. */
  public boolean isConfirmed(long requestId, String email) {
    if (email == null || email.isBlank()) {
      return false;
    }
    return jdbc.sql("""
            SELECT COUNT(*) FROM email_confirmation WHERE request_id = ? AND email_hash = ? AND used_at IS NOT NULL
            """)
        .params(requestId, addressHash(email))
        .query(Long.class).single() > 0;
  }

  /**
   * The request's personal data is erased: so are the traces of its addresses, including the link of an e-mail being
   * sent at this moment (its sender drew it in the transaction that claimed the letter, which is waited for).
   */
  @EventListener
  void eraseAll(PersonalDataErased erased) {
    outbox.holdLettersOf(erased.requestId());
    jdbc.sql("DELETE FROM email_confirmation WHERE request_id = ?").param(erased.requestId()).update();
  }

  /** One address however it is written: the domain is case-insensitive, and so, in practice, is the local part. */
  static String addressHash(String email) {
    return Digests.sha256Hex(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
