package jp.madoguchi.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;

/** Requests as tests need them, registered through the real register. */
public final class TestRequests {

  public static final Party PRINCIPAL = new Party("山田 太郎", "ヤマダ タロウ", LocalDate.of(1980, 4, 1), "1000001",
      "東京都千代田区千代田1-1", "03-0000-0000", "taro.yamada@example.jp");
  public static final Party AGENT = new Party("弁護士 佐藤 花子", null, null, null, "東京都港区芝公園4-2-8",
      "03-1111-1111", "hanako.sato@example.jp");

  /**
   * Records, as staff do before they complete "Verify identity", the address shown on the identity document of
   * whoever receives the letters: here the address given at intake (a postal code when intake gave none).
   */
  public static void addressOnTheVerifiedDocument(VerifiedAddresses addresses,
      DeskRequest request) {
    Party addressee = request.addressee();
    addresses.record(request.id(), addressee.postalCode() == null ? "105-0011" : addressee.postalCode(),
        addressee.address(), null, "desk");
  }

  /**
   * Completes, as the desk does, "Check the request" (complete, nothing entrusted, the requester a customer) and
   * "Verify identity" (a passport, the address on it recorded first): the request goes on to its fee or its search.
   */
  public static void checkedAsCustomerAndVerified(ProcessDriver desk, VerifiedAddresses addresses,
      DeskRequest request) {
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "NONE", "requesterRelationship", "CUSTOMER"));
    addressOnTheVerifiedDocument(addresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
  }

  private final RequestRegister register;
  private RequestType type = RequestType.DISCLOSURE;
  private PersonalInformationKind kind = PersonalInformationKind.ORDINARY;
  private DisclosureMethod method = DisclosureMethod.ELECTRONIC;
  private AgentKind agentKind;
  private LocalDate arrivedOn = LocalDate.of(2026, 12, 1);
  private Party principal = PRINCIPAL;
  private String language = "ja";
  private Channel channel = Channel.POST;

  private TestRequests(RequestRegister register) {
    this.register = register;
  }

  public static TestRequests request(RequestRegister register) {
    return new TestRequests(register);
  }

  public TestRequests type(RequestType value) {
    this.type = value;
    if (!value.disclosureMethodApplies()) {
      this.method = null;
    }
    return this;
  }

  public TestRequests method(DisclosureMethod value) {
    this.method = value;
    return this;
  }

  public TestRequests specific() {
    this.kind = PersonalInformationKind.SPECIFIC;
    return this;
  }

  public TestRequests byAgent(AgentKind value) {
    this.agentKind = value;
    return this;
  }

  public TestRequests arrivedOn(LocalDate value) {
    this.arrivedOn = value;
    return this;
  }

  /** The requester's language: {@code ja} (the default) or {@code en}. */
  public TestRequests language(String value) {
    this.language = value;
    return this;
  }

  /** How the request reached the desk: by post (the default), the web page, e-mail, ... */
  public TestRequests channel(Channel value) {
    this.channel = value;
    return this;
  }

  /** The person the request is about. */
  public TestRequests principal(Party value) {
    this.principal = value;
    return this;
  }

  public TestRequests withoutEmail() {
    this.principal = new Party(PRINCIPAL.name(), PRINCIPAL.nameKana(), PRINCIPAL.birthDate(), PRINCIPAL.postalCode(),
        PRINCIPAL.address(), PRINCIPAL.phone(), null);
    return this;
  }

  public DeskRequest register() {
    return register.register(new NewRequest(type, channel, kind, method, language, arrivedOn,
        Instant.parse(arrivedOn + "T01:00:00Z"), principal, agentKind, agentKind == null ? null : AGENT,
        "顧客データベースに登録されている私の情報"), "test");
  }
}
