package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.List;
import jp.madoguchi.request.UnmaskedNumber;

/**
 * What a letter needs to know from the step that sends it, besides the register: routing facts the process holds
 * (the fee decided by the decision table, what the desk waits for, what the request lacks, where data was found).
 * Never personal data: that the composer reads from the register itself.
 *
 * @param awaited what the desk waits for, for a reminder or a closing notice: {@code REQUEST_FORM_AND_CHECKLIST},
 *     {@code MISSING_DOCUMENTS} or {@code FEE_REQUEST}
 * @param feeAmount the fee in yen as the {@code request-fee} decision table gives it (0: none); unset, the letter's
 *     service asks the table itself, so that a letter written before the process decided the fee says the same
 * @param dataLocations codes of the systems and records where the person's data was found
 * @param clientCompanyName the client company whose entrusted data the request concerns
 * @param taskName the open task a staff reminder is about
 * @param taskDue when that task is due
 * @param missingDetails codes of what the request lacks ({@code RequestDetail}), for the letter that asks for them
 * @param unmaskedNumber for {@code MISSING_DOCUMENTS} sent because an upload showed a number the desk may not keep:
 *     what it showed; the letter says the copy was deleted and what to mask
 * @param entrustedInPart for a referral to a client: only part of the data sought is the client's, the desk
 *     answers the rest itself; the letters say which part goes where
 * @param addressUnconfirmed for {@code METHOD_CHANGED_TO_PAPER}: the reply goes on paper because the requester did
 *     not confirm their e-mail address in time (rather than for the reason staff wrote)
 */
public record LetterFacts(
    LetterKind awaited,
    Long feeAmount,
    List<String> dataLocations,
    String clientCompanyName,
    String taskName,
    Instant taskDue,
    List<String> missingDetails,
    UnmaskedNumber unmaskedNumber,
    boolean entrustedInPart,
    boolean addressUnconfirmed) {

  public static final LetterFacts NONE = new LetterFacts(null, null, List.of(), null, null, null, List.of(), null,
      false, false);

  public LetterFacts {
    dataLocations = dataLocations == null ? List.of() : List.copyOf(dataLocations);
    missingDetails = missingDetails == null ? List.of() : List.copyOf(missingDetails);
  }

  public LetterFacts withAwaited(LetterKind value) {
    return new LetterFacts(value, feeAmount, dataLocations, clientCompanyName, taskName, taskDue,
        missingDetails, unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withFeeAmount(Long value) {
    return new LetterFacts(awaited, value, dataLocations, clientCompanyName, taskName, taskDue, missingDetails,
        unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withDataLocations(List<String> value) {
    return new LetterFacts(awaited, feeAmount, value, clientCompanyName, taskName, taskDue, missingDetails,
        unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withClientCompanyName(String value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, value, taskName, taskDue, missingDetails,
        unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withEntrustedInPart(boolean value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, taskName, taskDue, missingDetails,
        unmaskedNumber, value, addressUnconfirmed);
  }

  public LetterFacts withAddressUnconfirmed(boolean value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, taskName, taskDue, missingDetails,
        unmaskedNumber, entrustedInPart, value);
  }

  public LetterFacts withUnmaskedNumber(UnmaskedNumber value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, taskName, taskDue, missingDetails,
        value, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withTask(String name, Instant due) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, name, due, missingDetails,
        unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }

  public LetterFacts withMissingDetails(List<String> value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, taskName, taskDue, value,
        unmaskedNumber, entrustedInPart, addressUnconfirmed);
  }
}
