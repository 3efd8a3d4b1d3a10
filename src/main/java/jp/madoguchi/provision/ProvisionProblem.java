package jp.madoguchi.provision;

/**
 * One thing wrong with a record: which record (its source id, or its position when it has none), which field, and
 * a code the API and the import page put into words ({@code provision.error.<code>}).
 */
public record ProvisionProblem(String record, String field, String code) {

  static final String REQUIRED = "required";
  static final String UNKNOWN_VALUE = "unknown-value";
  static final String INVALID_DATE = "invalid-date";
  static final String FUTURE_DATE = "future-date";
  static final String TOO_LONG = "too-long";
  static final String MUST_BE_CONFIRMED = "must-be-confirmed";
  static final String NO_RECORD_REQUIRED = "no-record-required";
  static final String NO_IDENTIFIER = "no-identifier";
  static final String DUPLICATE_IN_BATCH = "duplicate-in-batch";
  static final String INVALID_SOURCE_ID = "invalid-source-id";
  static final String INVALID_EMAIL = "invalid-email";
  static final String REUSED_ID = "reused-id";
  static final String UNKNOWN_RECORD = "unknown-record";
  static final String EMPTY = "empty";
}
