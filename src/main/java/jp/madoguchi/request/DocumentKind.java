package jp.madoguchi.request;

/** What a document sent with a request is for; the identity rules (DOMAIN.md, "Identity verification") need each. */
public enum DocumentKind {
  /** A public identity document of the principal or of the agent (driver's licence, passport, ...). */
  IDENTITY_DOCUMENT,
  /** The principal's power of attorney for an authorised agent. */
  POWER_OF_ATTORNEY,
  /** An original seal registration certificate issued within the last three months. */
  SEAL_CERTIFICATE,
  /** A legal representative's proof of status (family register extract, guardianship certificate, ...). */
  STATUS_PROOF,
  /** Anything else the requester wants the desk to see. */
  OTHER
}
