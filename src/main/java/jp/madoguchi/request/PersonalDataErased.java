package jp.madoguchi.request;

import java.time.Instant;

/**
 * Published in the erasing transaction when a closed request's retention period ended and the register erased its
 * personal data: every feature that keeps personal data of the request in its own tables erases it there, in the
 * same transaction, so that the erasure happens whole or not at all.
 */
public record PersonalDataErased(long requestId, Instant erasedAt) {}
