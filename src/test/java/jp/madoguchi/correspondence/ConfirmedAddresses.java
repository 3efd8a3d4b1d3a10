package jp.madoguchi.correspondence;

import java.util.UUID;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation links as the desk draws them when their e-mail is sent, without the SMTP server: for tests that need
 * an address confirmed (or a link in hand) and are about something else.
 */
public final class ConfirmedAddresses {

  private final EmailConfirmationLetters letters;
  private final EmailConfirmations confirmations;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  public ConfirmedAddresses(ApplicationContext context) {
    this.letters = context.getBean(EmailConfirmationLetters.class);
    this.confirmations = context.getBean(EmailConfirmations.class);
    this.outbox = context.getBean(Outbox.class);
    this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  /**
   * Queues a confirmation e-mail to the request's address and draws its link, as sending it would; the token, or
   * null when the request has no e-mail address.
   */
  public String link(long requestId) {
    return transaction.execute(status -> {
      String key = "test-confirmation:" + requestId + ":" + UUID.randomUUID();
      if (!letters.queue(requestId, key, "test")) {
        return null;
      }
      long letterId = outbox.letterId(key).orElseThrow();
      String email = outbox.find(letterId).orElseThrow().recipientEmail();
      return confirmations.issue(letterId, requestId, email, RequestRegister.now()).token();
    });
  }

  /**
   * The requester confirmed the request's address (with a link, as on the page, without correlating anything);
   * nothing when the request has no e-mail address.
   */
  public void confirm(long requestId) {
    String token = link(requestId);
    if (token == null) {
      return;
    }
    confirm(token);
  }

  /**
   * The requester confirmed their address with the link of the confirmation e-mail the desk queued with the receipt
   * (the receipt's step has run): a link is drawn for that e-mail, as its sender draws one, and used, in one
   * transaction as the confirmation page's is. No e-mail of the test's own is queued: a benchmark that confirms
   * this way sends what the desk sends (issue 21).
   *
   * @throws IllegalStateException when the receipt queued no confirmation e-mail
   */
  public void confirmWithTheReceiptsLink(long requestId) {
    transaction.executeWithoutResult(status -> {
      long letterId = outbox.letterId(EmailConfirmationLetters.receiptKey(requestId)).orElseThrow(
          () -> new IllegalStateException("The receipt of request " + requestId + " queued no confirmation e-mail"));
      String email = outbox.find(letterId).orElseThrow().recipientEmail();
      confirmations.confirm(confirmations.issue(letterId, requestId, email, RequestRegister.now()).token(),
          RequestRegister.now());
    });
  }

  /** The requester pressed the button behind this link (one the desk mailed), without correlating anything. */
  public void confirm(String token) {
    transaction.executeWithoutResult(status -> confirmations.confirm(token, RequestRegister.now()));
  }
}
