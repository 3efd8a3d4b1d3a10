package jp.madoguchi.reply;

import java.util.List;
import jp.madoguchi.correspondence.CorrespondenceService;
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
 * changed an electronic disclosure to paper, the person is first told so and why (APPI Art 33(3)). A paper reply
 * leaves the ids of its letters for the dispatch task, which offers their PDFs to print.
 */
@Service
class WrittenReplies {

  private final CorrespondenceService correspondence;
  private final Outbox outbox;
  private final PaperDispatch dispatch;
  private final RequestRegister register;

  WrittenReplies(CorrespondenceService correspondence, Outbox outbox, PaperDispatch dispatch,
      RequestRegister register) {
    this.correspondence = correspondence;
    this.outbox = outbox;
    this.dispatch = dispatch;
    this.register = register;
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
    boolean changedToPaper = changesToPaper(reply.changeToPaper(), request.disclosureMethod());
    if (changedToPaper) {
      register.changeDisclosureMethod(request.id(), DisclosureMethod.PAPER, actor, null);
      String noticeKey = LetterKeys.of(reply.step(), LetterKind.METHOD_CHANGED_TO_PAPER);
      correspondence.queueToRequester(request.id(), LetterKind.METHOD_CHANGED_TO_PAPER, noticeKey, facts);
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

  /**
   * Whether the reply goes on paper instead of as the electronic record the person chose: only when the desk decided
   * so (the method would be very costly or difficult) and the person had chosen the electronic record.
   */
  static boolean changesToPaper(boolean desksDecision, DisclosureMethod chosen) {
    return desksDecision && chosen == DisclosureMethod.ELECTRONIC;
  }
}
