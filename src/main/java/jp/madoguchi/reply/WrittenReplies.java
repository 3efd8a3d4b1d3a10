package jp.madoguchi.reply;

import java.util.List;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.EmailConfirmationLetters;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.correspondence.PaperDispatch;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/**
 * The written reply: it goes to the requester (the agent when an agent asked) by the chosen method. When the desk
 * changed an electronic disclosure to paper, the person is first told so and why (APPI Art 33(3)). An electronic
 * reply goes only to an address the requester confirmed; one that was not confirmed in time goes on paper, with the
 * same notice giving that reason. A paper reply leaves the ids of its letters for the dispatch task, which offers
 * their PDFs to print.
 */
@Service
class WrittenReplies {

  private final CorrespondenceService correspondence;
  private final Outbox outbox;
  private final PaperDispatch dispatch;
  private final RequestRegister register;
  private final EmailConfirmationLetters confirmations;

  WrittenReplies(CorrespondenceService correspondence, Outbox outbox, PaperDispatch dispatch,
      RequestRegister register, EmailConfirmationLetters confirmations) {
    this.correspondence = correspondence;
    this.outbox = outbox;
    this.dispatch = dispatch;
    this.register = register;
    this.confirmations = confirmations;
  }

  /** The register's note on a reply changed to paper because its e-mail address was never confirmed. */
  static final String ADDRESS_NOT_CONFIRMED = "e-mail address not confirmed";

  /**
   * Whether the reply, were it sent now, would go by e-mail to an address the requester has not confirmed: it then
   * waits for the confirmation.
   */
  boolean awaitsConfirmation(long requestId, LetterKind letter, boolean changeToPaper) {
    return unconfirmedElectronicReply(register.find(requestId), letter, changeToPaper);
  }

  /** Mails the requester a new link to confirm their address, once for the step. */
  void askToConfirm(long requestId, String step, String actor) {
    confirmations.queue(requestId, LetterKeys.of(step, LetterKind.EMAIL_CONFIRMATION), actor);
  }

  /**
   * What the reply repeats and how it goes.
   *
   * @param step the step that sends it ({@link LetterKeys#step}): the same step never sends its letters twice
   */
  record Reply(long requestId, LetterKind letter, boolean changeToPaper, List<String> dataLocations,
      Long feeAmount, String step) {}

  /** How the reply went: the means, and for paper the outbox ids of what is to be printed. */
  record Sent(Delivery delivery, boolean changedToPaper, Long replyLetterId, Long methodChangeLetterId) {}

  Sent send(Reply reply, String actor) {
    DeskRequest request = register.find(reply.requestId());
    LetterFacts facts = LetterFacts.NONE.withDataLocations(reply.dataLocations()).withFeeAmount(reply.feeAmount());
    Long methodChangeLetterId = null;
    boolean addressUnconfirmed = unconfirmedElectronicReply(request, reply.letter(), reply.changeToPaper());
    boolean changedToPaper = changesToPaper(reply.changeToPaper(), request.disclosureMethod()) || addressUnconfirmed;
    if (changedToPaper) {
      register.changeDisclosureMethod(request.id(), DisclosureMethod.PAPER, actor,
          addressUnconfirmed ? ADDRESS_NOT_CONFIRMED : null);
      String noticeKey = LetterKeys.of(reply.step(), LetterKind.METHOD_CHANGED_TO_PAPER);
      correspondence.queueToRequester(request.id(), LetterKind.METHOD_CHANGED_TO_PAPER, noticeKey,
          facts.withAddressUnconfirmed(addressUnconfirmed));
      methodChangeLetterId = outbox.letterId(noticeKey).orElseThrow();
    }
    String replyKey = LetterKeys.of(reply.step(), reply.letter());
    Delivery delivery = correspondence.queueToRequester(request.id(), reply.letter(), replyKey, facts);
    Long replyLetterId = delivery == Delivery.PAPER ? outbox.letterId(replyKey).orElseThrow() : null;
    return new Sent(delivery, changedToPaper, replyLetterId, methodChangeLetterId);
  }

  /** The paper reply left by registered mail with this tracking number, and what was printed with it. */
  void recordDispatch(long requestId, String trackingNumber, String actor) {
    dispatch.recordReplyDispatched(requestId, trackingNumber, actor);
  }

  private boolean unconfirmedElectronicReply(DeskRequest request, LetterKind letter, boolean changeToPaper) {
    return !changesToPaper(changeToPaper, request.disclosureMethod())
        && correspondence.deliveryToRequester(request, letter) == Delivery.EMAIL
        && !confirmations.addressConfirmed(request.id());
  }

  /**
   * Whether the reply goes on paper instead of as the electronic record the person chose: only when the desk decided
   * so (the method would be very costly or difficult) and the person had chosen the electronic record.
   */
  static boolean changesToPaper(boolean desksDecision, DisclosureMethod chosen) {
    return desksDecision && chosen == DisclosureMethod.ELECTRONIC;
  }
}
