package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.intake.IntakeFixtures.Stored;
import jp.madoguchi.intake.PageClient.FilePart;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.StatusTokens;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public pages and the desk's registration page, as a browser without JavaScript sees them. */
@DeskTest
class RequestPageTest {

  static final String SCRIPT = "<script>alert('xss')</script>";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired StatusTokens statusTokens;
  @Autowired RequestProcessStarter starter;
  @Autowired ProcessEngine engine;

  PageClient browser;

  @BeforeEach
  void newBrowser() {
    browser = new PageClient(port);
  }

  @Test
  void thePageIsJapaneseByDefaultWithALabelForEveryInputAndSwitchesToEnglish() throws Exception {
    Page japanese = browser.get("/request");

    assertThat(japanese.status()).isEqualTo(200);
    assertThat(japanese.document().selectFirst("html").attr("lang")).isEqualTo("ja");
    assertThat(japanese.document().selectFirst("h1").text()).isEqualTo("個人情報の開示等のご請求");
    for (Element input : japanese.document().select("form input:not([type=hidden]), form textarea, form select")) {
      assertThat(japanese.document().select("label[for=" + input.id() + "]")).as("label of %s", input.id())
          .isNotEmpty();
    }
    assertThat(japanese.document().select("fieldset")).allSatisfy(fieldset ->
        assertThat(fieldset.selectFirst("legend")).isNotNull());
    assertThat(japanese.html()).contains("1,000円（税込）", "郵便定額小為替", "このご請求への対応のためにのみ利用")
        .contains("任意代理人（ご本人の委任による代理人）", "書面（簡易書留郵便でお送りします）")
        .as("the ways the desk accepts requests, from madoguchi.company.desk.channels")
        .contains("このページのほか、郵送、電子メール、お電話又は窓口へのご来訪でもご請求を受け付けております。")
        .as("every message key resolves").doesNotContain("??");
    assertThat(japanese.document().selectFirst("a[hreflang=en]").attr("href")).endsWith("/request?lang=en");

    Page english = browser.get("/request?lang=en");
    Page stillEnglish = browser.get("/request");

    assertThat(english.document().selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(stillEnglish.document().selectFirst("h1").text()).isEqualTo("Request about your personal information");
    assertThat(stillEnglish.html()).contains("1,000 yen (tax included)", "Paper, by registered mail")
        .doesNotContain("??");
  }

  @Test
  void theStatusPageTakesADocumentAndKeepsOneCopyWhenTheSameFileIsSentAgain() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String token = statusTokens.issue(request.id());
    Page form = browser.get("/status");
    Page status = browser.postForm("/status", Map.of("_csrf", PageClient.csrf(form), "reference",
        request.reference(), "statusToken", token));
    assertThat(status.status()).isEqualTo(200);
    String csrf = status.document().selectFirst("form[action$=/status/documents] input[name=_csrf]").val();
    Map<String, String> fields = Map.of("_csrf", csrf, "reference", request.reference(), "statusToken", token,
        "kind", "IDENTITY_DOCUMENT");

    Page sent = browser.postMultipart("/status/documents", fields,
        Map.of("file", new FilePart("licence.pdf", "application/pdf", IntakeFixtures.pdf())));
    Page again = browser.postMultipart("/status/documents", fields,
        Map.of("file", new FilePart("licence-again.pdf", "application/pdf", IntakeFixtures.pdf())));

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.document().selectFirst("#document-received").text()).contains("書類を受け取りました");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.document().selectFirst("#document-received").text()).contains("既に受け取っています");
    assertThat(documents.documentsOf(request.id())).singleElement()
        .satisfies(document -> assertThat(document.originalFileName()).isEqualTo("licence.pdf"));
  }

  @Test
  void theRequesterWithdrawsTheRequestOnTheStatusPageAfterConfirmingIt() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String token = statusTokens.issue(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    Page form = browser.get("/status");
    Page status = browser.postForm("/status", Map.of("_csrf", PageClient.csrf(form), "reference",
        request.reference(), "statusToken", token));
    String csrf = status.document().selectFirst("#withdraw-form input[name=_csrf]").val();

    Page unconfirmed = browser.postForm("/status/withdraw", Map.of("_csrf", csrf, "reference", request.reference(),
        "statusToken", token));
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(unconfirmed.document().selectFirst("#confirm-error").text()).contains("チェックを入れてください");
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType).doesNotContain("REQUEST_WITHDRAWN");

    Page withdrawn = browser.postForm("/status/withdraw", Map.of("_csrf", csrf, "reference", request.reference(),
        "statusToken", token, "confirm", "yes"));
    desk.runJobs();

    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.document().selectFirst("#request-withdrawn").text()).contains("取下げを受け付けました");
    assertThat(withdrawn.document().selectFirst("#withdraw-form")).isNull();
    assertThat(register.find(request.id()).outcome()).isEqualTo("WITHDRAWN");
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("REQUEST_WITHDRAWN"))
        .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("requester"));

    Page again = browser.postForm("/status/withdraw", Map.of("_csrf", csrf, "reference", request.reference(),
        "statusToken", token, "confirm", "yes"));
    assertThat(again.status()).isEqualTo(409);
    Page wrongKey = browser.postForm("/status/withdraw", Map.of("_csrf", csrf, "reference", request.reference(),
        "statusToken", "not-the-key", "confirm", "yes"));
    assertThat(wrongKey.status()).isEqualTo(404);
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
    Stored before = Stored.now(jdbc, historyService);

    Page refused = browser.postMultipart("/request", PageClient.validRequestFields(), Map.of());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(before);
  }

  @Test
  void aWrongFormComesBackWithLinkedMessagesWhatWasTypedAndHtmlEscaped() throws Exception {
    Page form = browser.get("/request");
    Stored before = Stored.now(jdbc, historyService);
    Map<String, String> fields = PageClient.validRequestFields();
    fields.put("_csrf", PageClient.csrf(form));
    fields.put("principal.name", SCRIPT);
    fields.put("details", SCRIPT + "\r\n2行目");
    fields.put("principal.email", "hanako@");
    fields.put("principal.postalCode", "12345");

    Page page = browser.postMultipart("/request", fields, Map.of("identityDocument",
        new FilePart("licence.pdf", "application/pdf", IntakeFixtures.pdf())));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.document().select("#error-summary a").eachAttr("href"))
        .containsExactly("#principal-postalCode", "#principal-email");
    assertThat(page.document().selectFirst("#principal-email").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.document().selectFirst("#principal-email").val()).isEqualTo("hanako@");
    assertThat(page.document().selectFirst("#principal-name").val()).isEqualTo(SCRIPT);
    assertThat(page.document().selectFirst("#details").text()).startsWith(SCRIPT);
    assertThat(page.document().selectFirst("#type-DISCLOSURE").hasAttr("checked")).isTrue();
    assertThat(page.html()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    assertThat(page.html()).contains("もう一度ファイルを選択してください");
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(before);
  }

  @Test
  void aSubmissionShowsTheReferenceAndTokenOnceAndTheStatusPageShowsTheStageEscaped() throws Exception {
    Page form = browser.get("/request");
    Map<String, String> fields = PageClient.validRequestFields();
    fields.put("_csrf", PageClient.csrf(form));
    fields.put("submissionId", form.document().selectFirst("input[name=submissionId]").val());
    fields.put("principal.name", SCRIPT);
    Map<String, FilePart> files = Map.of("identityDocument",
        new FilePart("licence.pdf", "application/pdf", IntakeFixtures.pdf()));
    Stored before = Stored.now(jdbc, historyService);

    Page submitted = browser.postMultipart("/request", fields, files);
    Page resubmitted = browser.postMultipart("/request", fields, files);

    assertThat(submitted.status()).isEqualTo(200);
    String reference = submitted.document().selectFirst("#reference").text();
    String token = submitted.document().selectFirst("#status-token").text();
    assertThat(reference).matches("MDG-\\d{4}-\\d{6}");
    assertThat(resubmitted.document().selectFirst("#reference").text()).isEqualTo(reference);
    assertThat(resubmitted.document().selectFirst("#status-token").text()).isEqualTo(token);
    assertThat(Stored.now(jdbc, historyService).requests()).isEqualTo(before.requests() + 1);
    DeskRequest request = register.findByReference(reference).orElseThrow();
    assertThat(request.principal().name()).isEqualTo(SCRIPT);
    assertThat(request.details()).isEqualTo("通話記録\n会員情報");
    assertThat(request.language()).isEqualTo("ja");
    assertThat(documents.documentsOf(request.id())).singleElement()
        .satisfies(document -> assertThat(document.contentType()).isEqualTo("application/pdf"));

    Page statusForm = browser.get("/status?reference=" + reference);
    Page status = browser.postForm("/status", Map.of("_csrf", PageClient.csrf(statusForm),
        "reference", reference, "statusToken", token));
    Page wrong = browser.postForm("/status", Map.of("_csrf", PageClient.csrf(statusForm),
        "reference", reference, "statusToken", token + "x"));

    assertThat(status.status()).isEqualTo(200);
    assertThat(status.document().selectFirst("#status-stage").text()).isEqualTo("受付済み");
    assertThat(status.html()).doesNotContain("<script").doesNotContain(IntakeFixtures.PRINCIPAL_EMAIL);
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.html()).doesNotContain("#status-stage");
  }

  @Test
  void anUploadTooLargeForTheFormIsExplainedNot403() throws Exception {
    Page form = browser.get("/request");
    Map<String, String> fields = PageClient.validRequestFields();
    fields.put("_csrf", PageClient.csrf(form));
    Stored before = Stored.now(jdbc, historyService);

    Page page = browser.postMultipart("/request", fields, Map.of("identityDocument", new FilePart("scan.pdf",
        "application/pdf", Arrays.copyOf(IntakeFixtures.pdf(), 10 * 1024 * 1024 + 1))));

    assertThat(page.status()).isEqualTo(413);
    assertThat(page.document().selectFirst("h1").text()).isEqualTo("ファイルが大きすぎます");
    assertThat(page.html()).contains("10MB");
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(before);
  }

  @Test
  void deskStaffLogInAndRegisterAPostalRequestThatArrivedEarlier() throws Exception {
    Page anonymous = browser.get("/desk/requests/new");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.response().headers().firstValue("Location").orElseThrow()).endsWith("/desk/login");

    Page login = browser.get("/desk/login");
    assertThat(login.document().selectFirst("html").attr("lang")).isEqualTo("ja");
    Page loggedIn = browser.postForm("/desk/login", Map.of("_csrf", PageClient.csrf(login),
        "username", "desk", "password", "desk-demo-2026"));
    assertThat(loggedIn.status()).as(loggedIn.response().headers().map() + loggedIn.html()).isEqualTo(302);

    Page form = browser.get("/desk/requests/new");
    assertThat(form.status()).isEqualTo(200);
    LocalDate arrived = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(5);
    Map<String, String> fields = new LinkedHashMap<>(PageClient.validRequestFields());
    fields.put("_csrf", PageClient.csrf(form));
    fields.put("submissionId", form.document().selectFirst("input[name=submissionId]").val());
    fields.put("channel", "POST");
    fields.put("arrivedOn", arrived.toString());
    fields.put("language", "en");
    Page registered = browser.postMultipart("/desk/requests", fields, Map.of());

    assertThat(registered.status()).as(registered.html()).isEqualTo(200);
    DeskRequest request = register.findByReference(registered.document().selectFirst("#reference").text())
        .orElseThrow();
    assertThat(request.channel()).hasToString("POST");
    assertThat(request.arrivedOn()).isEqualTo(arrived);
    assertThat(request.language()).isEqualTo("en");
    assertThat(register.events(request.id()).get(0).actor()).isEqualTo("desk");
    assertThat(browser.get("/desk/requests").html()).contains(request.reference());
  }

  @Test
  void usersOutsideTheDeskGroupsMayNotRegisterRequests() throws Exception {
    Page login = browser.get("/desk/login");
    browser.postForm("/desk/login", Map.of("_csrf", PageClient.csrf(login),
        "username", "designer", "password", "designer-demo-2026"));

    assertThat(browser.get("/desk/requests/new").status()).isEqualTo(403);
  }
}
