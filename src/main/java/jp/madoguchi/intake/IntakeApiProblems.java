package jp.madoguchi.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the intake API as an RFC 9457 problem ({@code application/problem+json}) with a list {@code errors}
 * of {@code {field, message}} in the caller's language. Messages never repeat what the caller sent.
 */
@RestControllerAdvice(assignableTypes = IntakeApiController.class)
class IntakeApiProblems extends ResponseEntityExceptionHandler {

  static final String TYPE_PREFIX = "urn:madoguchi:problem:";

  /** One wrong field. */
  record FieldMessage(String field, String message) {}

  private final MessageSource messages;
  private final IntakeProperties properties;

  IntakeApiProblems(MessageSource messages, IntakeProperties properties) {
    this.messages = messages;
    this.properties = properties;
  }

  @ExceptionHandler(InvalidSubmissionException.class)
  ResponseEntity<Object> invalid(InvalidSubmissionException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.problems());
  }

  @ExceptionHandler(RequestNotFoundException.class)
  ResponseEntity<Object> notFound(RequestNotFoundException e) {
    // a fixed instance: the request path would only echo the reference, and both cases must read the same
    return problem(HttpStatus.NOT_FOUND, "request-not-found", List.of(), URI.create("/api/requests"));
  }

  @ExceptionHandler(RequestNotWithdrawableException.class)
  ResponseEntity<Object> notWithdrawable(RequestNotWithdrawableException e) {
    return problem(HttpStatus.CONFLICT, "request-not-withdrawable", List.of());
  }

  @ExceptionHandler(RequestClosedException.class)
  ResponseEntity<Object> closed(RequestClosedException e) {
    return problem(HttpStatus.CONFLICT, "request-closed", List.of());
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
        List.of(new FieldProblem(IntakeApiController.IDEMPOTENCY_KEY_HEADER, "intake.error.idempotencyKeyReused")));
  }

  @ExceptionHandler(IdempotencyKeyInUseException.class)
  ResponseEntity<Object> keyInUse(IdempotencyKeyInUseException e) {
    return problem(HttpStatus.CONFLICT, "idempotency-key-in-use",
        List.of(new FieldProblem(IntakeApiController.IDEMPOTENCY_KEY_HEADER, "intake.error.idempotencyKeyInUse")));
  }

  /** A request that is not multipart where a file is expected. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> notMultipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return tooLarge();
    }
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return tooLarge();
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // a value of the wrong JSON type names its field; broken JSON has none to name
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && !endOfInput(mapping)) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
              : String.valueOf(reference.getIndex()))
          .collect(Collectors.joining("."));
      return problem(HttpStatus.BAD_REQUEST, "invalid-request",
          List.of(new FieldProblem(field, "intake.error.wrongJsonType")));
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed-json", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request",
        List.of(new FieldProblem(ex.getRequestPartName(), "intake.error.required")));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request",
        List.of(new FieldProblem(ex.getParameterName(), "intake.error.required")));
  }

  /** Jackson reports a body that ends too early as a mismatch at the field it was reading: it is broken JSON. */
  private static boolean endOfInput(JsonMappingException mapping) {
    return mapping.getOriginalMessage() != null && mapping.getOriginalMessage().contains("end-of-input");
  }

  private ResponseEntity<Object> tooLarge() {
    long maxBytes = properties.maxDocumentBytes().toBytes();
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large",
        List.of(new FieldProblem("file", "intake.error.documentTooLarge", DocumentRules.megabytes(maxBytes))));
  }

  private ResponseEntity<Object> problem(HttpStatus status, String type, List<FieldProblem> problems) {
    return problem(status, type, problems, null);
  }

  private ResponseEntity<Object> problem(HttpStatus status, String type, List<FieldProblem> problems,
      URI instance) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setType(URI.create(TYPE_PREFIX + type));
    body.setTitle(messages.getMessage("intake.problem." + type + ".title", null, locale));
    body.setDetail(messages.getMessage("intake.problem." + type + ".detail", null, locale));
    if (instance != null) {
      body.setInstance(instance);
    }
    body.setProperty("errors", problems.stream()
        .map(p -> new FieldMessage(p.field(), IntakeMessages.fieldMessage(messages, p, locale)))
        .toList());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
