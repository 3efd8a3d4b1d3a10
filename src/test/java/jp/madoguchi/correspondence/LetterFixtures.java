package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.TestRequests;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests with the history each kind of letter repeats (decisions through the real {@code RequestDecisions}, notes
 * and identity findings as the process records them), and letters queued as a step queues them: in a transaction.
 */
final class LetterFixtures {

  static final String CLIENT = "株式会社サンプル通販";
  static final String CLIENT_EMAIL = "privacy@client.example.jp";
  static final String STAFF_EMAIL = "desk-staff@example.jp";
  static final String PARTIAL_REASONS = "通話録音に第三者の発言が含まれるため、その部分を除いて開示します。";
  static final String PURPOSES_PUBLISHED_REASONS = "お問い合わせの際にお伺いした情報の利用目的は、当社ウェブサイトの"
      + "「個人情報の取扱いについて」第2項に「お問い合わせ・ご依頼への対応のため」として掲載しており、明らかであるため。";
  static final String REFUSAL_REASONS = "ご請求の記録は警察からの照会に関するもので、開示すると捜査に支障を及ぼすおそれがあります。";
  static final String PAPER_REASON = "通話録音が約40時間分あり、電磁的記録での提供には多額の費用を要するため";
  static final String ACTION_TAKEN = "登録住所を「東京都千代田区千代田1-1」に訂正しました。";
  static final String ALTERNATIVE_MEASURE = "ダイレクトメールの送付を停止し、顧客データベースの該当項目を利用停止としました。";

  private final RequestRegister register;
  private final RequestDecisions decisions;
  private final CorrespondenceService correspondence;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  LetterFixtures(RequestRegister register, RequestDecisions decisions, CorrespondenceService correspondence,
      Outbox outbox, PlatformTransactionManager transactionManager) {
    this.register = register;
    this.decisions = decisions;
    this.correspondence = correspondence;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  static RequestType requestTypeFor(LetterKind kind) {
    return switch (kind) {
      case PURPOSE_NOTIFICATION -> RequestType.PURPOSE_NOTIFICATION;
      case CORRECTION_RESULT -> RequestType.CORRECTION;
      case SUSPENSION_RESULT -> RequestType.SUSPENSION_OF_USE;
      case COMPLAINT_ACKNOWLEDGEMENT, COMPLAINT_ANSWER, COMPLAINT_ANSWER_UNRESOLVED -> RequestType.COMPLAINT;
      default -> RequestType.DISCLOSURE;
    };
  }

  /** Registers a request of the shape given, fit for the kind, and records the history its letter repeats. */
  DeskRequest requestFor(LetterKind kind, TestRequests shape) {
    DeskRequest request = shape.type(requestTypeFor(kind)).register();
    long id = request.id();
    switch (kind) {
      case MISSING_DOCUMENTS, REMINDER, ABANDONED -> register.recordEvent(id, "desk",
          "IDENTITY_MORE_DOCUMENTS_NEEDED", request.hasAgent() ? "POWER_OF_ATTORNEY" : "PRINCIPAL_IDENTITY_DOCUMENT");
      case IDENTITY_REJECTED -> register.recordEvent(id, "desk", "IDENTITY_REJECTED",
          "DOCUMENTS_DO_NOT_MATCH_REQUESTER");
      case PARTIAL_DISCLOSURE -> decide(request, "PARTIAL", List.of("HARM_TO_PERSON_OR_THIRD_PARTY"),
          PARTIAL_REASONS);
      case NON_DISCLOSURE -> decide(request, "NONE",
          List.of("SIGNIFICANT_BUSINESS_HINDRANCE", "VIOLATION_OF_LAWS"), REFUSAL_REASONS);
      case METHOD_CHANGED_TO_PAPER -> register.recordEvent(id, "desk", "NOTE",
          "Task_DecideOnRequest/paperReasonNote: " + PAPER_REASON);
      case CORRECTION_RESULT -> {
        decide(request, "FULL", List.of(), null);
        register.recordEvent(id, "desk", "NOTE", "Task_DecideOnRequest/actionTakenNote: " + ACTION_TAKEN);
      }
      case SUSPENSION_RESULT -> {
        decide(request, "PARTIAL", List.of("ALTERNATIVE_MEASURE_TAKEN"),
            "全部の消去には基幹システムの改修を要するため、代替措置をとりました。");
        register.recordEvent(id, "desk", "NOTE", "Task_DecideOnRequest/actionTakenNote: " + ALTERNATIVE_MEASURE);
      }
      case DISCLOSURE, PURPOSE_NOTIFICATION -> decide(request, "FULL", List.of(), null);
      default -> { }
    }
    return register.find(id);
  }

  private void decide(DeskRequest request, String decision, List<String> grounds, String reasons) {
    decisions.record(request.id(),
        new RequestDecisions.Submission(request.type(), decision, grounds, reasons, null), "desk");
    noteReasons(register, request.id(), reasons);
  }

  /** The reasons staff typed with the decision, as the desk's case notes keep them (ADR 0022). */
  static void noteReasons(RequestRegister register, long requestId, String reasons) {
    if (reasons != null) {
      register.recordEvent(requestId, "desk", "NOTE", "Task_DecideOnRequest/refusalReasons: " + reasons);
    }
  }

  /** The facts the process would hand the letter's step. */
  static LetterFacts factsFor(LetterKind kind) {
    return switch (kind) {
      case FEE_REQUEST -> LetterFacts.NONE.withFeeAmount(1000L);
      case REQUEST_FORM_AND_CHECKLIST -> LetterFacts.NONE.withMissingDetails(List.of("DATA_CONCERNED",
          "SIGNATURE_OR_SEAL"));
      case REMINDER -> LetterFacts.NONE.withAwaited(LetterKind.FEE_REQUEST).withFeeAmount(1000L);
      case ABANDONED -> LetterFacts.NONE.withAwaited(LetterKind.MISSING_DOCUMENTS);
      case ENTRUSTED_REFERRAL -> LetterFacts.NONE.withClientCompanyName(CLIENT);
      case PURPOSE_NOTIFICATION, DISCLOSURE, PARTIAL_DISCLOSURE ->
          LetterFacts.NONE.withDataLocations(List.of("CUSTOMER_DATABASE", "CALL_RECORDINGS"));
      case STAFF_REMINDER -> LetterFacts.NONE.withTask("本人確認 / Verify identity",
          Instant.parse("2026-12-15T08:00:00Z"));
      default -> LetterFacts.NONE;
    };
  }

  /** Queues the letter as its step does, in a committed transaction; returns the letter's id. */
  long queue(DeskRequest request, LetterKind kind, boolean clientHasEmail) {
    String key = "test:" + UUID.randomUUID() + ":" + kind.name();
    transaction.executeWithoutResult(status -> {
      switch (kind.audience()) {
        case CLIENT -> correspondence.queueToClient(request.id(), kind, CLIENT, clientHasEmail ? CLIENT_EMAIL : null,
            key);
        case STAFF -> correspondence.queueToStaff(request.id(), kind, "desk", STAFF_EMAIL, key, factsFor(kind));
        case REQUESTER -> correspondence.queueToRequester(request.id(), kind, key, factsFor(kind));
      }
    });
    return outbox.letterId(key).orElseThrow();
  }
}
