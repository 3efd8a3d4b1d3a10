package jp.madoguchi.provision;

import java.time.LocalDate;

/** One record of the register, as pages and letters read it (its persons apart). */
public record ProvisionRecord(long id, String sourceId, Direction direction, ProvisionBasis basis,
    RecordForm recordForm, LocalDate recordedOn, LocalDate providedOn, LocalDate lastProvisionOn,
    LocalDate keepUntil, String counterpartyName, String counterpartyAddress, String counterpartyRepresentative,
    String acquisition, Boolean ppcNotificationConfirmed, String dataItems, String categoryCode,
    String recipientCode, boolean existenceProtected, String protectionGround) {

  /** The day the letter names: the provision's or receipt's, else the day the record was made. */
  public LocalDate date() {
    return providedOn != null ? providedOn : recordedOn;
  }
}
