package jp.madoguchi.inventory;

/** The legal basis of a provision of personal data to a third party (APPI Art 27). */
public enum LegalBasis {
  /** With the person's consent (Art 27(1)). */
  CONSENT(true),
  /** Opt-out provision notified to the PPC (Art 27(2)). */
  OPT_OUT_ART27_2(true),
  /** Entrustment of handling (Art 27(5)(i)): the recipient is no third party. */
  ENTRUSTMENT(false),
  /** Joint use with its items published (Art 27(5)(iii)). */
  JOINT_USE(false),
  /** Business succession by merger or otherwise (Art 27(5)(ii)). */
  BUSINESS_SUCCESSION(false),
  /** Based on laws and regulations (Art 27(1)(i)). */
  LEGAL_OBLIGATION(false);

  private final boolean recordedUnderArt29;

  LegalBasis(boolean recordedUnderArt29) {
    this.recordedUnderArt29 = recordedUnderArt29;
  }

  /**
   * Whether the provider keeps a record of each provision (Art 29): for consent and opt-out provision; not for the
   * Art 27(5) cases, nor for provision under an Art 27(1) exception such as laws and regulations.
   */
  public boolean recordedUnderArt29() {
    return recordedUnderArt29;
  }
}
