package jp.madoguchi.desk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.handling.RequestWithdrawal;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.UnmaskedNumber;
import jp.madoguchi.request.VerifiedAddresses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The request file page and its documents, for logged-in desk staff. */
@Controller
class RequestFileController {

  private final RequestFile requestFile;

  RequestFileController(RequestFile requestFile) {
    this.requestFile = requestFile;
  }

  @GetMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}")
  String show(@PathVariable String reference, Authentication user, Model model) {
    RequestFile.View view = requestFile.open(reference, user.getName(), groups(user))
        .orElseThrow(RequestFileController::notFound);
    model.addAttribute("file", view);
    return "desk/request-file";
  }

  /**
   * A document, inline or as a download. Inline only for what the register judged by content to be PDF, JPEG or
   * PNG, in a sandbox: the browser runs nothing from it.
   */
  @GetMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/documents/{id}")
  ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable long id,
      @RequestParam(name = "download", defaultValue = "false") boolean download, Authentication user) {
    RequestFile.Document document = requestFile.document(reference, id, user.getName(), groups(user), download)
        .orElseThrow(RequestFileController::notFound);
    String name = document.document().originalFileName() == null
        ? "document-" + id
        : document.document().originalFileName();
    ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(name, StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.document().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; object-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document.content());
  }

  /** E-mails the requester a new status key, then shows the file again. */
  @PostMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/status-key")
  String sendStatusKey(@PathVariable String reference, Authentication user) {
    boolean queued = requestFile.sendStatusKey(reference, user.getName(), groups(user))
        .orElseThrow(RequestFileController::notFound);
    if (!queued) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.CONFLICT,
          "The requester gave no e-mail address: a status key is sent by e-mail only");
    }
    return "redirect:/desk/requests/" + reference + "?statusKey=queued";
  }

  /** E-mails the requester a new link to confirm the e-mail address, then shows the file again with what happened. */
  @PostMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/email-confirmation")
  String sendEmailConfirmationLink(@PathVariable String reference, Authentication user) {
    RequestFile.ConfirmationLinkOutcome outcome = requestFile.sendEmailConfirmationLink(reference, user.getName(),
        groups(user)).orElseThrow(RequestFileController::notFound);
    return "redirect:/desk/requests/" + reference + "?emailConfirmation=" + outcome.name();
  }

  /** The longest note a withdrawal is recorded with. */
  static final int WITHDRAWAL_NOTE_MAX = 2000;

  /**
   * Records that the requester withdrew the request, with how and when (required), and ends its handling; then
   * shows the file again with what happened.
   */
  @PostMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/withdrawal")
  String withdraw(@PathVariable String reference,
      @RequestParam(name = "withdrawalNote", required = false) String note, Authentication user) {
    String text = note == null ? "" : note.strip();
    String back = "redirect:/desk/requests/" + reference + "?withdrawal=";
    if (text.isEmpty()) {
      return back + "noteMissing";
    }
    if (text.length() > WITHDRAWAL_NOTE_MAX || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r'
        && c != '\t')) {
      return back + "noteInvalid";
    }
    RequestWithdrawal.Outcome outcome = requestFile.withdraw(reference, text, user.getName(), groups(user))
        .orElseThrow(RequestFileController::notFound);
    return back + switch (outcome) {
      case WITHDRAWN -> "recorded";
      case NOT_A_REQUEST -> "complaint";
      case NOT_OPEN -> "notOpen";
    };
  }

  /**
   * Deletes an upload that shows a My Number or an unmasked insurer number and asks the requester for a masked copy;
   * then shows the file again with what happened.
   */
  @PostMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/documents/{id}/unmasked")
  String deleteUnmasked(@PathVariable String reference, @PathVariable long id,
      @RequestParam(name = "shows", required = false) String shows, Authentication user) {
    String back = "redirect:/desk/requests/" + reference + "?unmasked=";
    UnmaskedNumber number;
    try {
      number = shows == null ? null : UnmaskedNumber.valueOf(shows);
    } catch (IllegalArgumentException e) {
      number = null;
    }
    if (number == null) {
      return back + "reasonMissing";
    }
    RequestFile.UnmaskedOutcome outcome = requestFile.deleteUnmasked(reference, id, number, user.getName(),
        groups(user)).orElseThrow(RequestFileController::notFound);
    return back + switch (outcome) {
      case DELETED_AND_ASKED -> "deleted";
      case ALREADY_GONE -> "alreadyGone";
    };
  }

  /**
   * Records the address shown on the verified identity document, then shows the file again. Bad input shows the
   * file with what is wrong with each field and what was typed, and stores nothing.
   */
  @PostMapping("/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/verified-address")
  String recordVerifiedAddress(@PathVariable String reference,
      @RequestParam(name = "postalCode", required = false) String postalCode,
      @RequestParam(name = "addressLine1", required = false) String line1,
      @RequestParam(name = "addressLine2", required = false) String line2, Authentication user, Model model,
      HttpServletResponse response) {
    Map<VerifiedAddresses.Field, VerifiedAddresses.Problem> problems =
        VerifiedAddresses.problems(postalCode, line1, line2);
    if (!problems.isEmpty()) {
      Map<String, String> errors = new LinkedHashMap<>();
      problems.forEach((field, problem) -> errors.put(field.name(),
          "file.verifiedAddress.error." + field.name() + "." + problem.name()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("addressErrors", errors);
      model.addAttribute("addressInput", new AddressInput(postalCode, line1, line2));
      return show(reference, user, model);
    }
    RequestFile.AddressOutcome outcome = requestFile.recordVerifiedAddress(reference, postalCode, line1, line2,
        user.getName(), groups(user)).orElseThrow(RequestFileController::notFound);
    return "redirect:/desk/requests/" + reference + "?address=" + switch (outcome) {
      case RECORDED -> "recorded";
      case ERASED -> "erased";
    };
  }

  /** What staff typed, shown again with the errors. */
  record AddressInput(String postalCode, String line1, String line2) {}

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
  }
}
