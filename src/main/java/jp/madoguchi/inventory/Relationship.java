package jp.madoguchi.inventory;

/**
 * Whose personal information a category holds: the requester's relationship to the company, chosen when a request
 * is checked, picks the categories that may hold the requester's data.
 */
public enum Relationship {
  /** The company's own customer (or someone who contacted it). */
  CUSTOMER,
  /** An employee, a former employee or a job applicant. */
  EMPLOYEE_OR_APPLICANT,
  /** A customer of a client company whose business the company carries out (entrusted data). */
  CLIENT_CUSTOMER,
  /** A contact person at a business partner. */
  BUSINESS_CONTACT
}
