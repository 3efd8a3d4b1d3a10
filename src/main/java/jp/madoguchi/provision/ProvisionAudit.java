package jp.madoguchi.provision;

/**
 * Something done with the register that the desk's audit trail keeps (a search, a view, an import, a purge):
 * published in the transaction of the act, recorded by the audit trail's owner.
 */
public record ProvisionAudit(String actor, String action, String detail) {

  public ProvisionAudit {
    detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
  }

  /** Managers searched or opened the register. */
  public static final String REGISTER_SEARCHED = "PROVISION_REGISTER_SEARCHED";
  /** Records were imported from a CSV file. */
  public static final String RECORDS_IMPORTED = "PROVISION_RECORDS_IMPORTED";
  /** The nightly purge deleted records past their retention. */
  public static final String RECORDS_PURGED = "PROVISION_RECORDS_PURGED";
}
