package jp.madoguchi.request;

/** What a person asks of the desk, with the APPI article it rests on. Names are part of the process contract. */
public enum RequestType {
  /** Art 32(2): notification of the purposes of use. */
  PURPOSE_NOTIFICATION(true),
  /** Art 33(1)-(3): disclosure of retained personal data. */
  DISCLOSURE(true),
  /** Art 33(5): disclosure of the records of provision to and receipt from third parties. */
  THIRD_PARTY_RECORDS_DISCLOSURE(true),
  /** Art 34: correction, addition or deletion. */
  CORRECTION(false),
  /** Art 35(1),(5): suspension of use or erasure. */
  SUSPENSION_OF_USE(false),
  /** Art 35(3),(5): suspension of provision to third parties. */
  SUSPENSION_OF_THIRD_PARTY_PROVISION(false),
  /** Art 40, JIS Q 15001: a complaint or consultation (its own process). */
  COMPLAINT(false);

  private final boolean disclosureMethodApplies;

  RequestType(boolean disclosureMethodApplies) {
    this.disclosureMethodApplies = disclosureMethodApplies;
  }

  /**
   * Whether the person may sue two weeks after the request arrived (APPI Art 39): for requests under Arts 33(1)
   * (records under Art 33(5) included), 34(1) and 35(1), (3), (5). Not for purpose notification, a 求め under Art
   * 32(2), nor for a complaint (Art 40).
   */
  public boolean art39Applies() {
    return this != PURPOSE_NOTIFICATION && this != COMPLAINT;
  }

  /** Whether the person chooses how the answer is given (electronic record or paper). */
  public boolean disclosureMethodApplies() {
    return disclosureMethodApplies;
  }
}
