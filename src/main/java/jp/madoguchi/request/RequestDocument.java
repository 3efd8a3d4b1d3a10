package jp.madoguchi.request;

import java.time.Instant;

/** A document in the register, without its bytes. */
public record RequestDocument(long id, long requestId, DocumentKind kind, String contentType, String originalFileName,
    long sizeBytes, String sha256, Instant uploadedAt, String uploadedBy) {}
