package jp.madoguchi.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Idempotency keys of submissions: a client that retries a submission with the same key and the same body gets the
 * first answer (the same reference and status token) instead of a second request.
 *
 * <p>The register keeps neither the key nor the token in the clear: the key as its SHA-256, the token encrypted
 * (AES-GCM) under a key derived from the idempotency key. Only a caller who still holds the idempotency key can have
 * the token again; a copy of the database cannot.
 */
@Service
public class IdempotencyKeys {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The first answer given under a key. */
  public record FirstAnswer(String bodyHash, long requestId, String reference, String statusToken) {}

  /**
   * What the register holds under a key: the first answer given under it, or an entry older than the retention
   * (which gives way to the next submission with the key, {@link #remember}), or nothing.
   */
  public record Lookup(Optional<FirstAnswer> answer, boolean expiredEntry) {

    static final Lookup NOTHING = new Lookup(Optional.empty(), false);
    static final Lookup EXPIRED = new Lookup(Optional.empty(), true);
  }

  /** The answer first given under this key, unless it is older than {@code retention}; then that it has expired. */
  public Lookup find(String idempotencyKey, Duration retention) {
    OffsetDateTime cutoff = cutoff(retention);
    return jdbc.sql("""
            SELECT k.body_hash, k.request_id, k.sealed_token, k.created_at, r.reference FROM idempotency_key k
            JOIN desk_request r ON r.id = k.request_id
            WHERE k.key_hash = ?
            """)
        .param(keyHash(idempotencyKey))
        .query((rs, n) -> rs.getObject("created_at", OffsetDateTime.class).isBefore(cutoff)
            ? Lookup.EXPIRED
            : new Lookup(Optional.of(new FirstAnswer(rs.getString("body_hash"), rs.getLong("request_id"),
                rs.getString("reference"), unseal(idempotencyKey, rs.getString("sealed_token")))), false))
        .optional()
        .orElse(Lookup.NOTHING);
  }

  /**
   * Remembers the answer given under a key, in the transaction of the submission. Two submissions racing with one
   * key collide on the primary key: the second fails and its whole submission rolls back.
   *
   * @param before what {@link #find} said of the key in this transaction: an expired entry gives way (after its
   *     retention the key is new again); without one, nothing is deleted and no statement is spent on it
   */
  public void remember(String idempotencyKey, String bodyHash, long requestId, String statusToken,
      Duration retention, Lookup before) {
    if (before.answer().isPresent()) {
      throw new IllegalArgumentException("The key has an answer already: it is replayed, not remembered again");
    }
    if (before.expiredEntry()) {
      jdbc.sql("DELETE FROM idempotency_key WHERE key_hash = ? AND created_at < ?")
          .params(keyHash(idempotencyKey), cutoff(retention))
          .update();
    }
    jdbc.sql("INSERT INTO idempotency_key (key_hash, body_hash, request_id, sealed_token, created_at)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(keyHash(idempotencyKey), bodyHash, requestId, seal(idempotencyKey, statusToken),
            RequestRegister.now().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Forgets the keys older than {@code retention}; returns how many. */
  public int purge(Duration retention) {
    return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(cutoff(retention)).update();
  }

  private static OffsetDateTime cutoff(Duration retention) {
    Instant now = RequestRegister.now();
    return now.minus(retention).atOffset(ZoneOffset.UTC);
  }

  private static String keyHash(String idempotencyKey) {
    return Digests.sha256Hex("key:" + idempotencyKey);
  }

  private static SecretKeySpec sealingKey(String idempotencyKey) {
    // a different derivation from keyHash: the stored hash must not be the sealing key
    byte[] key = Digests.sha256(("seal:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    return new SecretKeySpec(key, "AES");
  }

  private String seal(String idempotencyKey, String token) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealingKey(idempotencyKey), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed)
          .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private static String unseal(String idempotencyKey, String sealed) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, sealingKey(idempotencyKey), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A sealed status token does not open with its own idempotency key", e);
    }
  }
}
