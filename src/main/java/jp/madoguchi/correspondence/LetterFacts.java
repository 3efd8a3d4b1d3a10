package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.List;

/**
 * What a letter needs to know from the step that sends it, besides the register: routing facts the process holds
 * (the fee decided by the decision table, what the desk waits for, where data was found). Never personal data: that
 * the composer reads from the register itself.
 *
 * @param awaited what the desk waits for, for a reminder or a closing notice: {@code REQUEST_FORM_AND_CHECKLIST},
 *     {@code MISSING_DOCUMENTS} or {@code FEE_REQUEST}
 * @param feeAmount the fee in yen, when decided
 * @param dataLocations codes of the systems and records where the person's data was found
 * @param clientCompanyName the client company whose entrusted data the request concerns
 * @param taskName the open task a staff reminder is about
 * @param taskDue when that task is due
 */
public record LetterFacts(
    LetterKind awaited,
    Long feeAmount,
    List<String> dataLocations,
    String clientCompanyName,
    String taskName,
    Instant taskDue) {

  public static final LetterFacts NONE = new LetterFacts(null, null, List.of(), null, null, null);

  public LetterFacts {
    dataLocations = dataLocations == null ? List.of() : List.copyOf(dataLocations);
  }

  public LetterFacts withAwaited(LetterKind value) {
    return new LetterFacts(value, feeAmount, dataLocations, clientCompanyName, taskName, taskDue);
  }

  public LetterFacts withFeeAmount(Long value) {
    return new LetterFacts(awaited, value, dataLocations, clientCompanyName, taskName, taskDue);
  }

  public LetterFacts withDataLocations(List<String> value) {
    return new LetterFacts(awaited, feeAmount, value, clientCompanyName, taskName, taskDue);
  }

  public LetterFacts withClientCompanyName(String value) {
    return new LetterFacts(awaited, feeAmount, dataLocations, value, taskName, taskDue);
  }

  public LetterFacts withTask(String name, Instant due) {
    return new LetterFacts(awaited, feeAmount, dataLocations, clientCompanyName, name, due);
  }
}
