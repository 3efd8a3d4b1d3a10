package jp.madoguchi.correspondence;

import java.util.Optional;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff send an e-mail again: one that failed, one waiting to be retried, or one sent and asked for again. */
@Service
public class LetterRetries {

  private final Outbox outbox;
  private final RequestRegister register;
  private final ApplicationEventPublisher events;

  LetterRetries(Outbox outbox, RequestRegister register, ApplicationEventPublisher events) {
    this.outbox = outbox;
    this.register = register;
    this.events = events;
  }

  /**
   * Puts an e-mail back in line, to be sent once this transaction commits, with a fresh count of attempts: one that
   * FAILED, one waiting to RETRY, or one SENT that the person asks for again (a lost mail, an expired link: the
   * new mail carries a new link). Returns false for a paper letter or one being sent right now.
   */
  @Transactional
  public boolean retry(long letterId, String actor) {
    Optional<OutboundLetter> letter = outbox.find(letterId);
    if (letter.isEmpty() || !outbox.retry(letterId, RequestRegister.now())) {
      return false;
    }
    register.recordEvent(letter.get().requestId(), actor, "LETTER_RETRY_REQUESTED",
        letter.get().kind().name() + " to " + letter.get().recipientRole().name() + ", was "
            + letter.get().status().name());
    events.publishEvent(new LetterQueued(letterId, Delivery.EMAIL));
    return true;
  }

  /**
   * Puts an e-mail back in line to a corrected address (the old one bounced, or the person gave a new one): the
   * letter's address, and the principal's or agent's address in the register so that later letters go there too.
   * Returns false when the letter is not an e-mail that may be retried (see {@link #retry(long, String)}); refuses
   * when the request's personal data has been erased.
   */
  @Transactional
  public boolean retryTo(long letterId, String email, String actor) {
    Optional<OutboundLetter> found = outbox.find(letterId);
    if (found.isEmpty() || !outbox.correctRecipient(letterId, email)) {
      return false;
    }
    OutboundLetter letter = found.get();
    RecipientRole role = letter.recipientRole();
    if ((role == RecipientRole.PRINCIPAL || role == RecipientRole.AGENT)
        && !register.correctEmail(letter.requestId(), role == RecipientRole.AGENT, email, actor)) {
      throw new AddressNotCorrectableException("The personal data of request " + letter.reference()
          + " has been erased: there is no address to correct");
    }
    register.recordEvent(letter.requestId(), actor, "LETTER_RECIPIENT_CORRECTED",
        letter.kind().name() + " to " + role.name());
    return retry(letterId, actor);
  }

  /** A letter whose address cannot be corrected (its request's personal data is gone). */
  public static final class AddressNotCorrectableException extends RuntimeException {
    AddressNotCorrectableException(String message) {
      super(message);
    }
  }
}
