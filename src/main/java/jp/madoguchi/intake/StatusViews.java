package jp.madoguchi.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.StatusTokens;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What a requester may see of a request: stage, what the desk waits for, dates. Never personal data. */
@Component
class StatusViews {

  /** What the desk is waiting for the requester to send. */
  enum WaitingFor { NOTHING, REQUEST_FORM, DOCUMENTS, FEE, EMAIL_CONFIRMATION }

  /** A text in both of the desk's languages. */
  record Label(String ja, String en) {}

  /** The status as the API and the status page show it. */
  record Status(
      @Schema(example = "MDG-2026-000123") String reference,
      RequestType type,
      Label typeLabel,
      @Schema(description = "The stage in the register") RequestStatus stage,
      Label stageLabel,
      WaitingFor waitingFor,
      Label waitingForLabel,
      @Schema(description = "Fee in yen (tax included) while the desk waits for it") Integer feeYen,
      @Schema(description = "The date the request arrived") LocalDate arrivedOn,
      @Schema(description = "The desk's target date for its answer") LocalDate targetDueOn,
      int documentsReceived) {}

  private final MessageSource messages;
  private final RequestDocuments documents;
  private final RequestFees fees;
  private final StatusTokens tokens;

  StatusViews(MessageSource messages, RequestDocuments documents, RequestFees fees, StatusTokens tokens) {
    this.messages = messages;
    this.documents = documents;
    this.fees = fees;
    this.tokens = tokens;
  }

  /** The request, for whoever holds its reference and status token; empty for a wrong one of either, alike. */
  @Transactional(readOnly = true)
  public Optional<DeskRequest> find(String reference, String token) {
    return tokens.find(reference, token);
  }

  Status of(DeskRequest request) {
    WaitingFor waitingFor = waitingFor(request);
    return new Status(request.reference(), request.type(), label("intake.type." + request.type().name()),
        request.status(), label("intake.stage." + request.status().name()), waitingFor,
        label("intake.waitingFor." + waitingFor.name()),
        waitingFor == WaitingFor.FEE ? fees.feeYen(request.type(), request.personalInformationKind()) : null, request.arrivedOn(),
        request.status() == RequestStatus.CLOSED ? null : request.deadlines().targetDueOn(),
        documents.count(request.id()));
  }

  static WaitingFor waitingFor(DeskRequest request) {
    return switch (request.status()) {
      case AWAITING_REQUEST_FORM -> WaitingFor.REQUEST_FORM;
      case AWAITING_DOCUMENTS -> WaitingFor.DOCUMENTS;
      case AWAITING_FEE -> WaitingFor.FEE;
      // the reply is written; its clock stands still only while the desk waits for the e-mail address's confirmation
      case REPLYING -> request.deadlines().clockPausedSince() != null ? WaitingFor.EMAIL_CONFIRMATION
          : WaitingFor.NOTHING;
      default -> WaitingFor.NOTHING;
    };
  }

  private Label label(String code) {
    return new Label(messages.getMessage(code, null, Locale.JAPANESE), messages.getMessage(code, null,
        Locale.ENGLISH));
  }
}
