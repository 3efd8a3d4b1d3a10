package jp.madoguchi.intake;

/** The request is closed: it takes no more documents. */
class RequestClosedException extends RuntimeException {

  RequestClosedException() {
    super("The request is closed");
  }
}
