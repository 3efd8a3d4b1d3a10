package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.NewRequest;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The request file: what staff see of one request, safely, and a record of every look. */
@DeskTest
class RequestFileTest {

  private static final byte[] PDF = """
      %PDF-1.4
      1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
      trailer << /Root 1 0 R >>
      %%EOF
      """.getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired RequestProcessStarter starter;

  @Test
  void aReferencePastNineHundredNinetyNineThousandOpensItsFile(@Autowired JdbcClient jdbc) throws Exception {
    long next = jdbc.sql("SELECT nextval('request_reference_number')").query(Long.class).single();
    DeskRequest request;
    try {
      jdbc.sql("ALTER SEQUENCE request_reference_number RESTART WITH 1000000").update();
      request = TestRequests.request(register).register();
    } finally {
      // the other tests of this context go on with six digits, as they expect
      jdbc.sql("ALTER SEQUENCE request_reference_number RESTART WITH " + (next + 1)).update();
    }
    assertThat(request.reference()).endsWith("-1000000");
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    Page file = desk.get("/desk/requests/" + request.reference());

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.document().select("h1").text()).contains(request.reference());
    assertThat(desk.get("/desk/requests/" + request.reference() + "/package").status()).isEqualTo(200);
  }

  @Test
  void staffSendTheConfirmationLinkAgainUntilTheAddressIsConfirmed(@Autowired jp.madoguchi.correspondence.Outbox outbox,
      @Autowired org.springframework.context.ApplicationContext context) throws Exception {
    DeskRequest request = TestRequests.request(register).byAgent(RequestEnums.AgentKind.AUTHORISED).register();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String path = "/desk/requests/" + request.reference();
    Page file = desk.get(path);
    assertThat(file.document().select("#email-confirmation-state").text()).contains("まだ確認されていません");
    long before = confirmationLetters(outbox, request);

    Page sent = desk.postForm(path + "/email-confirmation", Map.of("_csrf", PageClient.csrf(file)));

    assertThat(sent.status()).isEqualTo(302);
    assertThat(sent.response().headers().firstValue("Location").orElseThrow()).endsWith("emailConfirmation=QUEUED");
    assertThat(confirmationLetters(outbox, request)).isEqualTo(before + 1);
    assertThat(desk.get(path + "?emailConfirmation=QUEUED").document().select("#email-confirmation-outcome").text())
        .contains("確認用のリンクを請求者の電子メールアドレスに送ります");
    assertThat(register.events(request.id())).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("EMAIL_CONFIRMATION_REQUESTED");
      assertThat(event.actor()).isEqualTo("desk");
    });

    new jp.madoguchi.correspondence.ConfirmedAddresses(context).confirm(request.id());
    long confirmed = confirmationLetters(outbox, request);
    file = desk.get(path);
    assertThat(file.document().select("#email-confirmation-state").text()).contains("確認済み");
    assertThat(file.document().select("#send-email-confirmation")).isEmpty();
    Page again = desk.postForm(path + "/email-confirmation", Map.of("_csrf", PageClient.csrf(file)));
    assertThat(again.response().headers().firstValue("Location").orElseThrow())
        .endsWith("emailConfirmation=ALREADY_CONFIRMED");
    assertThat(confirmationLetters(outbox, request)).isEqualTo(confirmed);
  }

  private static long confirmationLetters(jp.madoguchi.correspondence.Outbox outbox, DeskRequest request) {
    return outbox.lettersOf(request.id()).stream()
        .filter(letter -> letter.kind() == jp.madoguchi.correspondence.LetterKind.EMAIL_CONFIRMATION).count();
  }

  @Test
  void deskStaffSeeTheRequesterTheAgentDocumentsTasksAndHistoryAndTheirViewIsRecorded() throws Exception {
    DeskRequest request = register.register(new NewRequest(RequestType.DISCLOSURE, RequestEnums.Channel.POST,
        RequestEnums.PersonalInformationKind.ORDINARY, RequestEnums.DisclosureMethod.PAPER, "ja",
        LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T01:00:00Z"), TestRequests.PRINCIPAL,
        RequestEnums.AgentKind.AUTHORISED, TestRequests.AGENT, "<script>alert('x')</script> 通話録音"), "desk");
    RequestDocument licence = documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "免許証.pdf", PDF, "desk");
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    Page file = desk.get("/desk/requests/" + request.reference());

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.document().selectFirst("h1").text()).contains("請求ファイル").contains(request.reference());
    assertThat(file.html()).contains(TestRequests.PRINCIPAL.name(), TestRequests.PRINCIPAL.address(),
        TestRequests.AGENT.name(), "免許証.pdf", "請求内容を確認 / Check the request - " + request.reference(),
        "REQUEST_REGISTERED");
    assertThat(file.html()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    assertThat(lastEvent(request)).satisfies(event -> {
      assertThat(event.eventType()).isEqualTo("REQUEST_FILE_VIEWED");
      assertThat(event.actor()).isEqualTo("desk");
    });

    Page document = desk.get("/desk/requests/" + request.reference() + "/documents/" + licence.id());

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.response().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(document.response().headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    assertThat(document.response().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(document.response().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
    assertThat(lastEvent(request).eventType()).isEqualTo("DOCUMENT_VIEWED");

    Page download = desk.get("/desk/requests/" + request.reference() + "/documents/" + licence.id()
        + "?download=true");
    assertThat(download.response().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(lastEvent(request).eventType()).isEqualTo("DOCUMENT_DOWNLOADED");
  }

  @Test
  void aPurposeNotificationShowsNoArt39DateAThirdPartyRecordsRequestDoes() throws Exception {
    DeskRequest purpose = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION).register();
    starter.start(purpose);
    new ProcessDriver(engine, purpose.reference()).runJobs();
    DeskRequest records = TestRequests.request(register).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE).register();
    starter.start(records);
    new ProcessDriver(engine, records.reference()).runJobs();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");

    assertThat(desk.get("/desk/requests/" + purpose.reference()).document().getElementById("file-art39-date").text())
        .isEqualTo("なし(第39条の対象外)");
    assertThat(desk.get("/desk/requests/" + records.reference()).document().getElementById("file-art39-date").text())
        .isEqualTo("2026年12月15日(火)");
  }

  @Test
  void aMyNumberRequestFileExistsOnlyForEntitledStaff() throws Exception {
    DeskRequest request = TestRequests.request(register).specific().register();

    assertThat(PageClient.loggedIn(port, "desk", "desk-demo-2026").get("/desk/requests/" + request.reference()).status())
        .isEqualTo(404);
    assertThat(PageClient.loggedIn(port, "specialist", "specialist-demo-2026").get("/desk/requests/" + request.reference()).status())
        .isEqualTo(200);
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("REQUEST_FILE_VIEWED"))
        .extracting(RequestEvent::actor).containsExactly("specialist");
  }

  @Test
  void staffRecordAWithdrawalWithHowItCameAndTheRequestIsClosed() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    starter.start(request);
    ProcessDriver driver = new ProcessDriver(engine, request.reference()).runJobs();
    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    Page file = desk.get("/desk/requests/" + request.reference());
    String csrf = file.document().selectFirst("#withdrawal-form input[name=_csrf]").val();

    Page noNote = desk.postForm("/desk/requests/" + request.reference() + "/withdrawal",
        Map.of("_csrf", csrf, "withdrawalNote", "  "));
    assertThat(noNote.response().headers().firstValue("Location").orElseThrow()).endsWith("?withdrawal=noteMissing");
    assertThat(desk.get("/desk/requests/" + request.reference() + "?withdrawal=noteMissing").document()
        .selectFirst("#withdrawal-error").text()).contains("取下げの申出の方法と日時");
    assertThat(register.find(request.id()).status()).isNotEqualTo(RequestEnums.RequestStatus.CLOSED);

    Page recorded = desk.postForm("/desk/requests/" + request.reference() + "/withdrawal",
        Map.of("_csrf", csrf, "withdrawalNote", "12月3日 電話、本人から"));
    driver.runJobs();

    assertThat(recorded.response().headers().firstValue("Location").orElseThrow()).endsWith("?withdrawal=recorded");
    assertThat(register.find(request.id()).outcome()).isEqualTo("WITHDRAWN");
    Page after = desk.get("/desk/requests/" + request.reference() + "?withdrawal=recorded");
    assertThat(after.document().selectFirst("#withdrawal-recorded")).isNotNull();
    assertThat(after.document().selectFirst("#withdrawal-form")).as("nothing left to withdraw").isNull();
    assertThat(desk.postForm("/desk/requests/" + request.reference() + "/withdrawal",
        Map.of("_csrf", csrf, "withdrawalNote", "again")).response().headers().firstValue("Location")
        .orElseThrow()).endsWith("?withdrawal=notOpen");

    DeskRequest myNumber = TestRequests.request(register).specific().register();
    assertThat(desk.postForm("/desk/requests/" + myNumber.reference() + "/withdrawal",
        Map.of("_csrf", csrf, "withdrawalNote", "電話")).status()).isEqualTo(404);
  }

  @Test
  void theRequestFileNeedsADeskLogin() throws Exception {
    DeskRequest request = TestRequests.request(register).register();

    Page anonymous = new PageClient(port).get("/desk/requests/" + request.reference());

    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.response().headers().firstValue("Location").orElseThrow()).endsWith("/desk/login");
    assertThat(PageClient.loggedIn(port, "designer", "designer-demo-2026").get("/desk/requests/" + request.reference()).status())
        .isEqualTo(403);
  }

  private RequestEvent lastEvent(DeskRequest request) {
    var events = register.events(request.id());
    return events.get(events.size() - 1);
  }
}
