package jp.madoguchi.intake;

/** No request with this reference and status token: an unknown reference and a wrong token are not told apart. */
class RequestNotFoundException extends RuntimeException {

  RequestNotFoundException() {
    super("No request with this reference and status token");
  }
}
