package jp.madoguchi.request;

import java.time.Instant;
import java.time.LocalDate;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;

/** A request as it arrives, validated at the edge, before it has a reference number. */
public record NewRequest(
    RequestType type,
    Channel channel,
    PersonalInformationKind personalInformationKind,
    DisclosureMethod disclosureMethod,
    String language,
    LocalDate arrivedOn,
    Instant receivedAt,
    DeskRequest.Party principal,
    AgentKind agentKind,
    DeskRequest.Party agent,
    String details) {}
