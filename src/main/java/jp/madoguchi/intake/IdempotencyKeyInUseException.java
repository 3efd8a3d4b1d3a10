package jp.madoguchi.intake;

/** Another submission with the same idempotency key is being stored at this moment; a retry gets its answer. */
class IdempotencyKeyInUseException extends RuntimeException {

  IdempotencyKeyInUseException(Throwable cause) {
    super("A submission with the same idempotency key is in progress", cause);
  }
}
