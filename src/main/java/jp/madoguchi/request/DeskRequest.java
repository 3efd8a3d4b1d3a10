package jp.madoguchi.request;

import java.time.Instant;
import java.time.LocalDate;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestEnums.RequestStatus;

/** One request in the register, with the person's details. Never copied into process variables. */
public record DeskRequest(
    long id,
    String reference,
    RequestType type,
    Channel channel,
    PersonalInformationKind personalInformationKind,
    DisclosureMethod disclosureMethod,
    String language,
    LocalDate arrivedOn,
    Instant receivedAt,
    RequestStatus status,
    Party principal,
    AgentKind agentKind,
    Party agent,
    String details,
    Deadlines deadlines,
    String outcome) {

  /** A person's contact details as the request gives them. */
  public record Party(String name, String nameKana, LocalDate birthDate, String postalCode, String address,
      String phone, String email) {}

  /** The request's clock: target and legal-risk dates, and the business days it stood still. */
  public record Deadlines(Integer targetBusinessDays, LocalDate targetDueOn, LocalDate art39Date,
      LocalDate clockPausedSince, int pausedBusinessDays, boolean overdue, boolean art39DatePassed) {}

  public boolean hasAgent() {
    return agentKind != null;
  }

  /** The person who receives the desk's letters: the agent when an agent made the request. */
  public Party addressee() {
    return hasAgent() ? agent : principal;
  }
}
