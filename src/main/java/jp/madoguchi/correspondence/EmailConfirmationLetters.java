package jp.madoguchi.correspondence;

import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/**
 * E-mails that ask the requester (the agent when an agent made the request) to confirm their e-mail address: an
 * electronic reply goes only to a confirmed address. The link is drawn when the e-mail is sent
 * ({@link EmailConfirmations}).
 */
@Service
public class EmailConfirmationLetters {

  /** The public page the link opens. */
  public static final String PAGE = "/status/confirm-email";

  private final RequestRegister register;
  private final CorrespondenceService correspondence;
  private final EmailConfirmations confirmations;

  EmailConfirmationLetters(RequestRegister register, CorrespondenceService correspondence,
      EmailConfirmations confirmations) {
    this.register = register;
    this.correspondence = correspondence;
    this.confirmations = confirmations;
  }

  /**
   * Queues an e-mail with a confirmation link to the requester's address. Returns false, queueing nothing, when the
   * requester gave no e-mail address.
   *
   * @param letterKey the outbox key: the same key never queues a second e-mail
   * @param actor who caused it, in the register's history
   */
  public boolean queue(long requestId, String letterKey, String actor) {
    DeskRequest request = register.find(requestId);
    if (!CorrespondenceService.hasEmail(request.addressee())) {
      return false;
    }
    register.recordEvent(requestId, actor, "EMAIL_CONFIRMATION_REQUESTED", null);
    correspondence.queueToRequester(requestId, LetterKind.EMAIL_CONFIRMATION, letterKey);
    return true;
  }

  /**
   * With the receipt (the acknowledgement of a request or complaint): queues the e-mail with the first confirmation
   * link when the desk's letters to the requester go by e-mail (an address given, paper not chosen). Queued in the
   * receipt's own step, not while the request is submitted: the submission stays short on the day a breach brings
   * thousands, and the link still goes out with the receipt (issue 21). Returns whether it did; a second call (the
   * step run again) queues no second e-mail: the outbox key is the same.
   */
  public boolean queueWithReceipt(long requestId) {
    DeskRequest request = register.find(requestId);
    if (correspondence.deliveryToRequester(request, LetterKind.ACKNOWLEDGEMENT) != Delivery.EMAIL) {
      return false;
    }
    // the key it had when the link was queued at intake: a request submitted before the upgrade whose receipt runs
    // after it gets no second link
    return queue(requestId, receiptKey(requestId), RequestRegister.SYSTEM_ACTOR);
  }

  /** The outbox key of the confirmation e-mail queued with the receipt of this request. */
  static String receiptKey(long requestId) {
    return "email-confirmation:" + requestId + ":intake";
  }

  /** Whether the address the desk writes to now (the agent's when an agent made the request) is confirmed. */
  public boolean addressConfirmed(long requestId) {
    DeskRequest.Party addressee = register.find(requestId).addressee();
    return CorrespondenceService.hasEmail(addressee) && confirmations.isConfirmed(requestId, addressee.email());
  }
}
