package jp.madoguchi.correspondence;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** What a failed attempt to send an e-mail means: whether trying again can help, and how to tell staff. */
final class SmtpFailures {

  private SmtpFailures() {}

  /**
   * Failures that no retry can mend: no or a malformed address, or a server that refused every recipient for good
   * (5xx). Everything else (connection refused, timeouts, 4xx, authentication while the password is being fixed)
   * is tried again.
   */
  static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof LetterMail.UndeliverableLetterException || cause instanceof AddressException
          || cause instanceof MailParseException) {
        return true;
      }
      if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
          && refused.getInvalidAddresses().length > 0
          && (refused.getValidSentAddresses() == null || refused.getValidSentAddresses().length == 0)) {
        return true;
      }
      if (cause instanceof MailSendException send) {
        for (Exception each : send.getMessageExceptions()) {
          if (each != cause && isPermanent(each)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The failure and its root cause, on one line: enough for staff to tell a wrong address from an outage. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = oneLine(failure);
    return root == failure ? text : text + " <- " + oneLine(root);
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ").strip();
    return failure.getClass().getSimpleName() + (message.length() > 400 ? message.substring(0, 400) + "…" : message);
  }
}
