package jp.madoguchi.decision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.handling.PersonalDataRequestProcess.ActionMeasure;
import jp.madoguchi.handling.PersonalDataRequestProcess.Decision;
import jp.madoguchi.handling.PersonalDataRequestProcess.ManagerApproval;
import jp.madoguchi.handling.PersonalDataRequestProcess.RefusalGround;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.springframework.stereotype.Service;

/**
 * The desk's decision on a request and the manager's approval of a refusal. A refusal in whole or in part must
 * name its reasons (APPI Art 36) and rest on at least one ground the law gives its type ({@link #groundsFor}): a
 * purpose notification on Art 32(2), a disclosure or a third-party records disclosure on Art 33(2), a correction on
 * Art 34(2), a suspension or erasure and a suspension of provision on Art 35.
 */
@Service
public class RequestDecisions {

  private final RequestRegister register;

  RequestDecisions(RequestRegister register) {
    this.register = register;
  }

  /** The decision as staff submitted it. */
  public record Submission(RequestType type, String decision, List<String> refusalGrounds, String refusalReasons,
      String actionTaken, String actionMeasure) {

    public Submission(RequestType type, String decision, List<String> refusalGrounds, String refusalReasons,
        String actionTaken) {
      this(type, decision, refusalGrounds, refusalReasons, actionTaken, null);
    }
  }

  /**
   * The grounds the law allows a refusal of this type to rest on. They are the statute's, not the company's
   * choice: a table a deployment could change would let an unlawful refusal through, so they live here.
   */
  public static Set<RefusalGround> groundsFor(RequestType type) {
    if (type == null) {
      return EnumSet.noneOf(RefusalGround.class);
    }
    return switch (type) {
      case PURPOSE_NOTIFICATION -> EnumSet.of(RefusalGround.PURPOSES_ALREADY_CLEAR,
          RefusalGround.PURPOSE_NOTICE_HARMS_PERSON_OR_THIRD_PARTY, RefusalGround.PURPOSE_NOTICE_HARMS_COMPANY_INTERESTS,
          RefusalGround.PURPOSE_NOTICE_HINDERS_AUTHORITIES);
      case DISCLOSURE, THIRD_PARTY_RECORDS_DISCLOSURE -> EnumSet.of(RefusalGround.HARM_TO_PERSON_OR_THIRD_PARTY,
          RefusalGround.SIGNIFICANT_BUSINESS_HINDRANCE, RefusalGround.VIOLATION_OF_LAWS);
      case CORRECTION -> EnumSet.of(RefusalGround.DATA_ACCURATE, RefusalGround.CORRECTION_NOT_NEEDED_FOR_PURPOSE);
      case SUSPENSION_OF_USE, SUSPENSION_OF_THIRD_PARTY_PROVISION -> EnumSet.of(
          RefusalGround.STATUTORY_CONDITION_NOT_MET, RefusalGround.ALTERNATIVE_MEASURE_TAKEN);
      case COMPLAINT -> EnumSet.noneOf(RefusalGround.class);
    };
  }

  /** Where the grounds of a type stand in the law, in the words staff read in a problem. */
  record GroundsArticle(String ja, String en) {}

  static GroundsArticle groundsArticle(RequestType type) {
    if (type == null) {
      return new GroundsArticle("法律上", "statutory");
    }
    return switch (type) {
      case PURPOSE_NOTIFICATION -> new GroundsArticle("第32条第2項", "Art 32(2)");
      case DISCLOSURE -> new GroundsArticle("第33条第2項", "Art 33(2)");
      case THIRD_PARTY_RECORDS_DISCLOSURE ->
          new GroundsArticle("第33条第5項で準用する同条第2項", "Art 33(2) as applied by Art 33(5)");
      case CORRECTION -> new GroundsArticle("第34条第2項", "Art 34(2)");
      case SUSPENSION_OF_USE -> new GroundsArticle("第35条第1項・第2項・第5項・第6項", "Art 35(1), (2), (5), (6)");
      case SUSPENSION_OF_THIRD_PARTY_PROVISION -> new GroundsArticle("第35条第3項から第6項まで", "Art 35(3)-(6)");
      case COMPLAINT -> new GroundsArticle("法律上", "statutory");
    };
  }

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
    Set<RefusalGround> allowed = groundsFor(submission.type());
    GroundsArticle article = groundsArticle(submission.type());
    for (String ground : grounds) {
      RefusalGround known = parse(RefusalGround.class, ground);
      if (known == null) {
        problems.add("不明な理由です / Unknown refusal ground: " + ground);
      } else if (!allowed.contains(known)) {
        problems.add("この種類の請求には使えない理由です(使えるのは" + article.ja() + "の理由) / "
            + "Not a ground for this type of request (it takes " + article.en() + " grounds): " + ground);
      }
    }
    if (decision != Decision.FULL) {
      if (submission.refusalReasons() == null || submission.refusalReasons().isBlank()) {
        problems.add("請求者に示す理由を記入してください(第36条) / State the reasons for the requester (Art 36)");
      }
      if (grounds.isEmpty()) {
        problems.add(article.ja() + "の理由を一つ以上選んでください / Choose at least one " + article.en()
            + " ground");
      }
    } else if (!grounds.isEmpty()) {
      problems.add("全部対応の場合、不開示等の理由は選べません / A decision in full takes no refusal grounds");
    }
    boolean actionMissing = submission.actionTaken() == null || submission.actionTaken().isBlank();
    if (!isDisclosure(submission.type()) && decision != Decision.NONE && actionMissing) {
      problems.add("実施した訂正・利用停止等の内容または代替措置を記入してください"
          + " / Say what was corrected or suspended, or the alternative measure");
    } else if (grounds.contains(RefusalGround.ALTERNATIVE_MEASURE_TAKEN.name()) && actionMissing) {
      problems.add("とった代替措置の内容を記入してください(第35条) / Say what the alternative measure is (Art 35)");
    }
    if (submission.type() == RequestType.SUSPENSION_OF_USE && decision != Decision.NONE
        && parse(ActionMeasure.class, submission.actionMeasure()) == null) {
      problems.add("消去するか利用を停止するかを選んでください / Choose whether the data is erased or its use suspended");
    }
    return problems;
  }

  /**
   * Records the decision with its grounds (codes). The reasons, which staff typed, follow as the step's note
   * ({@code refusalReasons}): free text stays out of the entries that outlive the personal data (ADR 0022).
   */
  public void record(long requestId, Submission submission, String actor) {
    register.recordEvent(requestId, actor, "DECISION_" + submission.decision(),
        submission.decision().equals(Decision.FULL.name()) ? null : "grounds " + submission.refusalGrounds());
  }

  /**
   * Checks and records a manager's approval. Four eyes: whoever made the decision cannot approve it; a sent-back
   * refusal needs a comment for the desk.
   */
  public List<String> recordApproval(long requestId, String approval, String comment, String actor) {
    return recordApproval(requestId, "REFUSAL_", approval, comment, actor);
  }

  /**
   * Checks and records a manager's approval of a decision that changes the systems (ADR 0034), with the same four
   * eyes: whoever decided cannot approve; sending it back needs a note for the desk.
   */
  public List<String> recordActionApproval(long requestId, String approval, String note, String actor) {
    return recordApproval(requestId, "ACTION_", approval, note, actor);
  }

  private List<String> recordApproval(long requestId, String eventPrefix, String approval, String comment,
      String actor) {
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
      return List.of("REFUSAL_".equals(eventPrefix)
          ? "差し戻しの理由を記入してください / Say why the refusal goes back to the desk"
          : "差し戻しの理由をメモに記入してください / Say in the note why the decision goes back to the desk");
    }
    // the comment follows as the step's note (managerComment, approvalNote), as every text staff type (ADR 0022)
    register.recordEvent(requestId, actor, eventPrefix + value.name(), null);
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
