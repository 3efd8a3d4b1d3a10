package jp.madoguchi.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The desk's own pages: registering a request received by another way than the web page, as the company accepts
 * them ({@link AcceptedChannels}; with the date it arrived, which may lie in the past), and the register's list. The person's details go to the register only; the
 * process gets the reference and routing facts, as for web requests.
 */
@Controller
class DeskIntakeController {

  private static final int REGISTER_PAGE_SIZE = 200;

  private final RequestSubmission submission;
  private final RequestRegister register;
  private final RequestFees fees;
  private final DeskCalendar calendar;
  private final MessageSource messages;
  private final AcceptedChannels channels;

  DeskIntakeController(RequestSubmission submission, RequestRegister register, RequestFees fees, DeskCalendar calendar,
      MessageSource messages, AcceptedChannels channels) {
    this.submission = submission;
    this.register = register;
    this.fees = fees;
    this.calendar = calendar;
    this.messages = messages;
    this.channels = channels;
  }

  @GetMapping("/desk/login")
  String login() {
    return "desk/login";
  }

  @GetMapping({"/desk", "/desk/"})
  String home() {
    return "redirect:/desk/requests";
  }

  @GetMapping("/desk/requests")
  String list(Model model) {
    model.addAttribute("requests", register.latest(REGISTER_PAGE_SIZE));
    return "desk/requests";
  }

  @GetMapping("/desk/requests/new")
  String form(Model model) {
    IntakeRequest form = new IntakeRequest();
    form.setPersonalInformationKind("ORDINARY");
    List<Channel> staffChannels = channels.staffChannels();
    form.setChannel((staffChannels.contains(Channel.POST) || staffChannels.isEmpty() ? Channel.POST
        : staffChannels.get(0)).name());
    form.setArrivedOn(calendar.today().toString());
    form.setLanguage("ja");
    return showForm(model, form, FormErrors.none(), false);
  }

  @PostMapping("/desk/requests")
  String registerRequest(@ModelAttribute("form") IntakeRequest form,
      @RequestParam(name = "submissionId", required = false) String submissionId,
      @RequestParam MultiValueMap<String, MultipartFile> files,
      Principal staff, Model model, Locale locale, HttpServletResponse response) {
    List<DocumentUpload> uploads = RequestPageController.uploads(files);
    try {
      RequestSubmission.Submitted submitted = submission.submit(form, uploads,
          new RequestSubmission.Submitter(staff.getName(), true, "ja"), submissionKey(submissionId, staff));
      model.addAttribute("submitted", submitted);
      model.addAttribute("documentCount", uploads.size());
      return "desk/registered";
    } catch (InvalidSubmissionException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showForm(model, form, FormErrors.of(e.problems(), messages, locale), !uploads.isEmpty());
    } catch (IdempotencyKeyReusedException | IdempotencyKeyInUseException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return showForm(model, form, FormErrors.of(List.of(new FieldProblem("submissionId",
          "intake.error.resubmitted")), messages, locale), !uploads.isEmpty());
    }
  }

  private static String submissionKey(String submissionId, Principal staff) {
    try {
      return submissionId == null ? null : "desk:" + staff.getName() + ":" + UUID.fromString(submissionId);
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
    model.addAttribute("channels", channels.staffChannels());
    model.addAttribute("documentInputs", RequestPageController.DocumentInput.values());
    model.addAttribute("today", calendar.today());
    return "desk/new-request";
  }
}
