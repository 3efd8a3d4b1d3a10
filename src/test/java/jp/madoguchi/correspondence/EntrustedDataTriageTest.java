package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess.Elements;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The triage of entrusted data in "Check the request", before any fee: data held wholly for a client is referred
 * without a fee or an investigation; data held partly for a client is referred in part and answered in part, and every
 * letter says which part goes where; data held for no client goes the usual way (see
 * {@code PersonalDataRequestProcessTest}). The request runs through the real process; the letters are read as they
 * were composed, the PDFs as they are printed.
 */
@DeskTest
class EntrustedDataTriageTest {

  static final String CLIENT = "株式会社サンプル通販";
  static final String CLIENT_EMAIL = "privacy@client.example.jp";

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired RequestRegister register;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired LetterDocuments documents;

  DeskRequest request;
  ProcessInstance instance;
  ProcessDriver desk;

  @BeforeEach
  void clockAtArrival() {
    init(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant()));
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void dataHeldWhollyForAClientIsReferredWithNoFeeAndNoInvestigation() throws IOException {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));

    checkRequest("ALL");
    verifyPrincipal();

    assertThat(instance).isEnded().hasPassed(Elements.ENTRUSTED_DATA, Elements.REFER_TO_CLIENT,
        Elements.OWN_DATA_TO_ANSWER, Elements.REFERRED_TO_CLIENT, Elements.CLOSE_REQUEST)
        .hasNotPassed(Elements.DETERMINE_FEE, Elements.COLLECT_FEE, Elements.INVESTIGATE, Elements.DECIDE,
            Elements.SEND_REPLY_CALL);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(FeePaymentProcess.KEY)
        .processInstanceBusinessKey(request.reference()).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(request.reference())
        .taskDefinitionKey(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT).count()).isZero();
    DeskRequest closed = register.find(request.id());
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).isEqualTo("REFERRED_TO_CLIENT");
    assertThat(finalVariables()).containsEntry("entrustedData", "ALL").containsEntry("entrustedByClient", true)
        .doesNotContainKeys("feeAmount", "feeOutcome", "dataFound");

    assertThat(letterKinds()).containsExactly(LetterKind.ACKNOWLEDGEMENT, LetterKind.ENTRUSTED_REFERRAL,
        LetterKind.CLIENT_NOTIFICATION);
    String referral = text(letter(LetterKind.ENTRUSTED_REFERRAL));
    assertThat(referral).contains("ご請求の回送について", "当社が" + CLIENT + "から業務の委託を受けて取り扱っているもの",
            "このご請求には、同社より回答がございます", "当社が手数料をいただくことはございません")
        .doesNotContain("一部", "当社がご回答する部分");
    OutboundLetter notice = letter(LetterKind.CLIENT_NOTIFICATION);
    assertThat(notice.recipientRole()).isEqualTo(RecipientRole.CLIENT);
    assertThat(notice.recipientEmail()).isEqualTo(CLIENT_EMAIL);
    assertThat(pdfText(notice)).contains(LetterPdfTest.compact("ご本人には、貴社から回答がある旨をお知らせしております。"))
        .doesNotContain("一部に含む");
  }

  @Test
  void dataHeldPartlyForAClientIsReferredInPartAndTheRestAnsweredAfterTheFee() throws IOException {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));

    checkRequest("PART");
    verifyPrincipal();

    // the referral goes before the fee is asked, and says that the rest is answered by the desk
    assertThat(letterKinds()).containsExactly(LetterKind.ACKNOWLEDGEMENT, LetterKind.ENTRUSTED_REFERRAL,
        LetterKind.CLIENT_NOTIFICATION, LetterKind.FEE_REQUEST);
    payFee();
    investigate();
    desk.complete(Elements.DECIDE, Map.of("decision", "FULL"));

    assertThat(instance).isEnded().hasPassed(Elements.ENTRUSTED_DATA, Elements.REFER_TO_CLIENT,
        Elements.OWN_DATA_TO_ANSWER, Elements.DETERMINE_FEE, Elements.COLLECT_FEE, Elements.INVESTIGATE,
        Elements.DECIDE, Elements.SEND_REPLY_CALL, Elements.REQUEST_ANSWERED)
        .hasNotPassed(Elements.REFERRED_TO_CLIENT);
    DeskRequest closed = register.find(request.id());
    assertThat(closed.outcome()).as("the outcome of the desk's own part").isEqualTo("DECIDED_FULL");
    // the referral is recorded without the client's name, which is a note of the check (ADR 22)
    assertThat(register.events(request.id())).anyMatch(e -> e.eventType().equals("REFERRED_TO_CLIENT")
        && e.detail() == null);
    assertThat(register.latestNote(request.id(), "clientCompanyName")).contains(CLIENT);
    assertThat(finalVariables()).containsEntry("entrustedData", "PART").containsEntry("entrustedByClient", true)
        .containsEntry("feeOutcome", "PAID");
    assertThat(letterKinds()).endsWith(LetterKind.DISCLOSURE);

    String referral = text(letter(LetterKind.ENTRUSTED_REFERRAL));
    assertThat(referral).contains("ご請求の一部の回送について",
        "ご請求の対象となる個人データのうち、当社が" + CLIENT + "から業務の委託を受けて取り扱っているもの",
        "この部分につきましては、同社より回答がございます", "当社がご回答する部分",
        "当社が自ら保有する個人データにつきましては、引き続き当社が対応し、あらためてご回答いたします",
        "当社が保有する個人データの分についてのみ").doesNotContain("手数料をいただくことはございません");
    OutboundLetter notice = letter(LetterKind.CLIENT_NOTIFICATION);
    assertThat(notice.recipientEmail()).isEqualTo(CLIENT_EMAIL);
    assertThat(pdfText(notice)).contains(LetterPdfTest.compact(
            "貴社から委託を受けて当社が取り扱っている個人データを一部に含むご請求が、下記の方からありました"),
        LetterPdfTest.compact("当社が自ら保有する個人データにつきましては、当社からご本人に回答いたします。"),
        LetterPdfTest.compact("The rest, the personal data we hold ourselves, we answer ourselves."));
    String partReferred = "なお、ご請求の対象となる個人データのうち、当社が" + CLIENT + "から業務の委託を受けて取り扱っているもの";
    assertThat(text(letter(LetterKind.FEE_REQUEST))).contains(partReferred,
        "本書は、それ以外の、当社が自ら保有する個人データについてのものです。");
    assertThat(text(letter(LetterKind.DISCLOSURE))).contains(partReferred,
        "本書は、それ以外の、当社が自ら保有する個人データについてのものです。");
  }

  @Test
  void anEnglishRequesterIsToldInEnglishWhichPartIsReferredAndWhichAnswered() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE).language("en"));

    checkRequest("PART");
    verifyPrincipal();
    payFee();
    desk.complete(Elements.INVESTIGATE, Map.of("dataFound", false));

    assertThat(register.find(request.id()).outcome()).isEqualTo("NO_DATA_HELD");
    assertThat(text(letter(LetterKind.ENTRUSTED_REFERRAL))).contains(
        "Part of your request has been passed on to the company that holds that data",
        "part of the personal data concerned is handled by us on behalf of " + CLIENT,
        "The rest, the personal data we hold ourselves, we continue to handle, and we will answer you about it",
        "If a fee applies, it is for our own part only");
    assertThat(text(letter(LetterKind.NO_DATA_HELD))).contains(
        "Part of the personal data your request concerns is handled by us on behalf of " + CLIENT,
        "This letter concerns the rest, the personal data we hold ourselves.");
  }

  @Test
  void aCompleteRequestMustSayWhetherTheDataIsHeldForAClientAndNameTheClient() {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));

    assertThatThrownBy(() -> desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true)))
        .hasMessageContaining("entrustedData");
    assertThatThrownBy(() -> desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "SOME"))).hasMessageContaining("entrustedData").hasMessageContaining("SOME");
    assertThatThrownBy(() -> desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "ALL"))).hasMessageContaining("clientCompanyName");
    assertThatThrownBy(() -> desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "PART", "clientCompanyName", CLIENT, "clientContactEmail", "not-an-address")))
        .hasMessageContaining("clientContactEmail");

    assertThat(desk.task(Elements.CHECK_REQUEST)).as("the check stays open").isNotNull();
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("entrustedData", "entrustedByClient");
    // without an e-mail address the client's notice goes on paper
    desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "ALL",
        "clientCompanyName", CLIENT));
    verifyPrincipal();
    assertThat(letter(LetterKind.CLIENT_NOTIFICATION).delivery()).isEqualTo(Delivery.PAPER);
  }

  @Test
  void theFormOfTheCheckAsksTheQuestionOnceTheRequestIsComplete() throws IOException {
    start(TestRequests.request(register).type(RequestType.DISCLOSURE));

    JsonNode form;
    try (var deployed = engine.getFormService().getDeployedTaskForm(desk.task(Elements.CHECK_REQUEST).getId())) {
      form = new ObjectMapper().readTree(deployed);
    }
    Map<String, JsonNode> fields = new HashMap<>();
    form.path("components").forEach(field -> fields.put(field.path("key").asText(), field));
    JsonNode question = fields.get("entrustedData");
    assertThat(question).as("the field entrustedData").isNotNull();
    assertThat(question.path("label").asText()).contains("お求めのデータは委託元から預かっているものですか",
        "Is the data sought held for a client");
    assertThat(question.path("values").findValuesAsText("value")).containsExactly("ALL", "PART", "NONE");
    // since the inventory answers it from the relationship (issue 16), the question may be left open: the form asks
    // for the relationship instead, and the check refuses a request with neither (InventoryDrivenSearchTest)
    assertThat(question.path("validate").path("required").asBoolean()).isFalse();
    JsonNode relationship = fields.get("requesterRelationship");
    assertThat(relationship.path("type").asText()).isEqualTo("select");
    assertThat(relationship.path("validate").path("required").asBoolean()).isTrue();
    assertThat(relationship.path("values").findValuesAsText("value")).containsExactlyInAnyOrder(
        java.util.Arrays.stream(jp.madoguchi.inventory.Relationship.values()).map(Enum::name)
            .toArray(String[]::new));
    assertThat(question.path("conditional").path("hide").asText()).isEqualTo("=requestFormComplete != true");
    assertThat(fields.get("clientCompanyName").path("conditional").path("hide").asText())
        .contains("entrustedData = \"NONE\"");
  }

  // ------------------------------------------------------------------------------------------------ the desk's work

  private void start(TestRequests requests) {
    request = requests.register();
    // the requester confirmed their e-mail address with the link mailed with the receipt: replies go without waiting
    new ConfirmedAddresses(context).confirm(request.id());
    instance = starter.start(request);
    desk = new ProcessDriver(engine, request.reference()).runJobs();
  }

  private void checkRequest(String entrustedData) {
    desk.complete(Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", entrustedData,
        "clientCompanyName", CLIENT, "clientContactEmail", CLIENT_EMAIL));
  }

  private void verifyPrincipal() {
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
  }

  private void payFee() {
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
  }

  private void investigate() {
    desk.complete(Elements.INVESTIGATE, Map.of("dataFound", true,
        "dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\"]")));
  }

  // ------------------------------------------------------------------------------------------------ what to check

  /** The letters of the request, without the e-mail confirmation these tests draw themselves. */
  private List<LetterKind> letterKinds() {
    return outbox.lettersOf(request.id()).stream().map(OutboundLetter::kind)
        .filter(kind -> kind != LetterKind.EMAIL_CONFIRMATION).toList();
  }

  private OutboundLetter letter(LetterKind kind) {
    List<OutboundLetter> letters = outbox.lettersOf(request.id()).stream().filter(l -> l.kind() == kind).toList();
    assertThat(letters).as("%s letters of %s", kind, request.reference()).hasSize(1);
    return letters.get(0);
  }

  private String text(OutboundLetter letter) {
    return documents.find(letter.id()).orElseThrow().text();
  }

  private String pdfText(OutboundLetter letter) throws IOException {
    try (PDDocument document = Loader.loadPDF(documents.find(letter.id()).orElseThrow().pdf())) {
      return LetterPdfTest.compact(new PDFTextStripper().getText(document));
    }
  }

  private Map<String, Object> finalVariables() {
    Map<String, Object> values = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }
}
