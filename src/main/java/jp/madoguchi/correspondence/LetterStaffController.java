package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.request.EmailAddress;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff's side of the outbox (privacy-desk and privacy-managers; see {@code WebSecurity}): the list of letters
 * in a state (FAILED by default), retrying a failed e-mail (to a corrected address if need be), and a letter's PDF to print for registered mail. Letters
 * of My Number requests show their recipient and open their PDF only for staff entitled to specific personal
 * information.
 */
@RestController
class LetterStaffController {

  private static final int LIST_LIMIT = 200;

  private final Outbox outbox;
  private final LetterDocuments documents;
  private final LetterRetries retries;
  private final RequestRegister register;

  LetterStaffController(Outbox outbox, LetterDocuments documents, LetterRetries retries,
      RequestRegister register) {
    this.outbox = outbox;
    this.documents = documents;
    this.retries = retries;
    this.register = register;
  }

  /** A letter as the staff's list shows it. */
  record LetterSummary(long id, String reference, LetterKind kind, RecipientRole recipientRole,
      String recipientName, String recipientEmail, Delivery delivery, LetterStatus status, int attempts,
      String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant failedAt, String pdf) {

    static LetterSummary of(OutboundLetter letter, boolean showRecipient) {
      return new LetterSummary(letter.id(), letter.reference(), letter.kind(), letter.recipientRole(),
          showRecipient ? letter.recipientName() : null, showRecipient ? letter.recipientEmail() : null,
          letter.delivery(), letter.status(), letter.attempts(), showRecipient ? letter.lastError() : null,
          letter.createdAt(), letter.nextAttemptAt(), letter.sentAt(), letter.failedAt(),
          letter.hasPdf() ? "/desk/letters/" + letter.id() + ".pdf" : null);
    }
  }

  @GetMapping("/desk/api/letters")
  ResponseEntity<?> list(@RequestParam(defaultValue = "FAILED") String status, Authentication user) {
    LetterStatus wanted = Arrays.stream(LetterStatus.values()).filter(s -> s.name().equals(status)).findFirst()
        .orElse(null);
    if (wanted == null) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "status は次のいずれか / status must be one of " + Arrays.toString(LetterStatus.values())));
    }
    List<LetterSummary> letters = outbox.withStatus(wanted, LIST_LIMIT).stream()
        .map(letter -> LetterSummary.of(letter, mayRead(letter, user)))
        .toList();
    return ResponseEntity.ok(letters);
  }

  /** What staff may send with a retry: nothing ({@code {}}), or the address to send to instead. */
  record Retry(String email) {}

  /**
   * Only with a JSON body (an empty {@code {}} will do): a cross-site HTML form cannot send one, so a browser that
   * remembers a staff login cannot be made to retry letters by another site. With {@code {"email": "..."}} the
   * letter goes to that address, which also replaces the requester's in the register (the old one bounced); only
   * staff entitled to the request's personal information may do that for a My Number request.
   */
  @PostMapping(path = "/desk/api/letters/{id}/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> retry(@PathVariable long id, @RequestBody(required = false) Retry body, Authentication user) {
    OutboundLetter letter = outbox.find(id).orElse(null);
    if (letter == null) {
      return ResponseEntity.notFound().build();
    }
    String email = body == null || body.email() == null ? null : body.email().strip();
    if (email != null && !EmailAddress.valid(email)) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "電子メールアドレスの形式が正しくありません / The e-mail address is not valid"));
    }
    if (email != null && !mayRead(letter, user)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    boolean queued;
    try {
      queued = email == null ? retries.retry(id, user.getName())
          : retries.retryTo(id, email, user.getName());
    } catch (LetterRetries.AddressNotCorrectableException erased) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
          "この申出の個人データは消去済みのため、宛先を訂正できません / The request's personal data has been erased;"
              + " the address cannot be corrected"));
    }
    if (!queued) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
          "再送できるのは送信失敗・再試行待ち・送信済みの電子メールだけです / Only an e-mail that FAILED, waits to"
              + " RETRY or was SENT can be sent again; this one is " + letter.delivery() + " " + letter.status()));
    }
    OutboundLetter again = outbox.find(id).orElseThrow();
    return ResponseEntity.accepted().body(LetterSummary.of(again, mayRead(again, user)));
  }

  /** The letter to print and post by registered mail; opening it is recorded in the request's history. */
  @GetMapping("/desk/letters/{id}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id, Authentication user) {
    OutboundLetter letter = outbox.find(id).orElse(null);
    LetterDocuments.StoredLetter stored = letter == null ? null : documents.find(id).orElse(null);
    if (stored == null || !stored.hasPdf()) {
      return ResponseEntity.notFound().build();
    }
    if (!mayRead(letter, user)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    register.recordEvent(letter.requestId(), user.getName(), "LETTER_PDF_OPENED",
        letter.kind().name() + " (letter " + id + ")");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(DownloadTokens.fileName(letter.reference(), letter.kind())).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(stored.pdf());
  }

  /** Letters of a My Number request are for the staff entitled to specific personal information (and managers). */
  static boolean mayRead(OutboundLetter letter, Authentication user) {
    if (!PersonalInformationKind.SPECIFIC.name().equals(letter.personalInformationKind())) {
      return true;
    }
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(role -> role.equals("ROLE_" + DeskGroups.PRIVACY_DESK_SPECIFIC)
            || role.equals("ROLE_" + DeskGroups.PRIVACY_MANAGERS));
  }
}
