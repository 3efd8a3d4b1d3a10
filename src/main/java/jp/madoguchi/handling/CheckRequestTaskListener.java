package jp.madoguchi.handling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.handling.PersonalDataRequestProcess.EntrustedData;
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
 * kept by {@link EntrustedDataAnswer}), before any fee is asked. The requester's relationship to the company, when
 * chosen, is kept for the search (the data inventory gives the categories and systems from it), and answers the
 * entrusted question when staff leave it open: from the categories of the relationship, all, part or none held for
 * a client, naming the client from the inventory (ADR 0028). Staff's own answer always stands.
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
    long requestId = RequestFacts.REQUEST_ID.require(task);
    List<String> problems = new ArrayList<>();
    Relationship relationship = relationship(Variables.REQUESTER_RELATIONSHIP.get(task), problems);
    String entrusted = Variables.ENTRUSTED_DATA.get(task);
    String clientName = PersonalDataRequestProcess.FreeText.CLIENT_COMPANY_NAME.get(task);
    String clientContact = PersonalDataRequestProcess.FreeText.CLIENT_CONTACT_EMAIL.get(task);
    // staff's answer stands; without one, the inventory answers from the relationship's categories
    Optional<SystemSearches.EntrustedShare> fromInventory = (entrusted == null || entrusted.isBlank())
        && relationship != null ? searches.entrustedShare(relationship) : Optional.empty();
    if (fromInventory.isPresent()) {
      entrusted = fromInventory.get().answer();
      clientName = blank(clientName) ? fromInventory.get().clientName() : clientName;
      clientContact = blank(clientContact) ? fromInventory.get().clientContact() : clientContact;
    }
    RequestCheck.Submission submission = new RequestCheck.Submission(Variables.REQUEST_FORM_COMPLETE.get(task),
        ticked, entrusted, clientName, clientContact);
    problems.addAll(0, check.problems(requestId, submission));
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("; ", problems));
    }
    List<String> missing = check.missing(submission);
    Variables.MISSING_REQUEST_DETAILS.setCodes(task, missing);
    if (!missing.isEmpty()) {
      check.recordMissing(requestId, missing, actor.id());
    } else {
      EntrustedData answer = check.entrustedData(submission);
      EntrustedDataAnswer.record(task, answer);
      if (relationship != null) {
        searches.chooseRelationship(requestId, relationship, actor.id());
      }
      if (fromInventory.isPresent() && answer.referred()) {
        check.recordClientFromInventory(requestId, task.getTaskDefinitionKey(),
            PersonalDataRequestProcess.FreeText.CLIENT_COMPANY_NAME.get(task) == null ? clientName : null,
            PersonalDataRequestProcess.FreeText.CLIENT_CONTACT_EMAIL.get(task) == null ? clientContact : null,
            actor.id());
      }
    }
  }

  private static Relationship relationship(String code, List<String> problems) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return Relationship.valueOf(code);
    } catch (IllegalArgumentException e) {
      problems.add("申出人と当社との関係が不明です / requesterRelationship: unknown relationship " + code
          + " (CUSTOMER, EMPLOYEE_OR_APPLICANT, CLIENT_CUSTOMER or BUSINESS_CONTACT)");
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
