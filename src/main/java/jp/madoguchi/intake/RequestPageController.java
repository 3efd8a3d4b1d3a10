package jp.madoguchi.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.madoguchi.fee.FeePayments.PaymentMethod;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public request page: no login, Japanese first, plain HTML. A submission and its documents go in one
 * multipart form; a hidden submission id makes a second click or a reload answer with the first result.
 */
@Controller
class RequestPageController {

  /** The form's file inputs, each with what its document is for. */
  enum DocumentInput {
    identityDocument(DocumentKind.IDENTITY_DOCUMENT),
    agentIdentityDocument(DocumentKind.IDENTITY_DOCUMENT),
    powerOfAttorney(DocumentKind.POWER_OF_ATTORNEY),
    sealCertificate(DocumentKind.SEAL_CERTIFICATE),
    statusProof(DocumentKind.STATUS_PROOF),
    otherDocument(DocumentKind.OTHER);

    final DocumentKind kind;

    DocumentInput(DocumentKind kind) {
      this.kind = kind;
    }
  }

  private final RequestSubmission submission;
  private final RequestFees fees;
  private final MessageSource messages;
  private final AcceptedChannels channels;

  RequestPageController(RequestSubmission submission, RequestFees fees, MessageSource messages,
      AcceptedChannels channels) {
    this.submission = submission;
    this.fees = fees;
    this.messages = messages;
    this.channels = channels;
  }

  @GetMapping("/request")
  String form(Model model) {
    IntakeRequest form = new IntakeRequest();
    form.setPersonalInformationKind("ORDINARY");
    return showForm(model, form, FormErrors.none(), false);
  }

  @PostMapping("/request")
  String submit(@ModelAttribute("form") IntakeRequest form,
      @RequestParam(name = "submissionId", required = false) String submissionId,
      @RequestParam MultiValueMap<String, MultipartFile> files,
      Model model, Locale locale, HttpServletResponse response) {
    List<DocumentUpload> uploads = uploads(files);
    // the page is Japanese or English; the desk writes its letters in the language the requester used
    form.setLanguage(locale.getLanguage());
    form.setChannel(null);
    form.setArrivedOn(null);
    try {
      RequestSubmission.Submitted submitted = submission.submit(form, uploads,
          RequestSubmission.Submitter.requester(locale.getLanguage()), submissionKey(submissionId));
      RequestType type = RequestType.valueOf(form.getType().strip().toUpperCase(Locale.ROOT));
      model.addAttribute("submitted", submitted);
      model.addAttribute("type", type);
      model.addAttribute("feeYen", fees.feeYen(type));
      model.addAttribute("paymentMethods", PaymentMethod.values());
      model.addAttribute("documentCount", uploads.size());
      return "intake/submitted";
    } catch (InvalidSubmissionException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showForm(model, form, FormErrors.of(e.problems(), messages, locale), !uploads.isEmpty());
    } catch (IdempotencyKeyReusedException | IdempotencyKeyInUseException e) {
      // the same form sent again with other values: treat it as a new form, keeping what was typed
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return showForm(model, form, FormErrors.of(List.of(new FieldProblem("submissionId",
          "intake.error.resubmitted")), messages, locale), !uploads.isEmpty());
    }
  }

  /** Where a form goes whose upload was too large to be read (see the security package's access-denied handler). */
  @RequestMapping("/error/upload-too-large")
  String uploadTooLarge() {
    return "intake/upload-too-large";
  }

  /** The key of one filled-in form: a fresh one for every new form, so only a resubmission of it is recognised. */
  private static String submissionKey(String submissionId) {
    if (submissionId == null) {
      return null;
    }
    try {
      return "page:" + UUID.fromString(submissionId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String showForm(Model model, IntakeRequest form, FormErrors errors, boolean filesDropped) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("filesDropped", filesDropped && !errors.isEmpty());
    model.addAttribute("submissionId", UUID.randomUUID().toString());
    model.addAttribute("types", RequestTypeChoice.all(fees));
    model.addAttribute("paymentMethods", PaymentMethod.values());
    model.addAttribute("documentInputs", DocumentInput.values());
    model.addAttribute("otherWays", channels.otherWays(LocaleContextHolder.getLocale()));
    return "intake/request-form";
  }

  /** The documents a page form carries, one file input per kind (see {@link DocumentInput}). */
  static List<DocumentUpload> uploads(MultiValueMap<String, MultipartFile> files) {
    List<DocumentUpload> uploads = new ArrayList<>();
    for (DocumentInput input : DocumentInput.values()) {
      MultipartFile file = files.getFirst(input.name());
      if (DocumentUpload.chosen(file)) {
        uploads.add(DocumentUpload.of(input.name(), input.kind, file));
      }
    }
    return uploads;
  }
}
