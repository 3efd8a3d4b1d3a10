package jp.madoguchi.intake;

import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.correspondence.EmailConfirmationLetters;
import jp.madoguchi.correspondence.EmailConfirmations.Outcome;
import jp.madoguchi.reply.ReplyAddressConfirmation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the confirmation link opens. Opening it changes nothing: mail scanners and link previews fetch links
 * before the person does, so only the button (a POST with the page's CSRF token) confirms the address.
 */
@Controller
class EmailConfirmationPageController {

  private final ReplyAddressConfirmation confirmation;

  EmailConfirmationPageController(ReplyAddressConfirmation confirmation) {
    this.confirmation = confirmation;
  }

  @GetMapping(EmailConfirmationLetters.PAGE)
  String confirmForm(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("token", token == null ? "" : token.strip());
    model.addAttribute("outcome", null);
    return "intake/confirm-email";
  }

  @PostMapping(EmailConfirmationLetters.PAGE)
  String confirm(@RequestParam(name = "token", required = false) String token, Model model,
      HttpServletResponse response) {
    Outcome outcome = confirmation.confirm(token == null ? null : token.strip(), RequestSubmission.REQUESTER);
    if (outcome == Outcome.EXPIRED) {
      response.setStatus(HttpServletResponse.SC_GONE);
    } else if (outcome == Outcome.UNKNOWN) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    model.addAttribute("token", "");
    model.addAttribute("outcome", outcome.name());
    return "intake/confirm-email";
  }
}
