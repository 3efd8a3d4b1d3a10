package jp.madoguchi.correspondence;

import java.util.Optional;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper letters are dispatched by registered mail: staff record the tracking number, of one notice dispatched on its
 * own (the list of paper letters) or of the written reply with what is printed with it (the reply's dispatch task).
 */
@Service
public class PaperDispatch {

  private final Outbox outbox;
  private final RequestRegister register;

  PaperDispatch(Outbox outbox, RequestRegister register) {
    this.outbox = outbox;
    this.register = register;
  }

  /**
   * Records that one paper letter was dispatched by registered mail, with its tracking number (a notice dispatched
   * on its own, before the reply). Returns false when the letter is no paper letter waiting to be dispatched.
   */
  @Transactional
  public boolean recordDispatched(long letterId, String trackingNumber, String actor) {
    Optional<OutboundLetter> letter = outbox.find(letterId);
    if (letter.isEmpty() || !outbox.markDispatched(letterId, trackingNumber, RequestRegister.now())) {
      return false;
    }
    register.recordEvent(letter.get().requestId(), actor, "LETTER_DISPATCHED",
        letter.get().kind().name() + " to " + letter.get().recipientRole().name() + ", registered mail "
            + trackingNumber);
    return true;
  }

  /** Records the registered-mail tracking number of the reply and every paper letter of the request not yet dispatched. */
  public void recordReplyDispatched(long requestId, String trackingNumber, String actor) {
    outbox.markDispatchedForRequest(requestId, trackingNumber, RequestRegister.now());
    register.recordEvent(requestId, actor, "REPLY_DISPATCHED", "registered mail " + trackingNumber);
  }
}
