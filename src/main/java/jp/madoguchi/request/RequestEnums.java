package jp.madoguchi.request;

/** Small vocabularies of the register. Names are stored in the database and used in process variables. */
public final class RequestEnums {

  /** How the request reached the desk. */
  public enum Channel { POST, TELEPHONE, EMAIL, WEB, IN_PERSON }

  /** Ordinary personal information, or specific personal information (My Number) with stricter access. */
  public enum PersonalInformationKind { ORDINARY, SPECIFIC }

  /** How the person wants the answer: an electronic record or paper by registered mail. */
  /**
   * How the person asked the data to be disclosed (APPI Art 33(1)): electronic record, paper, or another method the
   * company offers ({@code OTHER}: the archive on a CD-R or USB stick by registered mail, e.g. for call recordings).
   */
  public enum DisclosureMethod { ELECTRONIC, PAPER, OTHER }

  /** Who besides the principal made the request. */
  public enum AgentKind { AUTHORISED, LEGAL_REPRESENTATIVE }

  /** Where a request stands, as the register and the status page show it. */
  public enum RequestStatus {
    RECEIVED,
    AWAITING_REQUEST_FORM,
    VERIFYING_IDENTITY,
    AWAITING_DOCUMENTS,
    AWAITING_FEE,
    INVESTIGATING,
    DECIDING,
    AWAITING_APPROVAL,
    /** Erasure, correction or stopping of use being carried out on the systems that hold the person's data. */
    CARRYING_OUT,
    REPLYING,
    CLOSED
  }

  private RequestEnums() {}
}
