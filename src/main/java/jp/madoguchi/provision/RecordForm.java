package jp.madoguchi.provision;

import java.time.LocalDate;

/**
 * How a record was made, which decides how long it is kept (the PPC rules under Art 29(2) and 30(3), counted in
 * calendar years): the last day it is kept is {@link #keepUntil}; the purge deletes it the day after.
 */
public enum RecordForm {
  /** A contract or similar document for provision tied to goods or services for the person: 1 year after the last provision. */
  CONTRACT_FOR_PERSON,
  /** Made in bulk for continuing provision: 3 years after the last provision. */
  BULK_CONTINUING,
  /** Any other record: 3 years after it was made. */
  OTHER;

  /** The last day a record made on {@code recordedOn}, last provided on {@code lastProvisionOn}, is kept. */
  public LocalDate keepUntil(LocalDate recordedOn, LocalDate lastProvisionOn) {
    return switch (this) {
      case CONTRACT_FOR_PERSON -> lastProvisionOn.plusYears(1);
      case BULK_CONTINUING -> lastProvisionOn.plusYears(3);
      case OTHER -> recordedOn.plusYears(3);
    };
  }
}
