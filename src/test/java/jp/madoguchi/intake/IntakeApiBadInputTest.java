package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.madoguchi.intake.IntakeFixtures.Stored;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import jp.madoguchi.support.DeskTest;

/**
 * Every kind of bad input is answered with a 4xx problem that names the field, in the caller's language, and
 * stores nothing: no register entry, no document, no history, no process instance.
 */
@DeskTest
class IntakeApiBadInputTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;

  Stored before;

  @BeforeEach
  void countWhatIsStored() {
    before = Stored.now(jdbc, historyService);
  }

  static Stream<Arguments> badSubmissions() {
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
    return Stream.of(
        bad("missing type", "type", body -> body.remove("type")),
        bad("unknown type", "type", body -> body.put("type", "EVERYTHING")),
        bad("missing principal name", "principal.name", body -> principal(body).remove("name")),
        bad("blank principal name", "principal.name", body -> principal(body).put("name", "   ")),
        bad("no way to reach the principal", "principal.contact", body -> {
          principal(body).remove("address");
          principal(body).remove("email");
          principal(body).remove("phone");
        }),
        bad("invalid e-mail", "principal.email", body -> principal(body).put("email", "hanako@localhost")),
        bad("e-mail without @", "principal.email", body -> principal(body).put("email", "hanako.example.jp")),
        bad("postal code of 6 digits", "principal.postalCode", body -> principal(body).put("postalCode", "100-001")),
        bad("postal code with letters", "principal.postalCode", body -> principal(body).put("postalCode", "ABC-1234")),
        bad("date of birth in the future", "principal.dateOfBirth",
            body -> principal(body).put("dateOfBirth", tomorrow)),
        bad("date of birth that is no date", "principal.dateOfBirth",
            body -> principal(body).put("dateOfBirth", "1985-02-30")),
        bad("agent without a kind", "agent.kind", body -> body.put("agent",
            Map.of("name", "佐藤 一郎", "email", "ichiro@example.jp"))),
        bad("agent of an unknown kind", "agent.kind", body -> body.put("agent",
            Map.of("kind", "FRIEND", "name", "佐藤 一郎", "email", "ichiro@example.jp"))),
        bad("agent without a name", "agent.name", body -> body.put("agent",
            Map.of("kind", "AUTHORISED", "email", "ichiro@example.jp"))),
        bad("disclosure method on a correction", "disclosureMethod", body -> body.put("type", "CORRECTION")),
        bad("disclosure method on a complaint", "disclosureMethod", body -> body.put("type", "COMPLAINT")),
        bad("no disclosure method on a disclosure", "disclosureMethod", body -> body.remove("disclosureMethod")),
        bad("unknown disclosure method", "disclosureMethod", body -> body.put("disclosureMethod", "FAX")),
        bad("name over 200 characters", "principal.name", body -> principal(body).put("name", "山".repeat(201))),
        bad("address over 400 characters", "principal.address",
            body -> principal(body).put("address", "東".repeat(401))),
        bad("details over 4000 characters", "details", body -> body.put("details", "あ".repeat(4001))),
        bad("e-mail over 254 characters", "principal.email",
            body -> principal(body).put("email", "a".repeat(250) + "@example.jp")),
        bad("NUL in a name", "principal.name", body -> principal(body).put("name", "山田\u0000花子")),
        bad("escape in an address", "principal.address", body -> principal(body).put("address", "東京\u001b[31m")),
        bad("C1 control in a name", "principal.name", body -> principal(body).put("name", "山田\u0085花子")),
        bad("newline in a one-line field", "principal.address",
            body -> principal(body).put("address", "東京都\n千代田区")),
        bad("bell in the details", "details", body -> body.put("details", "通話記録\u0007")),
        bad("bidirectional override in a name", "principal.name",
            body -> principal(body).put("name", "山田\u202Eコナハ")),
        bad("missing details", "details", body -> body.remove("details")),
        bad("unknown personal information kind", "personalInformationKind",
            body -> body.put("personalInformationKind", "SECRET")),
        bad("unknown language", "language", body -> body.put("language", "fr")),
        bad("another channel without a desk login", "channel", body -> body.put("channel", "POST")),
        bad("arrival in the future", "arrivedOn", body -> body.put("arrivedOn", tomorrow)),
        bad("a name that is an object", "principal.name", body -> principal(body).put("name", Map.of("a", 1))));
  }

  private static Arguments bad(String what, String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(what, field, change);
  }

  private static Map<String, Object> principal(Map<String, Object> body) {
    return IntakeFixtures.principalOf(body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void aBadSubmissionIsRefusedNamingTheFieldAndNothingIsStored(String what, String field,
      Consumer<Map<String, Object>> change) throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    change.accept(body);

    ResponseEntity<String> response = post(json.writeValueAsString(body), MediaType.APPLICATION_JSON, "en");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode problem = problem(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    assertNothingStored();
  }

  @Test
  void messagesAreInTheCallersLanguageAndNameTheField() throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    principal(body).put("email", "not-an-address");
    String text = json.writeValueAsString(body);

    JsonNode japanese = problem(post(text, MediaType.APPLICATION_JSON, "ja"));
    JsonNode english = problem(post(text, MediaType.APPLICATION_JSON, "en-GB,en;q=0.9"));

    assertThat(japanese.at("/errors/0/field").asText()).isEqualTo("principal.email");
    assertThat(japanese.at("/errors/0/message").asText()).startsWith("メールアドレスの形式が正しくありません");
    assertThat(japanese.get("title").asText()).isEqualTo("入力内容に誤りがあります");
    assertThat(english.at("/errors/0/message").asText()).startsWith("E-mail address is not a valid e-mail address");
    assertThat(english.toString()).doesNotContain("not-an-address");
    assertNothingStored();
  }

  @Test
  void everyWrongFieldIsListedAtOnce() throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    body.remove("type");
    principal(body).put("postalCode", "12");
    principal(body).put("email", "x@");

    JsonNode problem = problem(post(json.writeValueAsString(body), MediaType.APPLICATION_JSON, "en"));

    assertThat(problem.get("errors").findValuesAsText("field"))
        .contains("type", "principal.postalCode", "principal.email");
  }

  @Test
  void htmlInTextFieldsIsAcceptedAsTextAndNeverEchoedInProblems() throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    principal(body).put("address", "<script>alert(1)</script>");
    principal(body).put("email", "<img src=x onerror=alert(1)>");

    ResponseEntity<String> response = post(json.writeValueAsString(body), MediaType.APPLICATION_JSON, "en");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).doesNotContain("<script", "<img", "onerror");
    assertNothingStored();
  }

  @Test
  void fullWidthDigitsInPostalCodesAndPhoneNumbersAreAccepted() throws Exception {
    Map<String, Object> body = IntakeFixtures.disclosure();
    principal(body).put("postalCode", "〒１００－０００１");
    principal(body).put("phone", "０３－１２３４－５６７８");

    ResponseEntity<String> response = post(json.writeValueAsString(body), MediaType.APPLICATION_JSON, "ja");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aWrongContentTypeIs415() throws Exception {
    ResponseEntity<String> xml = post("<request/>", MediaType.APPLICATION_XML, "en");
    ResponseEntity<String> form = post("type=DISCLOSURE", MediaType.APPLICATION_FORM_URLENCODED, "en");

    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(problem(xml).get("type").asText()).isEqualTo("urn:madoguchi:problem:unsupported-media-type");
    assertNothingStored();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    ResponseEntity<String> response = post("{\"type\": \"DISCLOSURE\", \"principal\": {", MediaType.APPLICATION_JSON,
        "en");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem(response).get("type").asText()).isEqualTo("urn:madoguchi:problem:malformed-json");
    assertNothingStored();
  }

  @Test
  void aMalformedIdempotencyKeyIsRefused() throws Exception {
    HttpHeaders headers = headers(MediaType.APPLICATION_JSON, "en");
    headers.set("Idempotency-Key", "x".repeat(256));

    ResponseEntity<String> response = rest.exchange("/api/requests", HttpMethod.POST,
        new HttpEntity<>(json.writeValueAsString(IntakeFixtures.disclosure()), headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem(response).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    assertNothingStored();
  }

  // ---------------------------------------------------------------------------------------------------- documents

  @Test
  void aDocumentThatIsNotPdfJpegOrPngIsRefusedWhateverItsName() throws Exception {
    Submitted submitted = submitValid();
    Stored afterSubmission = Stored.now(jdbc, historyService);
    byte[] zipNamedPdf = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    byte[] htmlNamedPng = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    ResponseEntity<String> zip = upload(submitted, zipNamedPdf, "licence.pdf", MediaType.APPLICATION_PDF);
    ResponseEntity<String> html = upload(submitted, htmlNamedPng, "licence.png", MediaType.IMAGE_PNG);

    for (ResponseEntity<String> response : new ResponseEntity[] {zip, html}) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(problem(response).at("/errors/0/field").asText()).isEqualTo("file");
    }
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(afterSubmission);
  }

  @Test
  void anOversizedDocumentIs413AndNothingIsStored() throws Exception {
    Submitted submitted = submitValid();
    Stored afterSubmission = Stored.now(jdbc, historyService);
    byte[] tooLarge = Arrays.copyOf(IntakeFixtures.pdf(), 10 * 1024 * 1024 + 1);

    ResponseEntity<String> response = upload(submitted, tooLarge, "scan.pdf", MediaType.APPLICATION_PDF);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    JsonNode problem = problem(response);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(problem.at("/errors/0/message").asText()).contains("10 MB");
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(afterSubmission);
  }

  @Test
  void aDocumentOfExactlyTheLimitIsAccepted() throws Exception {
    Submitted submitted = submitValid();
    byte[] atTheLimit = Arrays.copyOf(IntakeFixtures.pdf(), 10 * 1024 * 1024);

    ResponseEntity<String> response = upload(submitted, atTheLimit, "scan.pdf", MediaType.APPLICATION_PDF);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aDocumentSentAsJsonIs415() throws Exception {
    Submitted submitted = submitValid();
    HttpHeaders headers = headers(MediaType.APPLICATION_JSON, "en");
    headers.set("X-Status-Token", submitted.token());

    ResponseEntity<String> response = rest.exchange("/api/requests/{reference}/documents", HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class, submitted.reference());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void aWrongOrMissingTokenIs404AndReadsExactlyLikeAnUnknownReference() throws Exception {
    Submitted submitted = submitValid();
    Stored afterSubmission = Stored.now(jdbc, historyService);

    ResponseEntity<String> unknownReference = status("MDG-2099-999999", submitted.token());
    ResponseEntity<String> wrongToken = status(submitted.reference(), submitted.token().substring(1) + "A");
    ResponseEntity<String> missingToken = status(submitted.reference(), null);
    ResponseEntity<String> uploadWrongToken = upload(new Submitted(submitted.reference(), "wrong"),
        IntakeFixtures.pdf(), "a.pdf", MediaType.APPLICATION_PDF);
    ResponseEntity<String> uploadUnknown = upload(new Submitted("MDG-2099-999999", submitted.token()),
        IntakeFixtures.pdf(), "a.pdf", MediaType.APPLICATION_PDF);

    for (ResponseEntity<String> response : java.util.List.of(unknownReference, wrongToken, missingToken,
        uploadWrongToken, uploadUnknown)) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getBody()).isEqualTo(unknownReference.getBody());
    }
    assertThat(problem(unknownReference).get("type").asText()).isEqualTo("urn:madoguchi:problem:request-not-found");
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(afterSubmission);
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  record Submitted(String reference, String token) {}

  Submitted submitValid() throws Exception {
    ResponseEntity<String> response = post(json.writeValueAsString(IntakeFixtures.disclosure()),
        MediaType.APPLICATION_JSON, "en");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(response.getBody());
    return new Submitted(answer.get("reference").asText(), answer.get("statusToken").asText());
  }

  void assertNothingStored() {
    assertThat(Stored.now(jdbc, historyService)).isEqualTo(before);
  }

  JsonNode problem(ResponseEntity<String> response) throws Exception {
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("%s", response).isTrue();
    return json.readTree(response.getBody());
  }

  ResponseEntity<String> post(String body, MediaType type, String language) {
    return rest.exchange("/api/requests", HttpMethod.POST, new HttpEntity<>(body, headers(type, language)),
        String.class);
  }

  static HttpHeaders headers(MediaType type, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    return headers;
  }

  ResponseEntity<String> status(String reference, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    if (token != null) {
      headers.set("X-Status-Token", token);
    }
    return rest.exchange("/api/requests/{reference}/status", HttpMethod.GET, new HttpEntity<>(headers),
        String.class, reference);
  }

  ResponseEntity<String> upload(Submitted submitted, byte[] content, String fileName, MediaType declared) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
    headers.set("X-Status-Token", submitted.token());
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(declared);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    }, partHeaders));
    parts.add("kind", "IDENTITY_DOCUMENT");
    return rest.exchange("/api/requests/{reference}/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class, submitted.reference());
  }
}
