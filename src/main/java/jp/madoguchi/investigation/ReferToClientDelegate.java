package jp.madoguchi.investigation;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Refer to the client company": the data was entrusted by a client, whose retained personal data it is. The person
 * is told that the client answers; the client is told of the request.
 */
@Component
class ReferToClientDelegate implements JavaDelegate {

  private final CorrespondenceService correspondence;
  private final RequestRegister register;

  ReferToClientDelegate(CorrespondenceService correspondence, RequestRegister register) {
    this.correspondence = correspondence;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = Variables.REQUEST_ID.require(execution);
    String client = Variables.CLIENT_COMPANY_NAME.get(execution);
    correspondence.queueToRequester(requestId, LetterKind.ENTRUSTED_REFERRAL,
        LetterKeys.of(execution, LetterKind.ENTRUSTED_REFERRAL), LetterFacts.NONE.withClientCompanyName(client));
    correspondence.queueToClient(requestId, LetterKind.CLIENT_NOTIFICATION, client,
        Variables.CLIENT_CONTACT_EMAIL.get(execution), LetterKeys.of(execution, LetterKind.CLIENT_NOTIFICATION));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "REFERRED_TO_CLIENT", client);
  }
}
