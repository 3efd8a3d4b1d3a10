package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.TestRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The package's rules: limits answered with a 413 problem and nothing kept, the My Number desk's requests only for
 * its staff, grounds only of the request's type, a withheld file never in the archive, a masked field masked.
 */
@DeskTest
@TestPropertySource(properties = {"madoguchi.disclosure.max-item-size=8KB",
    "madoguchi.disclosure.max-package-size=12KB"})
class DisclosurePackageRulesTest {

  @Autowired TestRestTemplate rest;
  @Autowired RequestRegister register;
  @Autowired Inventory inventory;
  @Autowired DisclosurePackage disclosure;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @BeforeEach
  void inventory() {
    DisclosureFixtures.categories(inventory);
  }

  @Test
  void anItemOrAPackageTooLargeIsRefusedWithAProblemAndNothingKept() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    ResponseEntity<String> tooLarge = post("desk", request, new byte[9 * 1024]);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(tooLarge.getBody()).contains("file").contains("8192");
    assertThat(post("desk", request, new byte[7 * 1024]).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> packageFull = post("desk", request, new byte[7 * 1024]);
    assertThat(packageFull.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(packageFull.getBody()).contains("package");
    assertThat(disclosure.items(request.id())).hasSize(1);
  }

  @Test
  void aMyNumberRequestsPackageIsOnlyForTheSpecificInformationDesk() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).specific().register();
    assertThat(post("desk", request, new byte[10]).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("desk", "desk-demo-2026").getForEntity("/desk/requests/{reference}/package",
        String.class, request.reference()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("specialist", request, new byte[10]).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aWithheldFileIsNeverInTheArchiveAndAMaskedFieldIsMasked() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    PackageItem csv = disclosure.addItem(request, DisclosureFixtures.CONTACT_HISTORY, null, "contact-history.csv",
        "text/csv", new ByteArrayInputStream(DisclosureFixtures.csv()), "desk");
    PackageItem audio = disclosure.addItem(request, DisclosureFixtures.CALL_RECORDINGS, null, "call.mp3",
        "audio/mpeg", new ByteArrayInputStream(DisclosureFixtures.audio()), "desk");
    assertThatThrownBy(() -> disclosure.withhold(request, csv.id(), 1, "agent", Withholding.Kind.MASKED,
        "DATA_ACCURATE", "担当者名", "desk")).hasMessageContaining("ground");
    assertThatThrownBy(() -> disclosure.withhold(request, csv.id(), 9, null, Withholding.Kind.WITHHELD,
        "VIOLATION_OF_LAWS", "理由", "desk")).hasMessageContaining("row");
    assertThatThrownBy(() -> disclosure.withhold(request, audio.id(), 1, null, Withholding.Kind.WITHHELD,
        "VIOLATION_OF_LAWS", "理由", "desk")).hasMessageContaining("CSV");
    disclosure.withhold(request, csv.id(), 1, "agent", Withholding.Kind.MASKED, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "担当者の氏名は第三者の情報のため", "desk");
    disclosure.withhold(request, audio.id(), null, null, Withholding.Kind.WITHHELD, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "第三者の発言が大半を占めるため", "desk");

    assertThat(disclosure.freeze(request.id(), "desk")).isPresent();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    disclosure.writeArchive(request.id(), zip);
    Map<String, byte[]> files = DisclosurePackageEndToEndTest.unzip(zip.toByteArray());
    assertThat(files.keySet()).noneMatch(path -> path.endsWith(".mp3")).noneMatch(path -> path.startsWith("files/"));
    String records = new String(files.get("categories/" + DisclosureFixtures.CONTACT_HISTORY + ".csv"),
        StandardCharsets.UTF_8);
    assertThat(records).contains("住所変更のご依頼," + ItemRecords.MASKED).doesNotContain("住所変更のご依頼,佐藤")
        .contains("鈴木");
    String annex = files.entrySet().stream().filter(e -> e.getKey().startsWith("annex/"))
        .map(e -> DisclosurePackageEndToEndTest.text(e.getValue())).findFirst().orElseThrow();
    assertThat(annex).contains("【不開示】この資料の全部", "【第三者情報のため墨塗り】1行目の「agent」",
        "この資料は開示いたしません");
    assertThat(disclosure.state(request.id()).withheldCount()).isEqualTo(2);
  }

  @Test
  void onThePageStaffWithholdReleaseAndRemoveAndAWrongGroundShowsTheProblem() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    PackageItem csv = disclosure.addItem(request, DisclosureFixtures.CONTACT_HISTORY, null, "contact-history.csv",
        "text/csv", new ByteArrayInputStream(DisclosureFixtures.csv()), "desk");
    jp.madoguchi.intake.PageClient desk = jp.madoguchi.intake.PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String page = "/desk/requests/" + request.reference() + "/package";
    String csrf = jp.madoguchi.intake.PageClient.csrf(desk.get(page));

    jp.madoguchi.intake.PageClient.Page wrong = desk.postForm(page + "/withholdings", Map.of("_csrf", csrf,
        "item", Long.toString(csv.id()), "row", "1", "ground", "DATA_ACCURATE", "reason", "理由"));
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.document().text()).contains("ground");
    assertThat(disclosure.withholdings(request.id())).isEmpty();

    jp.madoguchi.intake.PageClient.Page withheld = desk.postForm(page + "/withholdings", Map.of("_csrf", csrf,
        "item", Long.toString(csv.id()), "row", "1", "ground", "HARM_TO_PERSON_OR_THIRD_PARTY",
        "reason", "第三者の情報を含むため"));
    assertThat(withheld.status()).isEqualTo(302);
    assertThat(withheld.response().headers().firstValue("Location").orElseThrow()).endsWith(page + "?withheld");
    Withholding withholding = disclosure.withholdings(request.id()).get(0);

    assertThat(desk.postForm(page + "/withholdings/" + withholding.id() + "/release", Map.of("_csrf", csrf))
        .status()).isEqualTo(302);
    assertThat(disclosure.withholdings(request.id())).isEmpty();
    assertThat(desk.postForm(page + "/items/" + csv.id() + "/remove", Map.of("_csrf", csrf)).status())
        .isEqualTo(302);
    assertThat(disclosure.items(request.id())).isEmpty();
  }

  private ResponseEntity<String> post(String user, DeskRequest request, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set("X-Requested-By", "test");
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("category", DisclosureFixtures.CALL_RECORDINGS);
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "call.wav";
      }
    });
    return rest.withBasicAuth(user, user + "-demo-2026").postForEntity("/desk/api/requests/{reference}/package/items",
        new HttpEntity<>(form, headers), String.class, request.reference());
  }
}
