package jp.madoguchi.provision;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the provision records API as an RFC 9457 problem with {@code errors}: for each problem the record
 * (its source id, or {@code #n}), the field, a code and a message in the caller's language. A record whose basis
 * needs no record is its own problem type, so a caller can tell it from a typing error.
 */
@RestControllerAdvice(assignableTypes = ProvisionApiController.class)
class ProvisionApiProblems {

  static final String TYPE_PREFIX = "urn:madoguchi:problem:";

  private final MessageSource messages;

  ProvisionApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidProvisionRecords.class)
  ResponseEntity<ProblemDetail> invalid(InvalidProvisionRecords e) {
    boolean notRequired = e.problems().stream()
        .anyMatch(problem -> ProvisionProblem.NO_RECORD_REQUIRED.equals(problem.code()));
    boolean unknown = e.problems().stream()
        .anyMatch(problem -> ProvisionProblem.UNKNOWN_RECORD.equals(problem.code()));
    HttpStatus status = e.conflict() ? HttpStatus.CONFLICT
        : unknown ? HttpStatus.NOT_FOUND
        : notRequired ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
    String type = e.conflict() ? "provision-record-id-reused"
        : unknown ? "provision-record-not-found"
        : notRequired ? "provision-record-not-required" : "invalid-provision-records";
    return problem(status, type, e.problems());
  }

  @ExceptionHandler(ProvisionApiController.BodyTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge() {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "provision-records-too-large",
        List.of(new ProvisionProblem(null, "body", "too-large")));
  }

  @ExceptionHandler(ProvisionApiController.NotReadable.class)
  ResponseEntity<ProblemDetail> notReadable() {
    return problem(HttpStatus.BAD_REQUEST, "provision-records-not-readable",
        List.of(new ProvisionProblem(null, "body", "not-readable")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> notJson() {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "provision-records-not-json",
        List.of(new ProvisionProblem(null, "body", "not-json")));
  }

  private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, List<ProvisionProblem> problems) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create(TYPE_PREFIX + type));
    problem.setTitle(messages.getMessage("provision.problem." + type, null, locale));
    problem.setInstance(URI.create("/api/provision-records"));
    problem.setDetail(messages.getMessage("provision.problem.detail", new Object[] {problems.size()}, locale));
    problem.setProperty("errors", problems.stream().map(p -> error(p, locale)).toList());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private Map<String, Object> error(ProvisionProblem problem, Locale locale) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("record", problem.record());
    error.put("field", problem.field());
    error.put("code", problem.code());
    error.put("message", messages.getMessage("provision.error." + problem.code(), null, locale));
    return error;
  }
}
