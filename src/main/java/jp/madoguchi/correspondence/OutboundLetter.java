package jp.madoguchi.correspondence;

import java.time.Instant;

/** A letter or mail in the outbox. */
public record OutboundLetter(
    long id,
    long requestId,
    LetterKind kind,
    RecipientRole recipientRole,
    String recipientName,
    String recipientEmail,
    Delivery delivery,
    String language,
    String status,
    Instant createdAt) {

  /** To whom a letter goes. */
  public enum RecipientRole { PRINCIPAL, AGENT, CLIENT, STAFF }

  /** How a letter goes: by e-mail, or on paper by (registered) post. */
  public enum Delivery { EMAIL, PAPER }
}
