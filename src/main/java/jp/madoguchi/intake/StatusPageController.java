package jp.madoguchi.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.handling.RequestWithdrawal;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The requester's status page: reference and token in, stage and what the desk waits for out, and a form to send
 * documents. The token travels in POST bodies only, never in a URL.
 */
@Controller
class StatusPageController {

  private final DocumentsSentLater laterDocuments;
  private final StatusViews statusViews;
  private final StatusKeyRecovery statusKeys;
  private final RequestWithdrawal withdrawal;
  private final MessageSource messages;

  StatusPageController(DocumentsSentLater laterDocuments, StatusViews statusViews, StatusKeyRecovery statusKeys,
      RequestWithdrawal withdrawal, MessageSource messages) {
    this.laterDocuments = laterDocuments;
    this.statusViews = statusViews;
    this.statusKeys = statusKeys;
    this.withdrawal = withdrawal;
    this.messages = messages;
  }

  /**
   * The requester withdraws the request (an explicit confirmation is required); the desk confirms it in writing and
   * closes the request (see {@link RequestWithdrawal}).
   */
  @PostMapping("/status/withdraw")
  String withdraw(@RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "statusToken", required = false) String token,
      @RequestParam(name = "confirm", required = false) String confirm, Model model, Locale locale,
      HttpServletResponse response) {
    DeskRequest request = statusViews.find(trim(reference), trim(token)).orElse(null);
    if (request == null) {
      return notFound(model, reference, response);
    }
    if (!"yes".equals(confirm)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showStatus(model, request, trim(token),
          FormErrors.of(List.of(new FieldProblem("confirm", "status.withdraw.confirmRequired")), messages, locale),
          null);
    }
    RequestWithdrawal.Outcome outcome = withdrawal.withdraw(request, "by the requester on the status page",
        RequestSubmission.REQUESTER);
    if (outcome != RequestWithdrawal.Outcome.WITHDRAWN) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
    }
    model.addAttribute("withdrawn", outcome == RequestWithdrawal.Outcome.WITHDRAWN);
    return showStatus(model, request, trim(token), FormErrors.none(), null);
  }

  /** The form for a requester who lost their status key. */
  @GetMapping("/status/new-key")
  String newKeyForm(@RequestParam(name = "reference", required = false) String reference, Model model) {
    model.addAttribute("reference", reference == null ? "" : reference.strip());
    model.addAttribute("email", "");
    model.addAttribute("errors", FormErrors.none());
    model.addAttribute("asked", false);
    return "intake/status-key";
  }

  /**
   * Takes the ask and answers the same whether or not the reference and address match a request (see
   * {@link StatusKeyRecovery}); only a missing or malformed field is answered with an error.
   */
  @PostMapping("/status/new-key")
  String newKey(@RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "email", required = false) String email, Model model, Locale locale,
      HttpServletResponse response) {
    model.addAttribute("reference", reference == null ? "" : reference.strip());
    model.addAttribute("email", email == null ? "" : email.strip());
    try {
      statusKeys.ask(reference, email);
      model.addAttribute("errors", FormErrors.none());
      model.addAttribute("asked", true);
    } catch (InvalidSubmissionException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", FormErrors.of(e.problems(), messages, locale));
      model.addAttribute("asked", false);
    }
    return "intake/status-key";
  }

  @GetMapping("/status")
  String form(@RequestParam(name = "reference", required = false) String reference, Model model) {
    model.addAttribute("reference", reference == null ? "" : reference.strip());
    model.addAttribute("notFound", false);
    return "intake/status-form";
  }

  @PostMapping("/status")
  String status(@RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "statusToken", required = false) String token, Model model,
      HttpServletResponse response) {
    return statusViews.find(trim(reference), trim(token))
        .map(request -> showStatus(model, request, trim(token), FormErrors.none(), null))
        .orElseGet(() -> notFound(model, reference, response));
  }

  @PostMapping("/status/documents")
  String upload(@RequestParam(name = "reference", required = false) String reference,
      @RequestParam(name = "statusToken", required = false) String token,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model, Locale locale, HttpServletResponse response) {
    DeskRequest request = statusViews.find(trim(reference), trim(token)).orElse(null);
    if (request == null) {
      return notFound(model, reference, response);
    }
    DocumentKind documentKind = documentKind(kind);
    List<FieldProblem> problems = documentKind == null
        ? List.of(new FieldProblem("kind", "intake.error.required"))
        : !DocumentUpload.chosen(file) ? List.of(new FieldProblem("file", "intake.error.required")) : List.of();
    if (problems.isEmpty()) {
      try {
        DocumentsSentLater.Upload stored = laterDocuments.upload(request.reference(), trim(token),
            DocumentUpload.of("file", documentKind, file));
        model.addAttribute("alreadyHeld", stored.alreadyHeld());
        return showStatus(model, request, trim(token), FormErrors.none(), stored.document());
      } catch (InvalidSubmissionException e) {
        problems = e.problems();
      } catch (RequestClosedException e) {
        problems = List.of(new FieldProblem("file", "intake.error.requestClosed"));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return showStatus(model, request, trim(token), FormErrors.of(problems, messages, locale), null);
  }

  private String showStatus(Model model, DeskRequest request, String token, FormErrors errors,
      RequestDocument received) {
    model.addAttribute("status", statusViews.of(request));
    model.addAttribute("statusToken", token);
    model.addAttribute("errors", errors);
    model.addAttribute("received", received);
    model.addAttribute("documentKinds", DocumentKind.values());
    return "intake/status";
  }

  private static String notFound(Model model, String reference, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("reference", reference == null ? "" : reference.strip());
    model.addAttribute("notFound", true);
    return "intake/status-form";
  }

  private static DocumentKind documentKind(String kind) {
    try {
      return kind == null || kind.isBlank() ? null : DocumentKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.strip();
  }
}
