package jp.madoguchi.correspondence;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The paper letters waiting to be dispatched, for the desk (every paper notice: an acknowledgement, a request for the
 * fee or for documents, a confirmation of withdrawal; the reply itself is dispatched from its own task): print
 * each, send it by registered mail, record the tracking number. Letters of My Number requests are listed only for
 * the staff entitled to them, who alone may print them.
 */
@Controller
class PaperLetterController {

  private static final int LIST_LIMIT = 200;
  /** A registered-mail tracking number as Japan Post prints it (digits, maybe grouped with dashes or spaces). */
  static final Pattern TRACKING_NUMBER = Pattern.compile("[0-9][0-9 -]{6,30}[0-9]");

  private final Outbox outbox;
  private final PaperDispatch dispatch;

  PaperLetterController(Outbox outbox, PaperDispatch dispatch) {
    this.outbox = outbox;
    this.dispatch = dispatch;
  }

  @GetMapping("/desk/letters/paper")
  String list(Authentication user, Model model) {
    List<OutboundLetter> letters = outbox.paperToDispatch(LIST_LIMIT).stream()
        .filter(letter -> LetterStaffController.mayRead(letter, user))
        .toList();
    model.addAttribute("letters", letters);
    return "desk/paper-letters";
  }

  /** Records that the letter went out by registered mail, then shows the list again with what happened. */
  @PostMapping("/desk/letters/{id}/posted")
  String dispatched(@PathVariable long id, @RequestParam(name = "trackingNumber", required = false) String tracking,
      Authentication user) {
    String number = tracking == null ? "" : tracking.strip();
    OutboundLetter letter = outbox.find(id).orElse(null);
    if (letter == null || !LetterStaffController.mayRead(letter, user)) {
      return "redirect:/desk/letters/paper?error=notFound";
    }
    if (!TRACKING_NUMBER.matcher(number).matches()) {
      return "redirect:/desk/letters/paper?error=trackingNumber&letter=" + id;
    }
    if (!dispatch.recordDispatched(id, number, user.getName())) {
      return "redirect:/desk/letters/paper?error=notWaiting&letter=" + id;
    }
    return "redirect:/desk/letters/paper?posted=" + id;
  }
}
