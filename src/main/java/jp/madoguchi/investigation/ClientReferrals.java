package jp.madoguchi.investigation;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/**
 * The data a request concerns was entrusted by a client company, whose retained personal data it is: the person is
 * told that the client answers, the client is told of the request, and the register records the referral. When only
 * part of the data is the client's, both letters say that the desk answers the rest itself.
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
   * Refers the request to the client company staff named in the check of the request. Its name and contact address are free text
   * staff typed, kept in the register as the investigation's notes (ADR 0022); without an address the notice goes on
   * paper.
   *
   * @param inPart only part of the data sought is the client's: the desk answers the rest
   * @param step the step that refers it ({@link LetterKeys#step}): the same step never sends its letters twice
   */
  void refer(long requestId, boolean inPart, String step) {
    String clientCompanyName = register.latestNote(requestId,
        PersonalDataRequestProcess.FreeText.CLIENT_COMPANY_NAME.name()).orElse(null);
    String clientEmail = register.latestNote(requestId,
        PersonalDataRequestProcess.FreeText.CLIENT_CONTACT_EMAIL.name()).filter(email -> !email.isBlank())
        .orElse(null);
    if (clientCompanyName == null || clientCompanyName.isBlank()) {
      throw new IllegalArgumentException("clientCompanyName: a referral names the client it goes to");
    }
    LetterFacts facts = LetterFacts.NONE.withEntrustedInPart(inPart);
    correspondence.queueToRequester(requestId, LetterKind.ENTRUSTED_REFERRAL,
        LetterKeys.of(step, LetterKind.ENTRUSTED_REFERRAL), facts.withClientCompanyName(clientCompanyName));
    correspondence.queueToClient(requestId, LetterKind.CLIENT_NOTIFICATION, clientCompanyName, clientEmail,
        LetterKeys.of(step, LetterKind.CLIENT_NOTIFICATION), facts);
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "REFERRED_TO_CLIENT", null);
  }
}
