package jp.madoguchi.correspondence;

import java.util.List;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.ProcessVariable;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.requester.AwaitRequesterProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send letter": queues the letter named by the input parameter {@code letterKind} to the requester (the agent when
 * an agent asked), with the routing facts it repeats: what the desk waits for ({@code awaitedLetter}), what the
 * request lacks ({@code missingRequestDetails}), the fee, where the data was found. A receipt (the acknowledgement of a
 * request or a complaint) that goes by e-mail takes the e-mail with the first address confirmation link with it.
 */
@Component
class SendLetterDelegate implements JavaDelegate {

  static final ProcessVariable<String> LETTER_KIND = ProcessVariable.string("letterKind");

  private final CorrespondenceService correspondence;
  private final EmailConfirmationLetters emailConfirmation;

  SendLetterDelegate(CorrespondenceService correspondence, EmailConfirmationLetters emailConfirmation) {
    this.correspondence = correspondence;
    this.emailConfirmation = emailConfirmation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LetterKind kind = LETTER_KIND.getEnum(execution, LetterKind.class);
    if (kind == null) {
      throw new IllegalStateException("The step " + execution.getCurrentActivityId() + " names no letterKind");
    }
    @SuppressWarnings("unchecked")
    List<String> locations = PersonalDataRequestProcess.Variables.DATA_LOCATIONS.get(execution);
    @SuppressWarnings("unchecked")
    List<String> missing = PersonalDataRequestProcess.Variables.MISSING_REQUEST_DETAILS.get(execution);
    LetterFacts facts = LetterFacts.NONE
        .withAwaited(AwaitRequesterProcess.Variables.AWAITED_LETTER.getEnum(execution, LetterKind.class))
        .withFeeAmount(FeePaymentProcess.Variables.FEE_AMOUNT.get(execution))
        .withDataLocations(locations)
        .withMissingDetails(missing);
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    correspondence.queueToRequester(requestId, kind, LetterKeys.of(execution, kind), facts);
    if (kind.isReceipt()) {
      // an electronic reply goes only to a confirmed address: the first link goes out with the receipt
      emailConfirmation.queueWithReceipt(requestId);
    }
  }
}
