package jp.madoguchi.request;

/** A request id or reference that the register does not know. */
public class UnknownRequestException extends RuntimeException {

  public UnknownRequestException(String message) {
    super(message);
  }
}
