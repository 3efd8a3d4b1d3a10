package jp.madoguchi.intake;

/** The request cannot be withdrawn: it is closed or being closed, or it is a complaint (answered, not withdrawn). */
class RequestNotWithdrawableException extends RuntimeException {

  RequestNotWithdrawableException() {
    super("The request cannot be withdrawn");
  }
}
