package jp.madoguchi.correspondence;

import java.time.Instant;
import jp.madoguchi.correspondence.LetterComposer.ComposedLetter;
import jp.madoguchi.correspondence.LetterComposer.Recipient;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.request.VerifiedAddresses.PostalAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Queues letters: chooses the recipient and the means (e-mail or paper), composes the letter then and there (its
 * text, and its PDF for a requester or a client) and adds it to the {@link Outbox}, in the transaction of the step
 * that causes it; a sender delivers the e-mail after commit, staff print and dispatch the paper. A step that runs
 * again with the same letter key queues nothing new; a step that rolls back leaves nothing to send.
 */
@Service
public class CorrespondenceService {

  private final RequestRegister register;
  private final LetterComposer composer;
  private final LetterDocuments documents;
  private final ApplicationEventPublisher events;
  private final Outbox outbox;
  private final VerifiedAddresses verifiedAddresses;
  private final RequestFees fees;

  CorrespondenceService(RequestRegister register, LetterComposer composer, LetterDocuments documents,
      ApplicationEventPublisher events, Outbox outbox, VerifiedAddresses verifiedAddresses, RequestFees fees) {
    this.verifiedAddresses = verifiedAddresses;
    this.register = register;
    this.composer = composer;
    this.documents = documents;
    this.events = events;
    this.outbox = outbox;
    this.fees = fees;
  }

  /**
   * Queues a notice or a written reply to the requester: the agent when an agent made the request, else the
   * principal. It goes by e-mail (a reply as a download link) when the addressee gave an address and did not ask
   * for paper; otherwise on paper by registered mail. The letter shows the address on the verified identity document
   * once staff recorded it, except the letters written before the verification
   * ({@link LetterKind#beforeIdentityVerified}), which show the address given at intake.
   */
  public Delivery queueToRequester(long requestId, LetterKind kind, String letterKey) {
    return queueToRequester(requestId, kind, letterKey, LetterFacts.NONE);
  }

  /** As {@link #queueToRequester(long, LetterKind, String)}, with what the letter needs to know from the step. */
  public Delivery queueToRequester(long requestId, LetterKind kind, String letterKey, LetterFacts facts) {
    DeskRequest request = register.find(requestId);
    DeskRequest.Party addressee = request.addressee();
    if (kind.emailOnly() && !hasEmail(addressee)) {
      throw new IllegalArgumentException(kind + " goes by e-mail only; request " + request.reference()
          + " has no e-mail address to send it to");
    }
    Delivery delivery = deliveryToRequester(request, kind);
    // letters after the identity verification go to the address on the verified document, once recorded
    PostalAddress postalAddress = (kind.beforeIdentityVerified()
        ? VerifiedAddresses.intakeAddress(request)
        : verifiedAddresses.postalAddressForReplies(requestId)).orElse(null);
    queue(request, kind,
        new Recipient(requesterRole(request), addressee.name(), addressee.email(), delivery, postalAddress),
        letterKey, withFee(request, kind, facts));
    return delivery;
  }

  /**
   * How a letter of this kind would go to the requester now: by e-mail when the addressee gave an address and did
   * not ask for paper or another method (a medium by registered mail, which the letters go with; a status key or a confirmation link goes to the address whatever the method); else on paper.
   */
  public Delivery deliveryToRequester(DeskRequest request, LetterKind kind) {
    boolean byEmail = hasEmail(request.addressee())
        && (kind.emailOnly() || (request.disclosureMethod() != DisclosureMethod.PAPER
            && request.disclosureMethod() != DisclosureMethod.OTHER));
    return byEmail ? Delivery.EMAIL : Delivery.PAPER;
  }

  /** Queues a notice to a client company whose entrusted data the request concerns. */
  public void queueToClient(long requestId, LetterKind kind, String companyName, String email, String letterKey) {
    queueToClient(requestId, kind, companyName, email, letterKey, LetterFacts.NONE);
  }

  /** As {@link #queueToClient(long, LetterKind, String, String, String)}, with what the letter needs from the step. */
  public void queueToClient(long requestId, LetterKind kind, String companyName, String email, String letterKey,
      LetterFacts facts) {
    DeskRequest request = register.find(requestId);
    Delivery delivery = email == null || email.isBlank() ? Delivery.PAPER : Delivery.EMAIL;
    queue(request, kind, new Recipient(RecipientRole.CLIENT, companyName, email, delivery), letterKey,
        facts.withClientCompanyName(companyName));
  }

  /** Queues a reminder to a member of staff. */
  public void queueToStaff(long requestId, LetterKind kind, String userId, String email, String letterKey) {
    queueToStaff(requestId, kind, userId, email, letterKey, LetterFacts.NONE);
  }

  /** Queues a reminder to a member of staff about an open task. */
  public void queueToStaff(long requestId, LetterKind kind, String userId, String email, String letterKey,
      LetterFacts facts) {
    DeskRequest request = register.find(requestId);
    queue(request, kind, new Recipient(RecipientRole.STAFF, userId, email, Delivery.EMAIL), letterKey, facts);
  }

  private void queue(DeskRequest request, LetterKind kind, Recipient recipient, String letterKey,
      LetterFacts facts) {
    if (outbox.hasLetter(letterKey)) {
      return;
    }
    Instant now = RequestRegister.now();
    // the history only if the letter shows something of it (LetterComposer reads it lazily)
    ComposedLetter letter = composer.compose(request, kind, recipient, facts,
        () -> register.events(request.id()), now);
    long letterId = outbox.add(request.id(), kind, recipient, request.language(), letterKey, now);
    documents.store(letterId, request.id(), letter, now);
    register.recordEvent(request.id(), RequestRegister.SYSTEM_ACTOR, "LETTER_QUEUED",
        kind.name() + " to " + recipient.role().name() + " by " + recipient.delivery().name());
    events.publishEvent(new LetterQueued(letterId, recipient.delivery()));
  }

  /**
   * The facts with the fee the {@code request-fee} table gives the request, when the step knew none (a letter written
   * before the process decided the fee, such as the acknowledgement) and the letter says what the request costs: the
   * letters follow the table, not a rule of ours.
   */
  private LetterFacts withFee(DeskRequest request, LetterKind kind, LetterFacts facts) {
    if (facts.feeAmount() != null || !kind.showsFee()) {
      return facts;
    }
    return facts.withFeeAmount((long) fees.feeYen(request.type(), request.personalInformationKind()));
  }

  private static RecipientRole requesterRole(DeskRequest request) {
    return request.hasAgent() ? RecipientRole.AGENT : RecipientRole.PRINCIPAL;
  }

  static boolean hasEmail(DeskRequest.Party party) {
    return party != null && party.email() != null && !party.email().isBlank();
  }
}
