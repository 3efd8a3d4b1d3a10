package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.EmailConfirmationLetters;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.correspondence.Smtp;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A requester who gives an e-mail address at intake (web form or JSON API) is mailed a link that confirms it. The
 * page the link opens confirms nothing until its button is pressed (mail scanners fetch links); a used, expired or
 * unknown link says so, in Japanese and in English.
 */
@DeskTest
class EmailConfirmationPageTest {

  static final Smtp SMTP = new Smtp();
  static final Pattern LINK = Pattern.compile("http://localhost:8080(/status/confirm-email\\?token=[A-Za-z0-9_-]{43}"
      + "(?:&lang=en)?)");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RequestRegister register;
  @Autowired Outbox outbox;
  @Autowired EmailConfirmationLetters confirmationLetters;
  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  @AfterEach
  void smtpUpAndClockReset() {
    SMTP.start();
    ClockUtil.reset();
  }

  @Test
  void theWebFormMailsALinkWhoseOpeningConfirmsNothingAndWhoseButtonConfirms() throws Exception {
    PageClient browser = new PageClient(port);
    Map<String, String> fields = new java.util.LinkedHashMap<>(PageClient.validRequestFields());
    fields.put("disclosureMethod", "ELECTRONIC");
    Page form = browser.get("/request");
    fields.put("_csrf", PageClient.csrf(form));
    fields.put("submissionId", form.document().selectFirst("input[name=submissionId]").val());
    Page submitted = browser.postMultipart("/request", fields, Map.of());
    assertThat(submitted.status()).isEqualTo(200);
    DeskRequest request = register.findByReference(submitted.document().selectFirst("#reference").text())
        .orElseThrow();

    MimeMessage mail = arrives(request);
    assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(IntakeFixtures.PRINCIPAL_EMAIL);
    assertThat(mail.getSubject()).contains("メールアドレスのご確認のお願い", request.reference());
    String body = mail.getContent().toString();
    assertThat(body).startsWith(IntakeFixtures.PRINCIPAL_NAME + " 様").contains("メールアドレスを確認する");
    String link = link(body);
    assertThat(outbox.lettersOf(request.id())).filteredOn(letter -> letter.kind() == LetterKind.EMAIL_CONFIRMATION)
        .singleElement().extracting(OutboundLetter::hasPdf).isEqualTo(false);
    assertThat(body).doesNotContain(request.reference() + "?");

    // a mail scanner, a link preview and the person themselves open the link: nothing is confirmed
    Page opened = new PageClient(port).get(link);
    Page openedAgain = browser.get(link);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(openedAgain.document().selectFirst("h1").text()).isEqualTo("メールアドレスの確認");
    assertThat(openedAgain.document().selectFirst("#confirm-email-form button").text())
        .isEqualTo("メールアドレスを確認する");
    assertThat(eventTypes(request)).doesNotContain("EMAIL_CONFIRMED");
    assertThat(confirmationLetters.addressConfirmed(request.id())).isFalse();

    String token = openedAgain.document().selectFirst("#confirm-email-form input[name=token]").val();
    Page confirmed = browser.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(openedAgain),
        "token", token));

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.document().selectFirst("#email-confirmed").text()).contains("確認いたしました");
    assertThat(confirmationLetters.addressConfirmed(request.id())).isTrue();
    assertThat(register.events(request.id())).filteredOn(event -> event.eventType().equals("EMAIL_CONFIRMED"))
        .singleElement().extracting(RequestEvent::actor).isEqualTo(RequestSubmission.REQUESTER);

    Page usedAgain = browser.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(openedAgain),
        "token", token));
    assertThat(usedAgain.document().selectFirst("#email-link-used").text()).contains("既にご利用いただいております");
    assertThat(register.events(request.id())).filteredOn(event -> event.eventType().equals("EMAIL_CONFIRMED"))
        .hasSize(1);
  }

  @Test
  void theButtonNeedsThePagesCsrfToken() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String token = new ConfirmedAddresses(context).link(request.id());

    Page forged = new PageClient(port).postForm("/status/confirm-email", Map.of("token", token));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(confirmationLetters.addressConfirmed(request.id())).isFalse();
  }

  @Test
  void theJsonApiMailsTheLinkInTheRequestersLanguage() throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    body.put("language", "en");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange("/api/requests", HttpMethod.POST,
        new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    DeskRequest request = register.findByReference(json.readTree(response.getBody()).get("reference").asText())
        .orElseThrow();

    String text = arrives(request).getContent().toString();

    assertThat(text).contains("Please confirm your e-mail address", "Confirm my e-mail address");
    String link = link(text);
    assertThat(link).endsWith("&lang=en");
    PageClient browser = new PageClient(port);
    Page page = browser.get(link);
    assertThat(page.document().selectFirst("h1").text()).isEqualTo("Confirm your e-mail address");
    Page confirmed = browser.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(page),
        "token", page.document().selectFirst("#confirm-email-form input[name=token]").val()));
    assertThat(confirmed.document().selectFirst("#email-confirmed").text())
        .contains("your e-mail address is confirmed");
    assertThat(confirmationLetters.addressConfirmed(request.id())).isTrue();
  }

  @Test
  void noLinkGoesWhereTheDeskWritesOnPaper() throws Exception {
    PageClient browser = new PageClient(port);
    Map<String, String> fields = new java.util.LinkedHashMap<>(PageClient.validRequestFields());
    fields.put("disclosureMethod", "PAPER");
    Page form = browser.get("/request");
    fields.put("_csrf", PageClient.csrf(form));
    fields.put("submissionId", form.document().selectFirst("input[name=submissionId]").val());
    Page submitted = browser.postMultipart("/request", fields, Map.of());
    DeskRequest request = register.findByReference(submitted.document().selectFirst("#reference").text())
        .orElseThrow();
    receipt(request);

    assertThat(outbox.lettersOf(request.id())).extracting(OutboundLetter::kind)
        .contains(LetterKind.ACKNOWLEDGEMENT).doesNotContain(LetterKind.EMAIL_CONFIRMATION);
    assertThat(eventTypes(request)).doesNotContain("EMAIL_CONFIRMATION_REQUESTED");
  }

  @Test
  void anExpiredOrUnknownLinkSaysSoClearlyInJapaneseAndEnglish() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String token = new ConfirmedAddresses(context).link(request.id());
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(22))));

    PageClient japanese = new PageClient(port);
    Page ja = japanese.get("/status/confirm-email?token=" + token);
    Page expiredJa = japanese.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(ja),
        "token", token));
    PageClient english = new PageClient(port);
    Page en = english.get("/status/confirm-email?token=" + token + "&lang=en");
    Page expiredEn = english.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(en),
        "token", token));
    Page unknownEn = english.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(en),
        "token", "x".repeat(43)));
    Page unknownJa = japanese.postForm("/status/confirm-email", Map.of("_csrf", PageClient.csrf(ja),
        "token", ""));

    assertThat(expiredJa.status()).isEqualTo(410);
    assertThat(expiredJa.document().selectFirst("#email-link-expired").text()).contains("有効期限が切れております");
    assertThat(expiredEn.status()).isEqualTo(410);
    assertThat(expiredEn.document().selectFirst("#email-link-expired").text()).contains("This link has expired.");
    assertThat(unknownEn.status()).isEqualTo(404);
    assertThat(unknownEn.document().selectFirst("#email-link-unknown").text()).contains("This link does not work.");
    assertThat(unknownJa.status()).isEqualTo(404);
    assertThat(unknownJa.document().selectFirst("#email-link-unknown").text()).contains("このリンクは無効です");
    assertThat(confirmationLetters.addressConfirmed(request.id())).isFalse();
    assertThat(eventTypes(request)).doesNotContain("EMAIL_CONFIRMED");
  }

  /** The process's first step: the receipt, and with it the link when the desk writes by e-mail. */
  private void receipt(DeskRequest request) {
    new ProcessDriver(engine, request.reference()).runJobs();
  }

  private MimeMessage arrives(DeskRequest request) {
    receipt(request);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !SMTP.about(request.reference(), LetterKind.EMAIL_CONFIRMATION).isEmpty());
    List<MimeMessage> mails = SMTP.about(request.reference(), LetterKind.EMAIL_CONFIRMATION);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String link(String body) {
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as("a confirmation link in %s", body).isTrue();
    return link.group(1);
  }

  private List<String> eventTypes(DeskRequest request) {
    return register.events(request.id()).stream().map(RequestEvent::eventType).toList();
  }
}
