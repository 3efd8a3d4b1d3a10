package jp.madoguchi.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives requests from every channel: registers the request, gives it a status token, keeps its documents and
 * starts its process, all in one transaction. The engine shares the application's DataSource and Spring transaction
 * manager, so a failure anywhere in a submission leaves neither a register entry nor a process instance. The letters
 * (the receipt, and with it the link that confirms the requester's e-mail address) are the process's first step, in
 * a transaction of their own after this one.
 */
@Service
class RequestSubmission {

  /** The actor of what requesters do themselves, in the register's history. */
  static final String REQUESTER = "requester";

  private final RequestRegister register;
  private final StatusTokens tokens;
  private final RequestDocuments documents;
  private final SubmissionIdempotency idempotency;
  private final DocumentRules documentRules;
  private final RequestProcessStarter processStarter;
  private final DeskCalendar calendar;
  private final IntakeProperties properties;
  private final AcceptedChannels channels;
  private final IntakePressure pressure;

  RequestSubmission(RequestRegister register, StatusTokens tokens, RequestDocuments documents,
      SubmissionIdempotency idempotency, DocumentRules documentRules, RequestProcessStarter processStarter,
      DeskCalendar calendar, IntakeProperties properties, AcceptedChannels channels, IntakePressure pressure) {
    this.channels = channels;
    this.pressure = pressure;
    this.register = register;
    this.tokens = tokens;
    this.documents = documents;
    this.idempotency = idempotency;
    this.documentRules = documentRules;
    this.processStarter = processStarter;
    this.calendar = calendar;
    this.properties = properties;
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
    pressure.arrived();
    String bodyHash = null;
    SubmissionIdempotency.KeyCheck keyCheck = null;
    if (idempotencyKey != null) {
      bodyHash = idempotency.bodyHash(submission, uploads, submitter);
      keyCheck = idempotency.check(idempotencyKey, bodyHash);
      if (keyCheck.earlier().isPresent()) {
        return keyCheck.earlier().get();
      }
    }
    LocalDate today = calendar.today();
    List<FieldProblem> problems = new ArrayList<>();
    NewRequest request = null;
    try {
      request = SubmissionValidator.validate(submission, new SubmissionValidator.Context(submitter.staff(), today,
          today.minus(properties.arrivalBackdating()), submitter.language(), Channel.WEB,
          calendar.arrivalDay(RequestRegister.now()), channels.staffChannels()));
    } catch (InvalidSubmissionException e) {
      problems.addAll(e.problems());
    }
    problems.addAll(documentRules.problems(uploads, 0));
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException(problems);
    }

    // the first status token is written with the request
    StatusTokens.First token = tokens.first();
    DeskRequest registered = register.register(request, submitter.actor(), token.hash());
    processStarter.start(registered);
    for (DocumentUpload upload : uploads) {
      documents.store(registered.id(), upload.kind(), upload.safeFileName(), upload.content(), submitter.actor());
    }
    if (idempotencyKey != null) {
      idempotency.remember(idempotencyKey, keyCheck, bodyHash, registered.id(), token.token());
    }
    return new Submitted(registered.reference(), token.token(), false);
  }
}
