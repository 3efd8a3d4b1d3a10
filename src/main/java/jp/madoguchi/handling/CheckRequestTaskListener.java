package jp.madoguchi.handling;

import java.util.List;
import jp.madoguchi.handling.PersonalDataRequestProcess.Variables;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.search.SystemSearches;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Check the request": refuses an incomplete request with nothing ticked as missing, or with an item
 * this request cannot lack (the task stays open, staff see why); keeps what is missing as codes for the letter, and
 * none once the request is complete (a second check after the requester's answer clears the first one's). A complete
 * request must say whether the data sought is held for a client, and name the client when any is (the answer is
 * kept by {@link EntrustedDataAnswer}), before any fee is asked.
 */
@Component
class CheckRequestTaskListener implements TaskListener {

  private final RequestCheck check;
  private final CurrentActor actor;
  private final SystemSearches searches;

  CheckRequestTaskListener(RequestCheck check, CurrentActor actor, SystemSearches searches) {
    this.check = check;
    this.actor = actor;
    this.searches = searches;
  }

  @Override
  public void notify(DelegateTask task) {
    @SuppressWarnings("unchecked")
    List<String> ticked = Variables.MISSING_REQUEST_DETAILS.get(task);
    RequestCheck.Submission submission = new RequestCheck.Submission(Variables.REQUEST_FORM_COMPLETE.get(task),
        ticked, Variables.ENTRUSTED_DATA.get(task), PersonalDataRequestProcess.FreeText.CLIENT_COMPANY_NAME.get(task),
        PersonalDataRequestProcess.FreeText.CLIENT_CONTACT_EMAIL.get(task));
    long requestId = RequestFacts.REQUEST_ID.require(task);
    List<String> problems = check.problems(requestId, submission);
    String relationshipCode = Variables.REQUESTER_RELATIONSHIP.get(task);
    Relationship relationship = null;
    if (relationshipCode != null && !relationshipCode.isBlank()) {
      try {
        relationship = Relationship.valueOf(relationshipCode);
      } catch (IllegalArgumentException e) {
        problems = new java.util.ArrayList<>(problems);
        problems.add("申出人と当社との関係が不明です / requesterRelationship: unknown relationship " + relationshipCode
            + " (CUSTOMER, EMPLOYEE_OR_APPLICANT, CLIENT_CUSTOMER or BUSINESS_CONTACT)");
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
    List<String> missing = check.missing(submission);
    Variables.MISSING_REQUEST_DETAILS.setCodes(task, missing);
    if (!missing.isEmpty()) {
      check.recordMissing(requestId, missing, actor.id());
    } else {
      EntrustedDataAnswer.record(task, check.entrustedData(submission));
      if (relationship != null) {
        searches.chooseRelationship(requestId, relationship, actor.id());
      }
    }
  }
}
