package jp.madoguchi.search;

/** Bad input to a request's search: names the field and the message key that explains it. */
public class InvalidSearchInput extends RuntimeException {

  private final String field;
  private final String messageKey;

  public InvalidSearchInput(String field, String messageKey) {
    super(field + ": " + messageKey);
    this.field = field;
    this.messageKey = messageKey;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }
}
