package jp.madoguchi.correspondence;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.madoguchi.request.PersonalDataErased;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The download links of letters sent by e-mail. A link carries 256 random bits; the database keeps only their
 * SHA-256, so a copy of the database (or a backup) cannot be turned into working links. A link works for
 * {@code madoguchi.correspondence.download-valid-days} days; an unknown, expired or revoked link, or one whose letter
 * was erased, is simply not found.
 */
@Component
class DownloadTokens {

  static final String ACTOR = "download-link";
  private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int TOKEN_BYTES = 32;

  private final JdbcClient jdbc;
  private final RequestRegister register;
  private final CorrespondenceProperties properties;
  private final Outbox outbox;
  private final SecureRandom random = new SecureRandom();

  DownloadTokens(JdbcClient jdbc, RequestRegister register, CorrespondenceProperties properties, Outbox outbox) {
    this.jdbc = jdbc;
    this.register = register;
    this.properties = properties;
    this.outbox = outbox;
  }

  /** A link just issued: the token exists only here and in the e-mail that carries it. */
  record Issued(long id, String token, Instant expiresAt) {}

  /** A letter fetched through its link. */
  record Download(long letterId, long requestId, String fileName, byte[] pdf) {}

  Issued issue(long letterId, Instant now) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = now.plus(Duration.ofDays(properties.downloadValidDays()));
    String hash = hash(token);
    // the id the database drew, in the insert's answer (as the outbox's letters), not read back by the hash
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO letter_download_token (letter_id, token_hash, issued_at, expires_at)
            VALUES (?, ?, ?, ?)
            """)
        .params(letterId, hash, Outbox.utc(now), Outbox.utc(expiresAt))
        .update(key, "id");
    return new Issued(key.getKey().longValue(), token, expiresAt);
  }

  /** Withdraws a link whose e-mail never left: nobody can know its token, but it should not linger either. */
  void revoke(long tokenId, Instant now) {
    jdbc.sql("UPDATE letter_download_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(Outbox.utc(now), tokenId)
        .update();
  }

  /** The request's personal data is erased: the links of its letters stop working. */
  @EventListener
  void revokeAll(PersonalDataErased erased) {
    // a sender drawing a link at this moment does so in the transaction that claimed the letter: wait for it
    outbox.holdLettersOf(erased.requestId());
    jdbc.sql("UPDATE letter_download_token SET revoked_at = ? WHERE revoked_at IS NULL AND letter_id IN"
            + " (SELECT l.id FROM outbound_letter l WHERE l.request_id = ?)")
        .params(Outbox.utc(erased.erasedAt()), erased.requestId())
        .update();
  }

  /** The letter of a valid link, recording the download in the letter's history; empty for any other link. */
  @Transactional
  public Optional<Download> redeem(String token, Instant now) {
    if (token == null || !TOKEN_FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    Optional<ValidLink> link = jdbc.sql("""
            SELECT t.id AS token_id, l.id AS letter_id, l.request_id, l.letter_kind, r.reference, d.pdf
            FROM letter_download_token t
              JOIN outbound_letter l ON l.id = t.letter_id
              JOIN desk_request r ON r.id = l.request_id
              JOIN letter_document d ON d.letter_id = l.id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND d.pdf IS NOT NULL
              AND r.personal_data_erased_at IS NULL
            """)
        .params(hash(token), Outbox.utc(now))
        .query((rs, n) -> new ValidLink(rs.getLong("token_id"), rs.getLong("letter_id"), rs.getLong("request_id"),
            LetterKind.valueOf(rs.getString("letter_kind")), rs.getString("reference"), rs.getBytes("pdf")))
        .optional();
    link.ifPresent(valid -> {
      jdbc.sql("INSERT INTO letter_download (token_id, letter_id, downloaded_at) VALUES (?, ?, ?)")
          .params(valid.tokenId(), valid.letterId(), Outbox.utc(now))
          .update();
      register.recordEvent(valid.requestId(), ACTOR, "LETTER_DOWNLOADED",
          valid.kind().name() + " (letter " + valid.letterId() + ")");
    });
    return link.map(valid -> new Download(valid.letterId(), valid.requestId(),
        fileName(valid.reference(), valid.kind()), valid.pdf()));
  }

  /**
   * The request of a valid link, without fetching its letter: what comes with the letter (the disclosure archive)
   * is fetched through the same link, and expires and is withdrawn with it.
   */
  Optional<ReplyLinks.Link> requestOf(String token, Instant now) {
    if (token == null || !TOKEN_FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT t.id AS token_id, l.request_id, l.letter_kind FROM letter_download_token t
              JOIN outbound_letter l ON l.id = t.letter_id
              JOIN desk_request r ON r.id = l.request_id
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?
              AND r.personal_data_erased_at IS NULL
            """)
        .params(hash(token), Outbox.utc(now))
        .query((rs, n) -> new ReplyLinks.Link(rs.getLong("token_id"), rs.getLong("request_id"),
            LetterKind.valueOf(rs.getString("letter_kind"))))
        .optional();
  }

  private record ValidLink(long tokenId, long letterId, long requestId, LetterKind kind, String reference,
      byte[] pdf) {}

  static String fileName(String reference, LetterKind kind) {
    return reference + "-" + kind.fileName() + ".pdf";
  }

  static String hash(String token) {
    return LetterDocuments.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }
}
