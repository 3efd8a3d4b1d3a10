package jp.madoguchi.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.intake.RequestSubmission.Submitted;
import jp.madoguchi.intake.RequestSubmission.Submitter;
import jp.madoguchi.request.Digests;
import jp.madoguchi.request.IdempotencyKeys.FirstAnswer;
import jp.madoguchi.request.IdempotencyKeys.Lookup;
import jp.madoguchi.request.IdempotencyKeys;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A submission sent again with its idempotency key (a client retrying after a lost answer) gets the first answer
 * again instead of a second request; the same key with a different submission is refused. Keys are kept as long as
 * a client may sensibly retry, then forgotten.
 */
@Component
class SubmissionIdempotency {

  private final IdempotencyKeys idempotencyKeys;
  private final IntakeProperties properties;
  private final ObjectMapper canonicalJson;

  SubmissionIdempotency(IdempotencyKeys idempotencyKeys, IntakeProperties properties) {
    this.idempotencyKeys = idempotencyKeys;
    this.properties = properties;
    // one spelling of a body, whatever the order of its properties, for the idempotency check
    this.canonicalJson = JsonMapper.builder()
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  /**
   * What a key found before a submission: the first answer to it, to replay, or that the key is new (perhaps after
   * an expired entry, which gives way when the submission is remembered).
   */
  record KeyCheck(Optional<Submitted> earlier, Lookup lookup) {}

  /**
   * The answer the first submission with this key got, replayed; empty when the key is new.
   *
   * @throws IdempotencyKeyReusedException when the key came with a different submission before
   */
  KeyCheck check(String idempotencyKey, String bodyHash) {
    Lookup lookup = idempotencyKeys.find(idempotencyKey, properties.idempotencyKeyRetention());
    Optional<FirstAnswer> first = lookup.answer();
    if (first.isEmpty()) {
      return new KeyCheck(Optional.empty(), lookup);
    }
    if (!first.get().bodyHash().equals(bodyHash)) {
      throw new IdempotencyKeyReusedException();
    }
    return new KeyCheck(Optional.of(new Submitted(first.get().reference(), first.get().statusToken(), true)), lookup);
  }

  /**
   * Keeps the first answer to a key, in the submission's transaction.
   *
   * @param check what {@link #check} found for the key in this transaction
   * @throws IdempotencyKeyInUseException when a submission with the same key is being stored at the same time
   */
  void remember(String idempotencyKey, KeyCheck check, String bodyHash, long requestId, String statusToken) {
    try {
      idempotencyKeys.remember(idempotencyKey, bodyHash, requestId, statusToken,
          properties.idempotencyKeyRetention(), check.lookup());
    } catch (DataIntegrityViolationException e) {
      // a concurrent submission with the same key got there first: this one rolls back whole
      throw new IdempotencyKeyInUseException(e);
    }
  }

  /** What makes two submissions the same: the body in one spelling, who submits it, and each document's digest. */
  String bodyHash(IntakeRequest submission, List<DocumentUpload> uploads, Submitter submitter) {
    try {
      StringBuilder canonical = new StringBuilder(canonicalJson.writeValueAsString(submission));
      canonical.append("|staff=").append(submitter.staff()).append("|actor=").append(submitter.actor());
      for (DocumentUpload upload : uploads) {
        canonical.append('|').append(upload.field()).append('=').append(upload.kind()).append(':')
            .append(Digests.sha256Hex(upload.content()));
      }
      return Digests.sha256Hex(canonical.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A submission is always writable as JSON", e);
    }
  }

  /** Idempotency keys are kept as long as a client may sensibly retry; then they are forgotten. */
  @Scheduled(cron = "${madoguchi.intake.idempotency-purge-cron:0 17 * * * *}")
  @Transactional
  public void purgeExpiredKeys() {
    idempotencyKeys.purge(properties.idempotencyKeyRetention());
  }
}
