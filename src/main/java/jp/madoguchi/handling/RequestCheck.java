package jp.madoguchi.handling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
import jp.madoguchi.handling.PersonalDataRequestProcess.RequestDetail;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import org.springframework.stereotype.Service;

/**
 * "Check the request": what staff found missing. The desk may ask for what identifies the request and the data
 * (APPI Art 37(2)) but must not burden the person (Art 37(4)): it asks only for what this request lacks and never for
 * what the register already holds, and it keeps identity documents out (identity verification asks for those).
 */
@Service
class RequestCheck {

  private static final Set<RequestType> CHANGE_REQUESTS = Set.of(RequestType.CORRECTION,
      RequestType.SUSPENSION_OF_USE, RequestType.SUSPENSION_OF_THIRD_PARTY_PROVISION);

  private final RequestRegister register;

  RequestCheck(RequestRegister register) {
    this.register = register;
  }

  private static final int CLIENT_NAME_MAX = 200;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /**
   * What staff submitted: whether the request is complete, and if not, the codes of what is missing; once it is
   * complete, whether the data sought is held for a client ({@code entrustedData}) and, if any is, the client.
   */
  record Submission(Boolean complete, List<String> missing, String entrustedData, String clientCompanyName,
      String clientContactEmail) {

    Submission {
      missing = missing == null ? List.of() : List.copyOf(missing);
    }

    Submission(Boolean complete, List<String> missing) {
      this(complete, missing, null, null, null);
    }
  }

  /** Every problem of the submission, in words staff can act on (Japanese / English); empty when it may stand. */
  List<String> problems(long requestId, Submission submission) {
    List<String> problems = new ArrayList<>();
    if (submission.complete() == null) {
      problems.add("請求がそろっているかどうかを選んでください / Say whether the request is complete");
      return problems;
    }
    if (submission.complete()) {
      entrustedDataProblems(submission, problems);
      return problems;
    }
    if (submission.missing().isEmpty()) {
      problems.add("不足している事項を一つ以上選んでください。請求者には選んだ事項だけをお尋ねします"
          + " / Tick what is missing: the requester is asked for the items ticked, and nothing else");
      return problems;
    }
    DeskRequest request = register.find(requestId);
    for (String code : submission.missing()) {
      RequestDetail detail = parse(RequestDetail.class, code);
      if (detail == null) {
        problems.add("不明な不足事項です / Unknown missing item: " + code);
      } else {
        String problem = problem(detail, request, submission.missing());
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    return problems;
  }

  /** The codes as the process keeps them: none when the request is complete, else each once, in a fixed order. */
  List<String> missing(Submission submission) {
    if (Boolean.TRUE.equals(submission.complete())) {
      return List.of();
    }
    return Arrays.stream(RequestDetail.values()).map(Enum::name).filter(submission.missing()::contains).toList();
  }

  /** The answer to "is the data sought held for a client?" of a complete request (see {@link #problems} first). */
  EntrustedData entrustedData(Submission submission) {
    return EntrustedData.valueOf(submission.entrustedData());
  }

  private static void entrustedDataProblems(Submission submission, List<String> problems) {
    EntrustedData answer = parse(EntrustedData.class, submission.entrustedData());
    if (answer == null) {
      problems.add(submission.entrustedData() == null || submission.entrustedData().isBlank()
          ? "お求めのデータが委託元から預かっているものかどうか(すべて・一部・なし)を選んでください"
              + " / entrustedData: say whether the data sought is held for a client (ALL, PART or NONE)"
          : "委託元のデータかどうかの回答が不明です / entrustedData: unknown answer " + submission.entrustedData()
              + " (ALL, PART or NONE)");
      return;
    }
    if (!answer.referred()) {
      return;
    }
    String name = submission.clientCompanyName();
    if (name == null || name.isBlank()) {
      problems.add("委託元企業名を入力してください / clientCompanyName: name the client the data is referred to");
    } else if (name.length() > CLIENT_NAME_MAX) {
      problems.add("委託元企業名は" + CLIENT_NAME_MAX + "文字以内で入力してください / clientCompanyName: at most "
          + CLIENT_NAME_MAX + " characters");
    }
    String email = submission.clientContactEmail();
    if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
      problems.add("委託元の連絡先メールの形式が正しくありません / clientContactEmail: not an e-mail address");
    }
  }

  /**
   * The client named by the data inventory (staff typed none), kept as the check's notes, as a typed one would be:
   * the referral letter and the notice to the client read them from there.
   */
  void recordClientFromInventory(long requestId, String taskKey, String clientName, String clientContact,
      String actor) {
    if (clientName != null && !clientName.isBlank()) {
      register.recordEvent(requestId, actor, "NOTE", taskKey + "/"
          + PersonalDataRequestProcess.FreeText.CLIENT_COMPANY_NAME.name() + ": " + clientName);
    }
    if (clientContact != null && EMAIL.matcher(clientContact).matches()) {
      register.recordEvent(requestId, actor, "NOTE", taskKey + "/"
          + PersonalDataRequestProcess.FreeText.CLIENT_CONTACT_EMAIL.name() + ": " + clientContact);
    }
  }

  /** Records in the request's history what the desk found missing (codes only). */
  void recordMissing(long requestId, List<String> missing, String actor) {
    register.recordEvent(requestId, actor, "REQUEST_DETAILS_MISSING", String.join(",", missing));
  }

  private static String problem(RequestDetail detail, DeskRequest request, List<String> missing) {
    boolean typeUnclear = missing.contains(RequestDetail.REQUEST_TYPE.name());
    return switch (detail) {
      case CHANGE_SOUGHT -> typeUnclear || CHANGE_REQUESTS.contains(request.type()) ? null
          : "訂正等・利用停止等の内容は、訂正等・利用停止等の請求にのみ尋ねます"
              + " / What is to change is asked only of a correction or suspension request";
      case DISCLOSURE_METHOD -> request.disclosureMethod() != null
          ? "開示の方法は既に請求に記載されています / The request already says how the answer is to be given"
          : typeUnclear || request.type().disclosureMethodApplies() ? null
              : "開示の方法は、利用目的の通知・開示・第三者提供記録の開示の請求にのみ尋ねます"
                  + " / The method of disclosure is asked only of a notification or disclosure request";
      case SIGNATURE_OR_SEAL -> request.channel() == Channel.POST ? null
          : "署名・押印は郵送の請求にのみ尋ねます / A signature or seal is asked only of a request sent by post";
      case REQUEST_TYPE, DATA_CONCERNED -> null;
    };
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String code) {
    try {
      return code == null ? null : Enum.valueOf(type, code);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
