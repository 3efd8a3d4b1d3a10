package jp.madoguchi.provision;

import java.util.List;

/**
 * One record as the company's systems send it (the API's JSON, a line group of the CSV import). Every value is text
 * here, so that a wrong one is named with its record and field instead of failing the whole document.
 *
 * @param sourceId the sending system's id of the record: a retry with the same id and content is answered as the first time
 * @param direction {@code PROVIDED} (Art 29) or {@code RECEIVED} (Art 30)
 * @param basis a {@link ProvisionBasis}: only {@code CONSENT} and {@code OPT_OUT} are recorded
 * @param recordForm a {@link RecordForm}, which decides the retention
 * @param recordedOn the day the record was made (ISO date)
 * @param providedOn the day of the provision (required for opt-out provision) or of the receipt (required)
 * @param counterparty the recipient (PROVIDED) or the provider (RECEIVED)
 * @param acquisition how the provider acquired the data (取得の経緯; RECEIVED)
 * @param ppcNotificationConfirmed that the provider's notification to the PPC was confirmed (opt-out receipt)
 * @param dataItems the items of personal data provided
 * @param categoryCode the inventory's category, by code, where known
 * @param recipientCode the inventory's recipient, by code, where known
 * @param persons who the record is about, with what identifies each
 */
public record ProvisionRecordInput(String sourceId, String direction, String basis, String recordForm,
    String recordedOn, String providedOn, Counterparty counterparty, String acquisition,
    Boolean ppcNotificationConfirmed, List<String> dataItems, String categoryCode, String recipientCode,
    List<Person> persons) {

  /** The other party: its name, address and representative. */
  public record Counterparty(String name, String address, String representative) {}

  /** What identifies one person the record covers. */
  public record Person(String name, String nameKana, String birthDate, String email, String phone,
      String customerNumber, String postalCode) {}
}
