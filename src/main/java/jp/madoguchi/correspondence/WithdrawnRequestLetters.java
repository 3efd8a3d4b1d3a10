package jp.madoguchi.correspondence;

import java.util.List;
import jp.madoguchi.handling.RequestWithdrawn;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The requester withdrew the request: what has not gone out for it yet (a paper letter not yet dispatched, an e-mail
 * waiting for its first or next attempt, one that FAILED) is cancelled, in the withdrawing transaction. An e-mail
 * being sent at this moment is left to finish.
 */
@Component
class WithdrawnRequestLetters {

  private final Outbox outbox;
  private final RequestRegister register;

  WithdrawnRequestLetters(Outbox outbox, RequestRegister register) {
    this.outbox = outbox;
    this.register = register;
  }

  @EventListener
  void cancelUnsent(RequestWithdrawn withdrawn) {
    List<String> cancelled = outbox.cancelUnsent(withdrawn.requestId());
    if (!cancelled.isEmpty()) {
      register.recordEvent(withdrawn.requestId(), withdrawn.actor(), "LETTERS_CANCELLED",
          "not sent, the request was withdrawn: " + String.join(", ", cancelled));
    }
  }
}
