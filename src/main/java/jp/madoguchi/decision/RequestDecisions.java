package jp.madoguchi.decision;

import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess.Decision;
import jp.madoguchi.handling.PersonalDataRequestProcess.ManagerApproval;
import jp.madoguchi.handling.PersonalDataRequestProcess.RefusalGround;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.springframework.stereotype.Service;

/**
 * The desk's decision on a request and the manager's approval of a refusal. A refusal in whole or in part must
 * name its reasons (APPI Art 36); a disclosure refusal must rest on an Art 33(2) ground.
 */
@Service
public class RequestDecisions {

  private final RequestRegister register;

  RequestDecisions(RequestRegister register) {
    this.register = register;
  }

  /** The decision as staff submitted it. */
  public record Submission(RequestType type, String decision, List<String> refusalGrounds, String refusalReasons,
      String actionTaken) {}

  /**
   * Checks a submission; the list names every problem, in words staff can act on (Japanese / English).
   */
  public List<String> problems(Submission submission) {
    List<String> problems = new ArrayList<>();
    Decision decision = parse(Decision.class, submission.decision());
    if (decision == null) {
      problems.add("決定(全部・一部・対応しない)を選んでください / Choose a decision: FULL, PARTIAL or NONE");
      return problems;
    }
    List<String> grounds = submission.refusalGrounds() == null ? List.of() : submission.refusalGrounds();
    for (String ground : grounds) {
      if (parse(RefusalGround.class, ground) == null) {
        problems.add("不明な理由です / Unknown refusal ground: " + ground);
      }
    }
    if (decision != Decision.FULL) {
      if (submission.refusalReasons() == null || submission.refusalReasons().isBlank()) {
        problems.add("請求者に示す理由を記入してください(第36条) / State the reasons for the requester (Art 36)");
      }
      if (isDisclosure(submission.type()) && grounds.isEmpty()) {
        problems.add("第33条第2項の理由を一つ以上選んでください / Choose at least one Art 33(2) ground");
      }
    } else if (!grounds.isEmpty()) {
      problems.add("全部対応の場合、不開示理由は選べません / A decision in full takes no refusal grounds");
    }
    if (!isDisclosure(submission.type()) && decision != Decision.NONE
        && (submission.actionTaken() == null || submission.actionTaken().isBlank())) {
      problems.add("実施した訂正・利用停止等の内容または代替措置を記入してください"
          + " / Say what was corrected or suspended, or the alternative measure");
    }
    return problems;
  }

  public void record(long requestId, Submission submission, String actor) {
    register.recordEvent(requestId, actor, "DECISION_" + submission.decision(),
        submission.decision().equals(Decision.FULL.name())
            ? null
            : "grounds " + submission.refusalGrounds() + "; reasons: " + submission.refusalReasons());
  }

  /**
   * Checks and records a manager's approval. Four eyes: whoever made the decision cannot approve it; a sent-back
   * refusal needs a comment for the desk.
   */
  public List<String> recordApproval(long requestId, String approval, String comment, String actor) {
    ManagerApproval value = parse(ManagerApproval.class, approval);
    if (value == null) {
      return List.of("承認か差し戻しを選んでください / Choose APPROVED or SENT_BACK");
    }
    String decidedBy = register.events(requestId).stream()
        .filter(event -> event.eventType().startsWith("DECISION_"))
        .reduce((first, second) -> second)
        .map(event -> event.actor())
        .orElse(null);
    if (!RequestRegister.SYSTEM_ACTOR.equals(actor) && actor.equals(decidedBy)) {
      return List.of("自分の決定は承認できません(ダブルチェック) / You cannot approve your own decision (four eyes)");
    }
    if (value == ManagerApproval.SENT_BACK && (comment == null || comment.isBlank())) {
      return List.of("差し戻しの理由を記入してください / Say why the refusal goes back to the desk");
    }
    register.recordEvent(requestId, actor, "REFUSAL_" + value.name(), comment);
    return List.of();
  }

  static boolean isDisclosure(RequestType type) {
    return type == RequestType.DISCLOSURE || type == RequestType.THIRD_PARTY_RECORDS_DISCLOSURE
        || type == RequestType.PURPOSE_NOTIFICATION;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
