package jp.madoguchi.intake;

import java.util.List;
import java.util.Optional;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import jp.madoguchi.requester.AwaitedReplies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents a requester sends after the request, with its reference and status key. */
@Service
class DocumentsSentLater {

  private final RequestRegister register;
  private final StatusTokens tokens;
  private final RequestDocuments documents;
  private final DocumentRules documentRules;
  private final AwaitedReplies awaitedReplies;

  DocumentsSentLater(RequestRegister register, StatusTokens tokens, RequestDocuments documents,
      DocumentRules documentRules, AwaitedReplies awaitedReplies) {
    this.register = register;
    this.tokens = tokens;
    this.documents = documents;
    this.documentRules = documentRules;
    this.awaitedReplies = awaitedReplies;
  }

  /** A document sent later: the one kept now, or the same bytes the request already had (a retry, a resend). */
  record Upload(RequestDocument document, boolean alreadyHeld) {}

  /**
   * Keeps a document the requester sends later. When the desk is waiting for the requester, the upload is noted on
   * the waiting task and in the history ({@link AwaitedReplies}); staff still check the documents and complete the
   * task themselves. A file the request already has, byte for byte, is not kept twice: a client retrying after a
   * lost answer, or a person sending the same file again, gets the document already held (recorded in the history).
   *
   * @throws RequestNotFoundException for an unknown reference or a wrong token, alike
   */
  @Transactional
  public Upload upload(String reference, String token, DocumentUpload upload) {
    DeskRequest request = tokens.find(reference, token).orElseThrow(RequestNotFoundException::new);
    if (request.status() == RequestStatus.CLOSED) {
      throw new RequestClosedException();
    }
    // one upload per request at a time: the duplicate check and the count below hold until this one commits
    register.lock(request.id());
    Optional<RequestDocument> held = upload.content() == null || upload.content().length == 0 ? Optional.empty()
        : documents.withContent(request.id(), upload.content());
    if (held.isPresent()) {
      register.recordEvent(request.id(), RequestSubmission.REQUESTER, "DOCUMENT_RECEIVED_AGAIN",
          "same bytes as document " + held.get().id() + " (" + held.get().kind() + "), not kept twice");
      return new Upload(held.get(), true);
    }
    List<FieldProblem> problems = documentRules.problems(List.of(upload), documents.count(request.id()));
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }
    RequestDocument stored = documents.store(request.id(), upload.kind(), upload.safeFileName(), upload.content(),
        RequestSubmission.REQUESTER);
    awaitedReplies.noteDocumentReceived(reference, request.id(), stored, RequestSubmission.REQUESTER);
    return new Upload(stored, false);
  }
}
