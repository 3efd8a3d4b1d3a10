package jp.madoguchi.correspondence;

/**
 * Where a letter of the outbox stands. E-mail: QUEUED → SENDING (claimed by one node) → SENT, or RETRY after a failed
 * attempt and FAILED after the last one, until staff retry it. Paper: QUEUED → DISPATCHED when staff record the
 * registered mail's tracking number. Either: CANCELLED when the requester withdrew the request before it went out.
 */
public enum LetterStatus { QUEUED, SENDING, RETRY, SENT, FAILED, DISPATCHED, CANCELLED }
