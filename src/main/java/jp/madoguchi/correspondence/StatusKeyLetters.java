package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/** E-mails that carry a requester a new status key (ADR 16): the key is drawn when the e-mail is sent. */
@Service
public class StatusKeyLetters {

  private final RequestRegister register;
  private final CorrespondenceService correspondence;
  private final Outbox outbox;

  StatusKeyLetters(RequestRegister register, CorrespondenceService correspondence, Outbox outbox) {
    this.register = register;
    this.correspondence = correspondence;
    this.outbox = outbox;
  }

  /**
   * Queues an e-mail with a new status key to the requester (the agent when an agent made the request): the key is
   * drawn when the e-mail is sent and replaces the earlier one then. Returns false, queueing nothing, when the
   * requester gave no e-mail address (a key is never put on paper, where the desk would keep a copy).
   *
   * @param actor who asked: the requester themselves, or the member of staff who sends it
   */
  public boolean queue(long requestId, String actor) {
    DeskRequest request = register.find(requestId);
    if (!CorrespondenceService.hasEmail(request.addressee())) {
      return false;
    }
    register.recordEvent(requestId, actor, "STATUS_KEY_REQUESTED", null);
    correspondence.queueToRequester(requestId, LetterKind.STATUS_KEY,
        "status-key:" + requestId + ":" + UUID.randomUUID());
    return true;
  }

  /** When the last e-mail with a new status key was queued for the request, if ever. */
  public Optional<Instant> lastQueuedAt(long requestId) {
    return outbox.lastQueuedAt(requestId, LetterKind.STATUS_KEY);
  }
}
