package jp.madoguchi.correspondence;

import java.time.Instant;

/** A letter or mail of the outbox, with its request's reference; {@link Outbox} is the only writer of its row. */
public record OutboundLetter(
    long id,
    long requestId,
    String reference,
    String personalInformationKind,
    LetterKind kind,
    RecipientRole recipientRole,
    String recipientName,
    String recipientEmail,
    Delivery delivery,
    String language,
    LetterStatus status,
    String letterKey,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt,
    Instant failedAt,
    boolean hasPdf) {

  /** To whom a letter goes. */
  public enum RecipientRole { PRINCIPAL, AGENT, CLIENT, STAFF }

  /** How a letter goes: by e-mail, or on paper by (registered) post. */
  public enum Delivery { EMAIL, PAPER }
}
