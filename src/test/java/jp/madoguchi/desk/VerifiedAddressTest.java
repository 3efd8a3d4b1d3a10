package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.OutboundLetter.Delivery;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.PersonalDataErasure;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reply goes to the verified address: staff record the address shown on the identity document they verified
 * on the request file, and every letter after the verification is addressed there, not to the address typed at
 * intake (which anyone could have typed). The register notes when the two differ, without the address itself.
 */
@DeskTest
class VerifiedAddressTest {

  /** The address on the driving licence: another one than the requester typed at intake. */
  private static final String POSTAL_CODE = "150-0002";
  private static final String LINE1 = "東京都渋谷区渋谷2-24-12";
  private static final String LINE2 = "渋谷ハイツ301号室";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired VerifiedAddresses verifiedAddresses;
  @Autowired PersonalDataErasure erasure;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @Test
  void aPaperReplyGoesToTheAddressOnTheVerifiedDocumentAndTheRegisterNotesThatItDiffersFromIntake()
      throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE)
        .method(DisclosureMethod.PAPER).register();
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    PageClient staff = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    Page recorded = staff.postForm(addressPath(request), Map.of("_csrf", csrf(staff, request),
        "postalCode", "〒１５０－０００２", "addressLine1", LINE1, "addressLine2", LINE2));

    assertThat(recorded.response().headers().firstValue("Location").orElseThrow()).endsWith("?address=recorded");
    assertThat(verifiedAddresses.find(request.id())).hasValueSatisfying(address -> {
      assertThat(address.holder()).isEqualTo(VerifiedAddresses.Holder.PRINCIPAL);
      assertThat(address.postalCode()).as("stored as 〒NNN-NNNN").isEqualTo(POSTAL_CODE);
      assertThat(address.differsFromIntake()).isTrue();
      assertThat(address.recordedBy()).isEqualTo("desk");
    });
    List<RequestEvent> history = register.events(request.id());
    assertThat(history).filteredOn(event -> event.eventType().equals("VERIFIED_ADDRESS_RECORDED")
            || event.eventType().equals("ADDRESS_DIFFERS_FROM_INTAKE"))
        .extracting(RequestEvent::eventType)
        .containsExactly("VERIFIED_ADDRESS_RECORDED", "ADDRESS_DIFFERS_FROM_INTAKE");
    assertThat(history).filteredOn(event -> event.eventType().contains("ADDRESS"))
        .allSatisfy(event -> {
          assertThat(event.actor()).isEqualTo("desk");
          assertThat(event.detail()).as("no address in the history, which outlives the personal data").isNull();
        });

    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "DRIVERS_LICENCE", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    Map<String, Object> investigation = new HashMap<>(Map.of("entrustedByClient", false, "dataFound", true));
    investigation.put("dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\"]"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, investigation);
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));

    OutboundLetter reply = letter(request, LetterKind.DISCLOSURE);
    assertThat(reply.delivery()).isEqualTo(Delivery.PAPER);
    assertThat(pdfText(reply)).contains("〒" + POSTAL_CODE, compact(LINE1), compact(LINE2),
            compact(TestRequests.PRINCIPAL.name()))
        .doesNotContain(compact(TestRequests.PRINCIPAL.address()), "100-0001");
    // the acknowledgement went before anyone checked a document: to the address typed at intake
    assertThat(pdfText(letter(request, LetterKind.ACKNOWLEDGEMENT)))
        .contains("〒100-0001", compact(TestRequests.PRINCIPAL.address())).doesNotContain(compact(LINE1));

    Page file = staff.get("/desk/requests/" + request.reference());
    assertThat(file.document().selectFirst("#intake-address").text())
        .contains("1000001", TestRequests.PRINCIPAL.address());
    assertThat(file.document().selectFirst("#verified-address").text()).contains("〒" + POSTAL_CODE, LINE1, LINE2);
    assertThat(file.document().selectFirst("#verified-address-differs").text()).isEqualTo("受付時の住所と異なります");
    assertThat(file.document().select("td[data-event=ADDRESS_DIFFERS_FROM_INTAKE]").text())
        .isEqualTo("確認した住所が受付時の住所と異なる");
    Page english = staff.get("/desk/requests/" + request.reference() + "?lang=en");
    assertThat(english.document().select("td[data-event=ADDRESS_DIFFERS_FROM_INTAKE]").text())
        .isEqualTo("Verified address differs from the intake address");
    assertThat(english.document().select("td[data-event=VERIFIED_ADDRESS_RECORDED]").text())
        .isEqualTo("Address on the identity document recorded");
    assertThat(register.events(request.id())).filteredOn(event -> event.eventType().equals("REQUEST_FILE_VIEWED"))
        .as("every look at the file, the one that showed the form too").hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void whenTheDeskChangesAnElectronicReplyToPaperTheNoticeAndTheReplyBothGoToTheVerifiedAddress() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE)
        .method(DisclosureMethod.ELECTRONIC).register();
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    verifiedAddresses.record(request.id(), POSTAL_CODE, LINE1, null, "desk");
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    Map<String, Object> investigation = new HashMap<>(Map.of("entrustedByClient", false, "dataFound", true));
    investigation.put("dataLocations", Spin.JSON("[\"CALL_RECORDINGS\"]"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, investigation);

    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL", "changeToPaper", true,
        "paperReasonNote", "録音データが大容量のため"));

    for (LetterKind kind : List.of(LetterKind.METHOD_CHANGED_TO_PAPER, LetterKind.DISCLOSURE)) {
      OutboundLetter letter = letter(request, kind);
      assertThat(letter.delivery()).as(kind.name()).isEqualTo(Delivery.PAPER);
      assertThat(pdfText(letter)).as(kind.name()).contains("〒" + POSTAL_CODE, compact(LINE1))
          .doesNotContain(compact(TestRequests.PRINCIPAL.address()));
    }
  }

  @Test
  void anAgentsAddressIsTheOneOnTheAgentsDocumentAndTheSameAddressIsNoDifference() {
    DeskRequest request = TestRequests.request(register).byAgent(
        jp.madoguchi.request.RequestEnums.AgentKind.AUTHORISED).register();

    VerifiedAddresses.VerifiedAddress address = verifiedAddresses.record(request.id(), "1050011",
        "東京都港区芝公園４－２－８", null, "desk");

    assertThat(address.holder()).isEqualTo(VerifiedAddresses.Holder.AGENT);
    assertThat(address.differsFromIntake()).as("the agent's intake address, in full-width digits").isFalse();
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .contains("VERIFIED_ADDRESS_RECORDED").doesNotContain("ADDRESS_DIFFERS_FROM_INTAKE");
    assertThat(verifiedAddresses.postalAddressForReplies(request.id())).hasValueSatisfying(postal -> {
      assertThat(postal.verified()).isTrue();
      assertThat(postal.postalCode()).isEqualTo("105-0011");
    });
  }

  @Test
  void badInputOnThePageSaysWhatIsWrongWithEachFieldAndStoresNothing() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    PageClient staff = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String csrf = csrf(staff, request);

    assertThat(staff.postForm(addressPath(request), Map.of("postalCode", POSTAL_CODE, "addressLine1", LINE1))
        .status()).as("without the CSRF token").isEqualTo(403);
    Page bad = staff.postForm(addressPath(request), Map.of("_csrf", csrf, "postalCode", "150-00",
        "addressLine1", " ", "addressLine2", "あ".repeat(VerifiedAddresses.LINE_MAX + 1)));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.document().selectFirst("#verified-address-errors").text())
        .contains("住所は記録されていません", "郵便番号は「123-4567」のように7桁の数字で入力してください。",
            "住所（都道府県・市区町村・町名・番地）を入力してください。", "建物名・部屋番号は200文字以内で入力してください。");
    assertThat(bad.document().selectFirst("#verified-POSTAL_CODE-error")).isNotNull();
    assertThat(bad.document().selectFirst("#verified-LINE1-error")).isNotNull();
    assertThat(bad.document().selectFirst("#verified-POSTAL_CODE").val()).as("what was typed stays").isEqualTo("150-00");
    assertThat(verifiedAddresses.find(request.id())).isEmpty();
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .doesNotContain("VERIFIED_ADDRESS_RECORDED", "ADDRESS_DIFFERS_FROM_INTAKE");

    Page english = staff.postForm(addressPath(request) + "?lang=en", Map.of("_csrf", csrf, "postalCode", "",
        "addressLine1", LINE1));
    assertThat(english.document().selectFirst("#verified-address-errors").text()).contains("Enter the postal code.");
    assertThat(verifiedAddresses.find(request.id())).isEmpty();
  }

  @Test
  void identityIsVerifiedOnlyOnceTheAddressOnTheDocumentIsRecorded() {
    DeskRequest request = TestRequests.request(register).register();
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true, "entrustedData", "NONE"));

    assertThatThrownBy(() -> desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false)))
        .hasMessageContaining("The address shown on the identity document has not been recorded")
        .hasMessageContaining("本人確認書類に記載された住所が記録されていません");
    assertThat(desk.task(IdentityVerificationProcess.Elements.VERIFY_IDENTITY)).as("the task stays open").isNotNull();
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .doesNotContain("IDENTITY_VERIFIED");

    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));

    assertThat(register.events(request.id())).extracting(RequestEvent::eventType).contains("IDENTITY_VERIFIED");
  }

  @Test
  void theVerifiedAddressIsErasedWithThePersonalDataAtTheEndOfRetention() {
    DeskRequest request = TestRequests.request(register).register();
    verifiedAddresses.record(request.id(), POSTAL_CODE, LINE1, LINE2, "desk");
    register.close(request.id(), "DECIDED_FULL", LocalDate.of(2027, 1, 1), "desk");

    erasure.eraseExpiredOn(LocalDate.of(2027, 1, 2));

    assertThat(verifiedAddresses.find(request.id())).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM verified_address WHERE request_id = ?").param(request.id())
        .query(Long.class).single()).isZero();
    assertThat(verifiedAddresses.postalAddressForReplies(request.id())).isEmpty();
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .contains("VERIFIED_ADDRESS_RECORDED", "ADDRESS_DIFFERS_FROM_INTAKE", "PERSONAL_DATA_ERASED");
    assertThatThrownBy(() -> verifiedAddresses.record(request.id(), POSTAL_CODE, LINE1, null, "desk"))
        .as("nothing is recorded for an erased request")
        .isInstanceOf(jp.madoguchi.request.UnknownRequestException.class);
  }

  private static String addressPath(DeskRequest request) {
    return "/desk/requests/" + request.reference() + "/verified-address";
  }

  private static String csrf(PageClient staff, DeskRequest request) throws Exception {
    return staff.get("/desk/requests/" + request.reference()).document()
        .selectFirst("#verified-address-form input[name=_csrf]").val();
  }

  private OutboundLetter letter(DeskRequest request, LetterKind kind) {
    return outbox.lettersOf(request.id()).stream().filter(letter -> letter.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " letter"));
  }

  private String pdfText(OutboundLetter letter) throws IOException {
    byte[] pdf = jdbc.sql("SELECT pdf FROM letter_document WHERE letter_id = ?").param(letter.id())
        .query(byte[].class).single();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return compact(new PDFTextStripper().getText(document));
    }
  }

  /** Without white space: a phrase may be broken over two lines of the page. */
  private static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }
}
