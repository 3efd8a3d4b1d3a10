package jp.madoguchi.request;

import java.time.Instant;

/**
 * A document in the register, without its bytes.
 *
 * @param contentErasedAt when its bytes and file name were erased (with the request's personal data, or deleted as
 *     an unmasked copy), else null
 * @param contentDeletedBy who deleted it as an unmasked copy, else null
 * @param unmaskedNumber what the deleted copy showed, else null
 */
public record RequestDocument(long id, long requestId, DocumentKind kind, String contentType, String originalFileName,
    long sizeBytes, String sha256, Instant uploadedAt, String uploadedBy, Instant contentErasedAt,
    String contentDeletedBy, UnmaskedNumber unmaskedNumber) {

  /** Whether its bytes are gone. */
  public boolean erased() {
    return contentErasedAt != null;
  }
}
