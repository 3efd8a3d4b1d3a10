package jp.madoguchi.reply;

import jp.madoguchi.correspondence.EmailConfirmationLetters;
import jp.madoguchi.correspondence.EmailConfirmations;
import jp.madoguchi.correspondence.EmailConfirmations.Confirmation;
import jp.madoguchi.correspondence.EmailConfirmations.Outcome;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester confirms their e-mail address with the link the desk mailed: the confirmation is recorded in the
 * request's history, and a reply waiting for it goes on (message {@value ReplyProcess.Messages#EMAIL_ADDRESS_CONFIRMED}).
 */
@Service
public class ReplyAddressConfirmation {

  private final EmailConfirmations confirmations;
  private final EmailConfirmationLetters letters;
  private final RequestRegister register;
  private final RuntimeService runtimeService;

  ReplyAddressConfirmation(EmailConfirmations confirmations, EmailConfirmationLetters letters,
      RequestRegister register, RuntimeService runtimeService) {
    this.confirmations = confirmations;
    this.letters = letters;
    this.register = register;
    this.runtimeService = runtimeService;
  }

  /**
   * Uses the link: a valid, unused link confirms its address; anything else confirms nothing and says why.
   *
   * @param actor who confirmed, in the register's history
   */
  @Transactional
  public Outcome confirm(String token, String actor) {
    Confirmation confirmation = confirmations.confirm(token, RequestRegister.now());
    if (confirmation.outcome() == Outcome.CONFIRMED) {
      DeskRequest request = register.find(confirmation.requestId());
      register.recordEvent(request.id(), actor, "EMAIL_CONFIRMED", null);
      // a link to an address the desk no longer writes to lets no reply go to the new one
      if (letters.addressConfirmed(request.id())) {
        runtimeService.createMessageCorrelation(ReplyProcess.Messages.EMAIL_ADDRESS_CONFIRMED)
            .processInstanceBusinessKey(request.reference())
            .correlateAllWithResult();
      }
    }
    return confirmation.outcome();
  }
}
