package jp.madoguchi.intake;

/** An idempotency key came again with a different submission. */
class IdempotencyKeyReusedException extends RuntimeException {

  IdempotencyKeyReusedException() {
    super("The idempotency key was used for a different submission");
  }
}
