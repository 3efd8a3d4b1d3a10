package jp.madoguchi.correspondence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.request.RequestEvent;

/**
 * What the register's history says that a letter must repeat: the decision with its grounds (events
 * {@code DECISION_*}) and the reasons written with it (the decision step's note {@code .../refusalReasons: text},
 * ADR 0022; before contract version 4 the decision event's detail held them), the identity finding
 * ({@code IDENTITY_*}) and the notes staff wrote for the person ({@code NOTE} events such as
 * {@code .../paperReasonNote: text}). The latest entry counts: a refusal sent back and decided again is answered
 * with the second decision and its reasons. A referral to a client company
 * ({@code REFERRED_TO_CLIENT}) is repeated by the letters that answer the rest, naming the client from the latest
 * {@code clientCompanyName} note (before contract version 4 the event's detail held the name).
 */
record CaseRecord(
    String decision,
    List<String> refusalGrounds,
    String refusalReasons,
    String moreDocumentsFinding,
    String rejectionFinding,
    String paperReason,
    String actionTaken,
    String complaintOutcome,
    String referredTo) {

  static final String PAPER_REASON_NOTE = "paperReasonNote";
  static final String ACTION_TAKEN_NOTE = "actionTakenNote";
  /** What the desk did about a complaint, written to the person: the answer to the complaint prints it. */
  static final String COMPLAINT_OUTCOME_NOTE = "complaintOutcomeNote";
  /** The reasons of a refusal, written for the requester with the decision (APPI Art 36). */
  static final String REFUSAL_REASONS = "refusalReasons";
  static final String CLIENT_COMPANY_NAME = "clientCompanyName";

  /** The detail of a decision event, as {@code RequestDecisions} records it. */
  private static final Pattern DECISION_DETAIL =
      Pattern.compile("grounds (?:\\[(?<grounds>[^\\]]*)\\]|null)(?:; reasons: (?<reasons>.*))?", Pattern.DOTALL);

  static CaseRecord of(List<RequestEvent> history) {
    String decision = null;
    List<String> grounds = List.of();
    String reasons = null;
    String moreDocuments = null;
    String rejection = null;
    String paperReason = null;
    String actionTaken = null;
    String complaintOutcome = null;
    String referredTo = null;
    String clientName = null;
    for (RequestEvent event : history) {
      String type = event.eventType();
      String detail = event.detail();
      if (type.startsWith("DECISION_")) {
        decision = type.substring("DECISION_".length());
        grounds = List.of();
        reasons = null;
        if (detail != null) {
          Matcher matcher = DECISION_DETAIL.matcher(detail);
          if (matcher.matches()) {
            grounds = codes(matcher.group("grounds"));
            reasons = matcher.group("reasons");
          }
        }
      } else if (type.equals("IDENTITY_MORE_DOCUMENTS_NEEDED")) {
        moreDocuments = detail;
      } else if (type.equals("REFERRED_TO_CLIENT")) {
        referredTo = detail != null ? detail : clientName;
      } else if (type.equals("IDENTITY_REJECTED")) {
        rejection = detail;
      } else if (type.equals("NOTE")) {
        paperReason = note(detail, PAPER_REASON_NOTE).orElse(paperReason);
        actionTaken = note(detail, ACTION_TAKEN_NOTE).orElse(actionTaken);
        complaintOutcome = note(detail, COMPLAINT_OUTCOME_NOTE).orElse(complaintOutcome);
        reasons = note(detail, REFUSAL_REASONS).orElse(reasons);
        clientName = note(detail, CLIENT_COMPANY_NAME).orElse(clientName);
      }
    }
    return new CaseRecord(decision, grounds, reasons, moreDocuments, rejection, paperReason, actionTaken,
        complaintOutcome, referredTo);
  }

  /** The text of a note event {@code <taskKey>/<name>: <text>} when it is the named note. */
  private static Optional<String> note(String detail, String name) {
    if (detail == null) {
      return Optional.empty();
    }
    String marker = "/" + name + ": ";
    int at = detail.indexOf(marker);
    int firstColon = detail.indexOf(": ");
    // the note's name is the part before the first ": " (its text may itself contain the marker)
    if (at < 0 || at + marker.length() - 2 != firstColon) {
      return Optional.empty();
    }
    return Optional.of(detail.substring(at + marker.length()));
  }

  private static List<String> codes(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (String code : list.split(",")) {
      if (!code.isBlank()) {
        codes.add(code.strip());
      }
    }
    return codes;
  }
}
