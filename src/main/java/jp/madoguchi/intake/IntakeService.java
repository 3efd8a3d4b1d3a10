package jp.madoguchi.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.Digests;
import jp.madoguchi.request.DocumentFormat;
import jp.madoguchi.request.IdempotencyKeys.FirstAnswer;
import jp.madoguchi.request.IdempotencyKeys;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import jp.madoguchi.requester.AwaitRequesterProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives requests from every channel: registers the request, gives it a status token, keeps its documents and
 * starts its process, all in one transaction. The engine shares the application's DataSource and Spring transaction
 * manager, so a failure anywhere in a submission leaves neither a register entry nor a process instance.
 */
@Service
class IntakeService {

  /** The actor of what requesters do themselves, in the register's history. */
  static final String REQUESTER = "requester";

  private final RequestRegister register;
  private final StatusTokens tokens;
  private final RequestDocuments documents;
  private final IdempotencyKeys idempotencyKeys;
  private final RequestProcessStarter processStarter;
  private final TaskService taskService;
  private final DeskCalendar calendar;
  private final IntakeProperties properties;
  private final ObjectMapper canonicalJson;

  IntakeService(RequestRegister register, StatusTokens tokens, RequestDocuments documents,
      IdempotencyKeys idempotencyKeys, RequestProcessStarter processStarter, TaskService taskService,
      DeskCalendar calendar, IntakeProperties properties) {
    this.register = register;
    this.tokens = tokens;
    this.documents = documents;
    this.idempotencyKeys = idempotencyKeys;
    this.processStarter = processStarter;
    this.taskService = taskService;
    this.calendar = calendar;
    this.properties = properties;
    // one spelling of a body, whatever the order of its properties, for the idempotency check
    this.canonicalJson = JsonMapper.builder()
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  /**
   * Who submits.
   *
   * @param actor the register's actor: {@value #REQUESTER}, or the staff user who registers the request
   * @param staff whether desk staff register it (any channel, an earlier arrival date)
   * @param language the caller's language, used when the submission names none
   */
  record Submitter(String actor, boolean staff, String language) {

    static Submitter requester(String language) {
      return new Submitter(REQUESTER, false, language);
    }
  }

  /** The answer to a submission: the reference and the status token (shown once). */
  record Submitted(String reference, String statusToken, boolean replayed) {}

  /**
   * Registers a request with its documents and starts its process.
   *
   * @param idempotencyKey the caller's key for this submission, or null
   * @throws InvalidSubmissionException when a field or document is wrong; nothing is stored
   * @throws IdempotencyKeyReusedException when the key came with a different submission before
   * @throws IdempotencyKeyInUseException when a submission with the same key is being stored at the same time
   */
  @Transactional
  public Submitted submit(IntakeRequest submission, List<DocumentUpload> uploads, Submitter submitter,
      String idempotencyKey) {
    String bodyHash = null;
    if (idempotencyKey != null) {
      bodyHash = bodyHash(submission, uploads, submitter);
      Optional<FirstAnswer> first = idempotencyKeys.find(idempotencyKey, properties.idempotencyKeyRetention());
      if (first.isPresent()) {
        if (!first.get().bodyHash().equals(bodyHash)) {
          throw new IdempotencyKeyReusedException();
        }
        return new Submitted(first.get().reference(), first.get().statusToken(), true);
      }
    }
    LocalDate today = calendar.today();
    List<FieldProblem> problems = new ArrayList<>();
    NewRequest request = null;
    try {
      request = SubmissionValidator.validate(submission, new SubmissionValidator.Context(submitter.staff(), today,
          today.minus(properties.arrivalBackdating()), submitter.language(), Channel.WEB,
          calendar.arrivalDay(RequestRegister.now())));
    } catch (InvalidSubmissionException e) {
      problems.addAll(e.problems());
    }
    problems.addAll(documentProblems(uploads, 0));
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }

    DeskRequest registered = register.register(request, submitter.actor());
    String token = tokens.issue(registered.id());
    processStarter.start(registered);
    for (DocumentUpload upload : uploads) {
      documents.store(registered.id(), upload.kind(), upload.safeFileName(), upload.content(), submitter.actor());
    }
    if (idempotencyKey != null) {
      try {
        idempotencyKeys.remember(idempotencyKey, bodyHash, registered.id(), token,
            properties.idempotencyKeyRetention());
      } catch (DataIntegrityViolationException e) {
        // a concurrent submission with the same key got there first: this one rolls back whole
        throw new IdempotencyKeyInUseException(e);
      }
    }
    return new Submitted(registered.reference(), token, false);
  }

  /** A document sent later: the one kept now, or the same bytes the request already had (a retry, a resend). */
  record Upload(RequestDocument document, boolean alreadyHeld) {}

  /**
   * Keeps a document the requester sends later. When the desk is waiting for the requester, the upload is noted on
   * the waiting task and in the history; staff still check the documents and complete the task themselves. A file
   * the request already has, byte for byte, is not kept twice: a client retrying after a lost answer, or a person
   * sending the same file again, gets the document already held (recorded in the history).
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
      register.recordEvent(request.id(), REQUESTER, "DOCUMENT_RECEIVED_AGAIN",
          "same bytes as document " + held.get().id() + " (" + held.get().kind() + "), not kept twice");
      return new Upload(held.get(), true);
    }
    List<FieldProblem> problems = documentProblems(List.of(upload), documents.count(request.id()));
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }
    RequestDocument stored = documents.store(request.id(), upload.kind(), upload.safeFileName(), upload.content(),
        REQUESTER);
    for (Task waiting : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY).active().list()) {
      // no personal data in the comment: it lands in the engine's history
      String note = "Document %d received (%s, %s, %d bytes): check it, then record the reply"
          .formatted(stored.id(), stored.kind(), stored.contentType(), stored.sizeBytes());
      taskService.createComment(waiting.getId(), waiting.getProcessInstanceId(), note);
      register.recordEvent(request.id(), REQUESTER, "AWAITED_DOCUMENT_RECEIVED",
          AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY + ": document " + stored.id() + " " + stored.kind());
    }
    return new Upload(stored, false);
  }

  /** Where the request stands, for its requester. */
  @Transactional(readOnly = true)
  public Optional<DeskRequest> find(String reference, String token) {
    return tokens.find(reference, token);
  }

  public int documentCount(long requestId) {
    return documents.count(requestId);
  }

  /** Idempotency keys are kept as long as a client may sensibly retry; then they are forgotten. */
  @Scheduled(cron = "${madoguchi.intake.idempotency-purge-cron:0 17 * * * *}")
  @Transactional
  public void purgeIdempotencyKeys() {
    idempotencyKeys.purge(properties.idempotencyKeyRetention());
  }

  private List<FieldProblem> documentProblems(List<DocumentUpload> uploads, int alreadyStored) {
    List<FieldProblem> problems = new ArrayList<>();
    long maxBytes = properties.maxDocumentBytes().toBytes();
    if (alreadyStored + uploads.size() > properties.maxDocumentsPerRequest()) {
      String field = uploads.isEmpty() ? "file" : uploads.get(0).field();
      problems.add(new FieldProblem(field, "intake.error.tooManyDocuments", properties.maxDocumentsPerRequest()));
      return problems;
    }
    for (DocumentUpload upload : uploads) {
      if (upload.content().length == 0) {
        problems.add(new FieldProblem(upload.field(), "intake.error.emptyDocument"));
      } else if (upload.content().length > maxBytes) {
        problems.add(new FieldProblem(upload.field(), "intake.error.documentTooLarge", megabytes(maxBytes)));
      } else if (DocumentFormat.of(upload.content()).isEmpty()) {
        problems.add(new FieldProblem(upload.field(), "intake.error.documentType"));
      }
    }
    return problems;
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
        : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private String bodyHash(IntakeRequest submission, List<DocumentUpload> uploads, Submitter submitter) {
    try {
      StringBuilder canonical = new StringBuilder(canonicalJson.writeValueAsString(submission));
      canonical.append("|staff=").append(submitter.staff()).append("|actor=").append(submitter.actor());
      for (DocumentUpload upload : uploads) {
        canonical.append('|').append(upload.field()).append('=').append(upload.kind()).append(':')
            .append(Digests.sha256Hex(upload.content()));
      }
      return Digests.sha256Hex(canonical.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A submission is always writable as JSON", e);
    }
  }
}
