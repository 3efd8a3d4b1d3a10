package jp.madoguchi.desk;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.EmailConfirmationLetters;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.correspondence.StatusKeyLetters;
import jp.madoguchi.handling.RequestWithdrawal;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.UnknownRequestException;
import jp.madoguchi.request.UnmaskedNumber;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.request.VerifiedAddresses.PostalAddress;
import jp.madoguchi.request.VerifiedAddresses.VerifiedAddress;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request file: everything the desk knows about one request. Every look at it (and at each document) is
 * recorded in the request's history: who, when. Requests about specific personal information (My Number) are
 * shown only to staff entitled to it and to the managers; to anyone else they do not exist.
 */
@Service
class RequestFile {

  private final RequestRegister register;
  private final RequestDocuments documents;
  private final Outbox outbox;
  private final StatusKeyLetters statusKeyLetters;
  private final TaskService taskService;
  private final RequestWithdrawal withdrawal;
  private final CorrespondenceService correspondence;
  private final VerifiedAddresses verifiedAddresses;
  private final EmailConfirmationLetters emailConfirmations;

  RequestFile(RequestRegister register, RequestDocuments documents, Outbox outbox,
      StatusKeyLetters statusKeyLetters, TaskService taskService, RequestWithdrawal withdrawal,
      CorrespondenceService correspondence, VerifiedAddresses verifiedAddresses,
      EmailConfirmationLetters emailConfirmations) {
    this.verifiedAddresses = verifiedAddresses;
    this.emailConfirmations = emailConfirmations;
    this.register = register;
    this.documents = documents;
    this.outbox = outbox;
    this.statusKeyLetters = statusKeyLetters;
    this.taskService = taskService;
    this.withdrawal = withdrawal;
    this.correspondence = correspondence;
  }

  /**
   * What the page shows.
   *
   * @param verifiedAddress the address on the verified identity document, when recorded
   * @param intakeAddress the address given at intake for whoever receives the letters, if any
   * @param identityVerified whether the desk verified the requester's identity
   * @param emailConfirmed whether the e-mail address the desk writes to now is confirmed (an electronic reply goes
   *     only to a confirmed one)
   */
  record View(DeskRequest request, List<RequestDocument> documents, List<RequestEvent> history,
      List<OutboundLetter> letters, List<Task> openTasks, VerifiedAddress verifiedAddress,
      PostalAddress intakeAddress, boolean identityVerified, boolean emailConfirmed) {}

  /** A document's bytes, for viewing or download. */
  record Document(RequestDocument document, byte[] content) {}

  @Transactional
  Optional<View> open(String reference, String userId, Collection<String> groups) {
    return visible(reference, groups).map(request -> {
      register.recordEvent(request.id(), userId, "REQUEST_FILE_VIEWED", null);
      List<RequestEvent> history = register.events(request.id());
      return new View(request, documents.documentsOf(request.id()), history, outbox.lettersOf(request.id()),
          taskService.createTaskQuery().processInstanceBusinessKey(reference).orderByDueDate().asc().list(),
          verifiedAddresses.find(request.id()).orElse(null),
          VerifiedAddresses.intakeAddress(request).orElse(null),
          history.stream().anyMatch(event -> "IDENTITY_VERIFIED".equals(event.eventType())),
          emailConfirmations.addressConfirmed(request.id()));
    });
  }

  @Transactional
  Optional<Document> document(String reference, long documentId, String userId, Collection<String> groups,
      boolean download) {
    return visible(reference, groups).flatMap(request -> documents.documentsOf(request.id()).stream()
        .filter(document -> document.id() == documentId && !document.erased())
        .findFirst()
        .flatMap(document -> documents.content(documentId).map(content -> {
          register.recordEvent(request.id(), userId, download ? "DOCUMENT_DOWNLOADED" : "DOCUMENT_VIEWED",
              document.kind() + " #" + document.id());
          return new Document(document, content);
        })));
  }

  /**
   * E-mails the requester a new status key (see {@link StatusKeyLetters#queue}): empty when the user
   * may not see the request, false when the requester gave no e-mail address.
   */
  @Transactional
  Optional<Boolean> sendStatusKey(String reference, String userId, Collection<String> groups) {
    return visible(reference, groups).map(request -> statusKeyLetters.queue(request.id(), userId));
  }

  /** What pressing "send the confirmation link again" did. */
  enum ConfirmationLinkOutcome { QUEUED, NO_EMAIL, ALREADY_CONFIRMED, CLOSED }

  /**
   * E-mails the requester (the agent, for an agent's request) a new link to confirm the address the desk writes to,
   * when it is not confirmed yet and the request is open: a requester who lost the e-mail, or let its link expire,
   * asks the desk. The link is drawn when the e-mail is sent. Empty when the user may not see the request.
   */
  @Transactional
  Optional<ConfirmationLinkOutcome> sendEmailConfirmationLink(String reference, String userId,
      Collection<String> groups) {
    return visible(reference, groups).map(request -> {
      if (request.status() == RequestStatus.CLOSED) {
        return ConfirmationLinkOutcome.CLOSED;
      }
      if (emailConfirmations.addressConfirmed(request.id())) {
        return ConfirmationLinkOutcome.ALREADY_CONFIRMED;
      }
      String key = "email-confirmation:" + request.id() + ":staff:" + RequestRegister.now().toEpochMilli();
      return emailConfirmations.queue(request.id(), key, userId) ? ConfirmationLinkOutcome.QUEUED
          : ConfirmationLinkOutcome.NO_EMAIL;
    });
  }

  /**
   * Records that the requester withdrew the request and ends its handling (see {@link RequestWithdrawal}): empty when
   * the user may not see the request.
   */
  @Transactional
  Optional<RequestWithdrawal.Outcome> withdraw(String reference, String note, String userId,
      Collection<String> groups) {
    return visible(reference, groups).map(request -> withdrawal.withdraw(request, note, userId));
  }

  /** What marking an upload as unmasked did. */
  enum UnmaskedOutcome { DELETED_AND_ASKED, ALREADY_GONE }

  /**
   * An upload that shows a My Number or an unmasked insurer number: the desk may not keep it, so its bytes and file
   * name are deleted at once ({@link RequestDocuments#deleteUnmasked}) and the requester is asked for a masked copy
   * (a {@code MISSING_DOCUMENTS} letter saying what was deleted, why, and what to mask), in one transaction. Empty
   * when the user may not see the request.
   */
  @Transactional
  Optional<UnmaskedOutcome> deleteUnmasked(String reference, long documentId, UnmaskedNumber shows, String userId,
      Collection<String> groups) {
    return visible(reference, groups).map(request -> documents.deleteUnmasked(request.id(), documentId, shows, userId)
        .map(deleted -> {
          correspondence.queueToRequester(request.id(), LetterKind.MISSING_DOCUMENTS, "masked-copy:" + deleted.id(),
              LetterFacts.NONE.withUnmaskedNumber(shows));
          return UnmaskedOutcome.DELETED_AND_ASKED;
        })
        .orElse(UnmaskedOutcome.ALREADY_GONE));
  }

  /** What recording the verified address did. */
  enum AddressOutcome { RECORDED, ERASED }

  /**
   * Records the address shown on the verified identity document (see {@link VerifiedAddresses#record}): empty when
   * the user may not see the request; {@code ERASED} when its personal data is gone. Bad input throws
   * {@link VerifiedAddresses.InvalidAddress} and stores nothing.
   */
  @Transactional
  Optional<AddressOutcome> recordVerifiedAddress(String reference, String postalCode, String line1, String line2,
      String userId, Collection<String> groups) {
    return visible(reference, groups).map(request -> {
      try {
        verifiedAddresses.record(request.id(), postalCode, line1, line2, userId);
        return AddressOutcome.RECORDED;
      } catch (UnknownRequestException erased) {
        return AddressOutcome.ERASED;
      }
    });
  }

  private Optional<DeskRequest> visible(String reference, Collection<String> groups) {
    return register.findByReference(reference).filter(request ->
        request.personalInformationKind() != PersonalInformationKind.SPECIFIC
            || groups.contains(DeskGroups.PRIVACY_DESK_SPECIFIC)
            || groups.contains(DeskGroups.PRIVACY_MANAGERS));
  }
}
