package jp.madoguchi.provision;

import static jp.madoguchi.provision.ProvisionFixtures.person;
import static jp.madoguchi.provision.ProvisionFixtures.provided;
import static jp.madoguchi.provision.ProvisionFixtures.received;
import static jp.madoguchi.provision.ProvisionFixtures.sourceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestEnums;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End to end: a request to disclose third-party provision records, whose investigation confirms two candidate
 * records and rejects a third, gets a reply whose PDF lists exactly the two (date, recipient or provider, items,
 * consent or basis); a fourth, confirmed but marked existence-protected, is not there, and nothing says that
 * anything was left out.
 */
@DeskTest
class ThirdPartyRecordsReplyTest {

  static final LocalDate ARRIVED = LocalDate.of(2026, 12, 1);
  static final Party PERSON = new Party("川村 理沙", "カワムラ リサ", LocalDate.of(1991, 2, 3), "1500001",
      "東京都渋谷区神宮前1-1", "080-4321-8765", "risa.kawamura@example.jp");

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;
  @Autowired ProvisionRegister provisionRegister;
  @Autowired ProvisionMatches matches;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }


  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void theReplyListsExactlyTheTwoConfirmedRecords() throws Exception {
    init(engine);
    long points = store(provided(sourceId("points"), "BULK_CONTINUING", LocalDate.of(2026, 4, 1),
        List.of(person("川村 理沙", null, "1991-02-03", "08043218765", null))));
    Map<String, Object> mailing = received(sourceId("mailing"), LocalDate.of(2026, 6, 15),
        List.of(person(null, "ｶﾜﾑﾗ ﾘｻ", "1991-02-03", null, "Risa.Kawamura@example.jp")));
    long list = store(mailing);
    long namesake = store(provided(sourceId("namesake"), "OTHER", LocalDate.of(2026, 7, 1),
        List.of(person("川村 理沙", null, "1991-02-03", null, "another.risa@example.com"))));
    Map<String, Object> hidden = provided(sourceId("hidden"), "OTHER", LocalDate.of(2026, 8, 1),
        List.of(person(null, null, null, "080-4321-8765", null)));
    hidden.put("counterparty", Map.of("name", "調査機関X"));
    long secret = store(hidden);

    ProcessDriver.resetClock();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        Instant.parse(ARRIVED + "T01:00:00Z")));
    DeskRequest request = register.register(new NewRequest(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE,
        RequestEnums.Channel.POST, RequestEnums.PersonalInformationKind.ORDINARY,
        RequestEnums.DisclosureMethod.ELECTRONIC, "ja", ARRIVED, Instant.parse(ARRIVED + "T01:00:00Z"), PERSON,
        null, null, "第三者に提供された私の記録"), "test");
    new jp.madoguchi.correspondence.ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    jp.madoguchi.support.TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "DRIVERS_LICENCE", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));

    // the investigation: every candidate judged, one record's very existence protected
    assertThat(matches.candidates(request)).extracting(candidate -> candidate.record().id())
        .contains(points, list, namesake, secret);
    matches.decide(request.id(), points, ProvisionMatches.Verdict.CONFIRMED, "desk");
    matches.decide(request.id(), list, ProvisionMatches.Verdict.CONFIRMED, "desk");
    matches.decide(request.id(), namesake, ProvisionMatches.Verdict.REJECTED, "desk");
    matches.decide(request.id(), secret, ProvisionMatches.Verdict.CONFIRMED, "desk");
    provisionRegister.markExistenceProtected(secret, ExistenceProtection.CRIME_PREVENTION, "desk");
    Map<String, Object> investigation = new HashMap<>(Map.of("entrustedByClient", false, "dataFound", true));
    investigation.put("dataLocations", org.camunda.spin.Spin.JSON("[\"THIRD_PARTY_PROVISION_RECORDS\"]"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, investigation);
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));

    List<OutboundLetter> replies = outbox.lettersOf(request.id()).stream()
        .filter(letter -> letter.kind() == LetterKind.DISCLOSURE).toList();
    assertThat(replies).hasSize(1);
    String text = pdfText(replies.get(0).id());

    assertThat(text).contains("第三者提供記録の開示について", "開示する第三者提供記録");
    assertThat(count(text, "提供先・提供元:")).isEqualTo(2);
    assertThat(text).contains("記録1:2026年4月1日", "当社から第三者への提供", "株式会社提携ポイント",
        "氏名、電話番号、購入履歴", "ご本人の同意に基づく提供");
    assertThat(text).contains("記録2:2026年6月15日", "第三者から当社への提供(受領)", "名簿販売株式会社",
        "氏名、住所", "オプトアウト");
    assertThat(text).doesNotContain("記録3", "2026年7月1日", "調査機関X", "2026年8月1日", "存否", "第11条");
  }

  private long store(Map<String, Object> record) {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    return provisionRegister.store(List.of(json.convertValue(record, ProvisionRecordInput.class)), "crm-system")
        .records().get(0).id();
  }

  private String pdfText(long letterId) throws Exception {
    byte[] pdf = jdbc.sql("SELECT pdf FROM letter_document WHERE letter_id = ?").param(letterId)
        .query(byte[].class).single();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", "");
    }
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
