package jp.madoguchi.request;

/**
 * What an upload showed that the desk may not keep: such a copy is deleted at once and the requester asked for a
 * masked one (My Number Act Art 20; Health Insurance Act Art 194-2 and the like forbid asking for insurer numbers).
 */
public enum UnmaskedNumber {
  /** The individual number (My Number), e.g. the back of a My Number card. */
  MY_NUMBER,
  /** The insurer number and the insured person's symbol and number on a health insurance document. */
  INSURER_NUMBER
}
