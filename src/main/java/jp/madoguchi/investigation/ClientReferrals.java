package jp.madoguchi.investigation;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/**
 * The data a request concerns was entrusted by a client company, whose retained personal data it is: the person is
 * told that the client answers, the client is told of the request, and the register records the referral.
 */
@Service
class ClientReferrals {

  private final CorrespondenceService correspondence;
  private final RequestRegister register;

  ClientReferrals(CorrespondenceService correspondence, RequestRegister register) {
    this.correspondence = correspondence;
    this.register = register;
  }

  /**
   * Refers the request to the client company.
   *
   * @param clientEmail the client's contact address; without one the notice goes on paper
   * @param step the step that refers it ({@link LetterKeys#step}): the same step never sends its letters twice
   */
  void refer(long requestId, String clientCompanyName, String clientEmail, String step) {
    correspondence.queueToRequester(requestId, LetterKind.ENTRUSTED_REFERRAL,
        LetterKeys.of(step, LetterKind.ENTRUSTED_REFERRAL),
        LetterFacts.NONE.withClientCompanyName(clientCompanyName));
    correspondence.queueToClient(requestId, LetterKind.CLIENT_NOTIFICATION, clientCompanyName, clientEmail,
        LetterKeys.of(step, LetterKind.CLIENT_NOTIFICATION));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "REFERRED_TO_CLIENT", clientCompanyName);
  }
}
