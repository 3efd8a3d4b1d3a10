package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ends of a letter: the requester's download link (valid for a while, recorded at each use, otherwise the same
 * 404 whatever is wrong), the PDF that staff print for registered mail, and the staff's failed-mail list with its
 * retry.
 */
@DeskTest
class LetterDownloadTest {

  static final Smtp SMTP = new Smtp();
  static final Pattern TOKEN = Pattern.compile("/letters/download/([A-Za-z0-9_-]{43})");

  @Autowired TestRestTemplate rest;
  @Autowired RequestRegister register;
  @Autowired RequestDecisions decisions;
  @Autowired CorrespondenceService correspondence;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Outbox outbox;
  @Autowired CorrespondenceProperties properties;
  @Autowired JdbcClient jdbc;

  LetterFixtures fixtures;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void fixtures() {
    fixtures = new LetterFixtures(register, decisions, correspondence, outbox, transactionManager);
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theLinkInTheMailServesTheLetterAndEachDownloadIsRecorded() throws Exception {
    DeskRequest request = fixtures.requestFor(LetterKind.NON_DISCLOSURE, TestRequests.request(register));
    String token = tokenSentFor(request, LetterKind.NON_DISCLOSURE);

    ResponseEntity<byte[]> first = rest.getForEntity("/letters/download/{token}", byte[].class, token);
    ResponseEntity<byte[]> second = rest.getForEntity("/letters/download/{token}", byte[].class, token);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
    assertThat(first.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(request.reference() + "-non-disclosure.pdf");
    assertThat(first.getHeaders().getCacheControl()).contains("no-store");
    assertThat(text(first.getBody())).contains(request.reference())
        .contains(LetterPdfTest.compact(LetterFixtures.REFUSAL_REASONS));
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("LETTER_DOWNLOADED"))
        .hasSize(2).allSatisfy(event -> {
          assertThat(event.actor()).isEqualTo(DownloadTokens.ACTOR);
          assertThat(event.detail()).startsWith("NON_DISCLOSURE");
        });
    assertThat(jdbc.sql("""
            SELECT COUNT(*) FROM letter_download d JOIN outbound_letter l ON l.id = d.letter_id
            WHERE l.request_id = ?
            """).param(request.id()).query(Long.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM letter_download_token WHERE token_hash = ?")
        .param(token).query(Long.class).single()).as("the token itself is never stored").isZero();
  }

  @Test
  void anUnknownOrExpiredLinkIsTheSame404() {
    DeskRequest request = fixtures.requestFor(LetterKind.DISCLOSURE, TestRequests.request(register));
    String token = tokenSentFor(request, LetterKind.DISCLOSURE);
    String wrong = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

    ResponseEntity<String> unknown = rest.getForEntity("/letters/download/{token}", String.class, wrong);
    ResponseEntity<String> malformed = rest.getForEntity("/letters/download/{token}", String.class, "nonsense");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(properties.downloadValidDays()))
        .plusSeconds(60)));
    ResponseEntity<String> expired = rest.getForEntity("/letters/download/{token}", String.class, token);

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(expired.getBody()).isEqualTo(unknown.getBody()).isEqualTo(malformed.getBody())
        .contains("有効期限").contains("expired");
    assertThat(expired.getHeaders().getContentType()).isEqualTo(unknown.getHeaders().getContentType());
    assertThat(register.events(request.id())).extracting(RequestEvent::eventType)
        .doesNotContain("LETTER_DOWNLOADED");
  }

  @Test
  void staffOpenThePdfOfAPaperLetterToPrintIt() throws Exception {
    DeskRequest request = fixtures.requestFor(LetterKind.DISCLOSURE, TestRequests.request(register).withoutEmail());
    long letterId = fixtures.queue(request, LetterKind.DISCLOSURE, false);

    ResponseEntity<byte[]> anonymous = rest.getForEntity("/desk/letters/{id}.pdf", byte[].class, letterId);
    ResponseEntity<byte[]> designer = rest.withBasicAuth("designer", "designer-demo-2026")
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, letterId);
    ResponseEntity<byte[]> desk = rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, letterId);
    ResponseEntity<byte[]> missing = rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, 987654321L);

    // without a login the PDF is not served: the client is sent to the login page
    assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(new String(anonymous.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("/desk/login");
    assertThat(designer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(desk.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(desk.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
    assertThat(text(desk.getBody())).contains(LetterPdfTest.compact(TestRequests.PRINCIPAL.address()));
    assertThat(register.events(request.id())).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("LETTER_PDF_OPENED");
      assertThat(event.actor()).isEqualTo("desk");
    });
  }

  @Test
  void theLettersOfAMyNumberRequestAreForEntitledStaffOnly() {
    DeskRequest request = fixtures.requestFor(LetterKind.DISCLOSURE,
        TestRequests.request(register).withoutEmail().specific());
    long letterId = fixtures.queue(request, LetterKind.DISCLOSURE, false);

    assertThat(rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, letterId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("specialist", "specialist-demo-2026")
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, letterId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void staffListFailedMailAndRetryIt() throws Exception {
    DeskRequest request = TestRequests.request(register).register();
    String key = "staff-retry:" + request.reference();
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> correspondence.queueToClient(
        request.id(), LetterKind.CLIENT_NOTIFICATION, LetterFixtures.CLIENT, "privacy at client", key));
    long letterId = outbox.letterId(key).orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(letterId).orElseThrow().status()
        == LetterStatus.FAILED);

    ResponseEntity<String> anonymous = rest.getForEntity("/desk/api/letters?status=FAILED", String.class);
    ResponseEntity<String> designer = rest.withBasicAuth("designer", "designer-demo-2026")
        .getForEntity("/desk/api/letters?status=FAILED", String.class);
    ResponseEntity<String> list = rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/api/letters?status=FAILED", String.class);
    ResponseEntity<String> badStatus = rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/api/letters?status=LOST", String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(designer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode failed = find(new ObjectMapper().readTree(list.getBody()), letterId);
    assertThat(failed.path("reference").asText()).isEqualTo(request.reference());
    assertThat(failed.path("kind").asText()).isEqualTo("CLIENT_NOTIFICATION");
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("attempts").asInt()).isEqualTo(1);
    assertThat(failed.path("lastError").asText()).contains("not valid");
    assertThat(failed.path("pdf").asText()).isEqualTo("/desk/letters/" + letterId + ".pdf");

    // a retry without a JSON body is refused (no cross-site form can send one); with it, the letter is queued again
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> fromAForm = rest.withBasicAuth("desk", "desk-demo-2026").exchange(
        "/desk/api/letters/{id}/retry", HttpMethod.POST, new HttpEntity<>("x=1", form), String.class, letterId);
    assertThat(fromAForm.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    // the address was wrong: staff send it again to the right one
    ResponseEntity<String> retried = rest.withBasicAuth("desk", "desk-demo-2026").exchange(
        "/desk/api/letters/{id}/retry", HttpMethod.POST, json("{\"email\": \" " + LetterFixtures.CLIENT_EMAIL + " \"}"),
        String.class, letterId);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(letterId).orElseThrow().status()
        == LetterStatus.SENT);
    assertThat(outbox.find(letterId).orElseThrow().recipientEmail()).isEqualTo(LetterFixtures.CLIENT_EMAIL);
    assertThat(SMTP.about(request.reference(), LetterKind.CLIENT_NOTIFICATION)).singleElement()
        .satisfies(mail -> assertThat(mail.getAllRecipients()[0].toString()).contains(LetterFixtures.CLIENT_EMAIL));
    assertThat(register.events(request.id())).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("LETTER_RECIPIENT_CORRECTED");
      assertThat(event.actor()).isEqualTo("desk");
      assertThat(event.detail()).isEqualTo("CLIENT_NOTIFICATION to CLIENT");
    }).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("LETTER_RETRY_REQUESTED");
      assertThat(event.actor()).isEqualTo("desk");
    });

    ResponseEntity<String> paper = rest.withBasicAuth("manager", "manager-demo-2026").exchange(
        "/desk/api/letters/{id}/retry", HttpMethod.POST, json("{}"), String.class,
        fixtures.queue(fixtures.requestFor(LetterKind.DISCLOSURE, TestRequests.request(register).withoutEmail()),
            LetterKind.DISCLOSURE, false));
    assertThat(paper.getStatusCode()).as("a paper letter is posted, not retried").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void staffSendALetterAgainToACorrectedAddressWhichReplacesTheRequestersInTheRegister() {
    DeskRequest request = TestRequests.request(register).register();
    long letterId = fixtures.queue(request, LetterKind.ACKNOWLEDGEMENT, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(letterId).orElseThrow().status()
        == LetterStatus.SENT);

    ResponseEntity<String> nonsense = retry("desk", letterId, "{\"email\": \"taro at example\"}");
    assertThat(nonsense.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nonsense.getBody()).contains("電子メールアドレス").contains("not valid");

    // the person never got it: their address has changed
    ResponseEntity<String> corrected = retry("desk", letterId, "{\"email\": \"taro.new@example.jp\"}");
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(letterId).orElseThrow().status()
        == LetterStatus.SENT);
    assertThat(SMTP.about(request.reference(), LetterKind.ACKNOWLEDGEMENT)).hasSize(2)
        .anySatisfy(mail -> assertThat(mail.getAllRecipients()[0].toString()).contains("taro.new@example.jp"));
    assertThat(register.find(request.id()).principal().email()).as("later letters go there too")
        .isEqualTo("taro.new@example.jp");
    assertThat(register.events(request.id())).extracting(event -> event.eventType() + " " + event.actor())
        .contains("EMAIL_CORRECTED desk", "LETTER_RECIPIENT_CORRECTED desk", "LETTER_RETRY_REQUESTED desk");
    assertThat(register.events(request.id())).filteredOn(event -> event.eventType().equals("EMAIL_CORRECTED"))
        .singleElement().satisfies(event -> assertThat(event.detail()).doesNotContain("@"));

    // a My Number requester's address is for the staff entitled to it
    DeskRequest specific = TestRequests.request(register).specific().register();
    long specificLetter = fixtures.queue(specific, LetterKind.ACKNOWLEDGEMENT, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(specificLetter).orElseThrow().status()
        == LetterStatus.SENT);
    assertThat(retry("desk", specificLetter, "{\"email\": \"other@example.jp\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(register.find(specific.id()).principal().email()).isEqualTo(TestRequests.PRINCIPAL.email());
    assertThat(retry("specialist", specificLetter, "{\"email\": \"other@example.jp\"}").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    assertThat(register.find(specific.id()).principal().email()).isEqualTo("other@example.jp");

    // once the request's personal data is erased there is nothing to correct, and nothing changes
    DeskRequest erased = TestRequests.request(register).register();
    long erasedLetter = fixtures.queue(erased, LetterKind.ACKNOWLEDGEMENT, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(erasedLetter).orElseThrow().status()
        == LetterStatus.SENT);
    jdbc.sql("UPDATE desk_request SET personal_data_erased_at = CURRENT_TIMESTAMP WHERE id = ?").param(erased.id())
        .update();
    ResponseEntity<String> refused = retry("desk", erasedLetter, "{\"email\": \"late@example.jp\"}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody()).contains("消去済み").contains("erased");
    assertThat(outbox.find(erasedLetter).orElseThrow().recipientEmail()).isEqualTo(TestRequests.PRINCIPAL.email());
    assertThat(outbox.find(erasedLetter).orElseThrow().status()).isEqualTo(LetterStatus.SENT);
  }

  private ResponseEntity<String> retry(String user, long letterId, String body) {
    return rest.withBasicAuth(user, user + "-demo-2026").exchange("/desk/api/letters/{id}/retry", HttpMethod.POST,
        json(body), String.class, letterId);
  }

  private String tokenSentFor(DeskRequest request, LetterKind kind) {
    long letterId = fixtures.queue(request, kind, true);
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(letterId).orElseThrow().status()
        == LetterStatus.SENT);
    String body;
    try {
      body = SMTP.about(request.reference(), kind).get(0).getContent().toString();
    } catch (Exception unreadable) {
      throw new IllegalStateException(unreadable);
    }
    Matcher link = TOKEN.matcher(body);
    assertThat(link.find()).as("a download link in %s", body).isTrue();
    return link.group(1);
  }

  private static JsonNode find(JsonNode letters, long id) {
    for (JsonNode letter : letters) {
      if (letter.path("id").asLong() == id) {
        return letter;
      }
    }
    throw new AssertionError("letter " + id + " not listed in " + letters);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return LetterPdfTest.compact(new PDFTextStripper().getText(document));
    }
  }
}
