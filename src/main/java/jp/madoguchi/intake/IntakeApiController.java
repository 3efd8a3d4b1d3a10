package jp.madoguchi.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.handling.RequestWithdrawal;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The intake API: submit a request, send documents, look up its status. Public; the status token is the requester's
 * key. Content types are checked by the message converters (not by {@code consumes}), so that a wrong one is
 * answered by this API's problem responses.
 */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests / 請求", description = "Requests about personal data and complaints")
class IntakeApiController {

  static final String STATUS_TOKEN_HEADER = "X-Status-Token";
  static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  private static final int IDEMPOTENCY_KEY_MAX = 255;

  private final RequestSubmission submission;
  private final DocumentsSentLater laterDocuments;
  private final StatusViews statusViews;
  private final StatusKeyRecovery statusKeys;
  private final RequestWithdrawal withdrawal;
  private final MessageSource messages;

  IntakeApiController(RequestSubmission submission, DocumentsSentLater laterDocuments, StatusViews statusViews,
      StatusKeyRecovery statusKeys, RequestWithdrawal withdrawal, MessageSource messages) {
    this.submission = submission;
    this.laterDocuments = laterDocuments;
    this.statusViews = statusViews;
    this.statusKeys = statusKeys;
    this.withdrawal = withdrawal;
    this.messages = messages;
  }

  /** The answer to a submission. */
  record SubmissionAnswer(
      @Schema(example = "MDG-2026-000123") String reference,
      @Schema(description = "The requester's key to the request: shown once, keep it") String statusToken,
      @Schema(description = "GET with the header X-Status-Token") String statusUrl,
      @Schema(description = "POST documents here (multipart) with the status token") String documentsUrl,
      @Schema(description = "The status page for people") String statusPageUrl) {}

  /** A document as the register keeps it. */
  record DocumentAnswer(long id, DocumentKind kind, String contentType, long sizeBytes, String sha256,
      @Schema(description = "true when the request already had this very file: it was not kept twice")
      boolean alreadyHeld) {}

  @PostMapping
  @Operation(summary = "Submit a request / 請求を送信",
      description = "Registers the request and starts its handling in one transaction. With an Idempotency-Key, "
          + "a retry of the same body answers with the first result; the same key with a different body is 422.")
  @ApiResponse(responseCode = "201", description = "Registered")
  @ApiResponse(responseCode = "400", description = "A field is wrong, or the JSON is malformed",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "A submission with the same Idempotency-Key is in progress",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Not application/json",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used with a different body",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "503", description = "The database is unavailable: nothing was kept. Send the same "
      + "body again after Retry-After (seconds), with the same Idempotency-Key",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<SubmissionAnswer> submit(
      @RequestBody IntakeRequest body,
      @Parameter(description = "Any unique string up to 255 characters; retries reuse it")
      @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
      Authentication authentication, Locale locale) {
    String key = idempotencyKey(idempotencyKey);
    boolean staff = IntakeStaff.isStaff(authentication);
    RequestSubmission.Submitter submitter = staff
        ? new RequestSubmission.Submitter(authentication.getName(), true, locale.getLanguage())
        : RequestSubmission.Submitter.requester(locale.getLanguage());
    RequestSubmission.Submitted submitted = submission.submit(body, List.of(), submitter, key);
    URI statusUrl = api().path("/api/requests/{reference}/status").buildAndExpand(submitted.reference()).toUri();
    SubmissionAnswer answer = new SubmissionAnswer(submitted.reference(), submitted.statusToken(),
        statusUrl.toString(),
        api().path("/api/requests/{reference}/documents").buildAndExpand(submitted.reference()).toUriString(),
        api().path("/status").queryParam("reference", submitted.reference()).toUriString());
    return ResponseEntity.status(HttpStatus.CREATED).location(statusUrl).body(answer);
  }

  @PostMapping("/{reference}/documents")
  @Operation(summary = "Send a document / 書類を送信",
      description = "A PDF, JPEG or PNG (judged by its content, not its name) of at most "
          + "madoguchi.intake.max-document-bytes (10 MB by default). The status token goes in the header "
          + "X-Status-Token, or, for plain HTML forms, in the form field statusToken.")
  @ApiResponse(responseCode = "201", description = "Kept")
  @ApiResponse(responseCode = "200", description = "The request already had this very file (a retry, or the same "
      + "file sent again): the document already held, not a second copy")
  @ApiResponse(responseCode = "400", description = "Not a PDF, JPEG or PNG, empty, or too many documents",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "404", description = "Unknown reference, or missing or wrong status token",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "The request is closed",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "413", description = "The document is too large",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "415", description = "Not multipart/form-data",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<DocumentAnswer> upload(
      @PathVariable String reference,
      @Parameter(in = ParameterIn.HEADER, name = STATUS_TOKEN_HEADER)
      @RequestHeader(name = STATUS_TOKEN_HEADER, required = false) String tokenHeader,
      @Parameter(description = "The status token, when it cannot go in the header")
      @RequestParam(name = "statusToken", required = false) String tokenField,
      @Parameter(description = "What the document is for; default OTHER")
      @RequestParam(name = "kind", required = false) String kind,
      @RequestPart("file") MultipartFile file) {
    String token = tokenHeader != null ? tokenHeader : tokenField;
    DocumentKind documentKind = documentKind(kind);
    DocumentsSentLater.Upload upload =
        laterDocuments.upload(reference, token, DocumentUpload.of("file", documentKind, file));
    RequestDocument stored = upload.document();
    return ResponseEntity.status(upload.alreadyHeld() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(new DocumentAnswer(stored.id(), stored.kind(), stored.contentType(), stored.sizeBytes(),
            stored.sha256(), upload.alreadyHeld()));
  }

  /** Who asks for a new status key: the e-mail address given with the request. */
  record StatusKeyAsk(@Schema(example = "taro.yamada@example.jp") String email) {}

  /** What the desk took and what happens next, in the caller's language (a status-key ask, a withdrawal). */
  record TakenAnswer(String detail) {}

  @PostMapping("/{reference}/status-key")
  @Operation(summary = "Ask for a new status key / 確認キーの再発行",
      description = "For a requester who lost the status key. When the reference and the e-mail address given with "
          + "the request (the agent's, for a request by an agent) match, a new key is e-mailed to that address and "
          + "replaces the old one once sent. The answer is the same whether or not they match, and is given before "
          + "the look-up; at most one key per request is sent in madoguchi.intake.status-key-interval (15 minutes).")
  @ApiResponse(responseCode = "202", description = "Taken (whether or not it matches a request)")
  @ApiResponse(responseCode = "400", description = "The e-mail address is missing or malformed, or the JSON is",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<TakenAnswer> askForStatusKey(@PathVariable String reference,
      @RequestBody StatusKeyAsk body, Locale locale) {
    statusKeys.ask(reference, body == null ? null : body.email());
    return ResponseEntity.accepted()
        .body(new TakenAnswer(messages.getMessage("statusKey.asked.text", null, locale)));
  }

  @PostMapping("/{reference}/withdrawal")
  @Operation(summary = "Withdraw the request / 請求の取下げ",
      description = "The requester withdraws the request with its status token (header X-Status-Token). The desk "
          + "stops handling it wherever it stands, sends a confirmation of the withdrawal and closes the request.")
  @ApiResponse(responseCode = "202", description = "Withdrawn; the confirmation and the closing follow")
  @ApiResponse(responseCode = "404", description = "Unknown reference, or missing or wrong status token",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(responseCode = "409", description = "Closed or being closed, or a complaint (answered, not withdrawn)",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<TakenAnswer> withdraw(@PathVariable String reference,
      @Parameter(in = ParameterIn.HEADER, name = STATUS_TOKEN_HEADER, required = true)
      @RequestHeader(name = STATUS_TOKEN_HEADER, required = false) String token, Locale locale) {
    DeskRequest request = statusViews.find(reference, token).orElseThrow(RequestNotFoundException::new);
    if (withdrawal.withdraw(request, "by the requester through the API", RequestSubmission.REQUESTER)
        != RequestWithdrawal.Outcome.WITHDRAWN) {
      throw new RequestNotWithdrawableException();
    }
    return ResponseEntity.accepted()
        .body(new TakenAnswer(messages.getMessage("status.withdraw.done", null, locale)));
  }

  @GetMapping("/{reference}/status")
  @Operation(summary = "Where the request stands / 請求の状況",
      description = "The stage, what the desk waits for and the target date. No personal data.")
  @ApiResponse(responseCode = "200", description = "The status")
  @ApiResponse(responseCode = "404", description = "Unknown reference, or missing or wrong status token",
      content = @Content(mediaType = "application/problem+json"))
  StatusViews.Status status(
      @PathVariable String reference,
      @Parameter(in = ParameterIn.HEADER, name = STATUS_TOKEN_HEADER, required = true)
      @RequestHeader(name = STATUS_TOKEN_HEADER, required = false) String token) {
    DeskRequest request = statusViews.find(reference, token).orElseThrow(RequestNotFoundException::new);
    return statusViews.of(request);
  }

  private static DocumentKind documentKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return DocumentKind.OTHER;
    }
    try {
      return DocumentKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSubmissionException(List.of(new FieldProblem("kind", "intake.error.unknownValue")));
    }
  }

  private static String idempotencyKey(String header) {
    if (header == null) {
      return null;
    }
    if (header.isBlank() || header.length() > IDEMPOTENCY_KEY_MAX
        || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
      throw new InvalidSubmissionException(
          List.of(new FieldProblem(IDEMPOTENCY_KEY_HEADER, "intake.error.idempotencyKey", IDEMPOTENCY_KEY_MAX)));
    }
    return header;
  }

  private static ServletUriComponentsBuilder api() {
    return ServletUriComponentsBuilder.fromCurrentContextPath();
  }
}
