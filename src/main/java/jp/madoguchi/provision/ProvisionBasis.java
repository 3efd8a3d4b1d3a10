package jp.madoguchi.provision;

/**
 * Why personal data went to (or came from) a third party, as the company's systems state it. Only provision with the
 * person's consent and opt-out provision (Art 27(2)) are recorded; provision under an Art 27(1) exception or in the
 * Art 27(5) cases needs no record (Art 29(1) and 30(1), provisos), and the register refuses a record that states one.
 */
public enum ProvisionBasis {
  /** With the person's consent (Art 27(1), opening words): the record keeps the fact of consent. */
  CONSENT(true),
  /** Opt-out provision notified to the PPC (Art 27(2)): the record keeps the date. */
  OPT_OUT(true),
  /** Based on laws and regulations (Art 27(1)(i)). */
  LAWS_AND_REGULATIONS(false),
  /** Necessary to protect life, body or property (Art 27(1)(ii)). */
  LIFE_BODY_OR_PROPERTY(false),
  /** Specially necessary for public health or the sound growth of children (Art 27(1)(iii)). */
  PUBLIC_HEALTH_OR_CHILDREN(false),
  /** Cooperation with a state organ or local government performing its duties (Art 27(1)(iv)). */
  COOPERATION_WITH_AUTHORITIES(false),
  /** The academic research cases (Art 27(1)(v) to (vii)). */
  ACADEMIC_RESEARCH(false),
  /** Entrustment of handling (Art 27(5)(i)): the recipient is not a third party. */
  ENTRUSTMENT(false),
  /** Business succession by merger or otherwise (Art 27(5)(ii)). */
  BUSINESS_SUCCESSION(false),
  /** Joint use notified to the person (Art 27(5)(iii)). */
  JOINT_USE(false);

  private final boolean recorded;

  ProvisionBasis(boolean recorded) {
    this.recorded = recorded;
  }

  /** Whether a provision on this basis must be recorded (Art 29(1), 30(1)). */
  public boolean recorded() {
    return recorded;
  }
}
