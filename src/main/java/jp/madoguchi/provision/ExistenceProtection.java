package jp.madoguchi.provision;

/**
 * Why revealing that a record exists would do harm (Cabinet Order Art 11): such a record is not a third-party
 * provision record for a request's purposes and is left out of every reply, silently.
 */
public enum ExistenceProtection {
  /** Harm to the life, body or property of the person or a third party (item i). */
  LIFE_BODY_OR_PROPERTY,
  /** Encouraging or inducing illegal or unjust acts (item ii). */
  ILLEGAL_ACTS,
  /** Harm to national security or to relations with other countries (item iii). */
  NATIONAL_SECURITY,
  /** Hindrance to preventing or investigating crime, or to public safety (item iv). */
  CRIME_PREVENTION
}
