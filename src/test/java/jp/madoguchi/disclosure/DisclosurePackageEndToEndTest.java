package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.Smtp;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.reply.ReplyProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.PersonalDataErasure;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
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
 * A disclosure that discloses (issue 18): the investigation's records go into the package through the API, a row is
 * withheld on a ground, the manager approves, the requester downloads the archive through the mail's link, and the
 * archive holds what was disclosed and nothing that was withheld.
 */
@DeskTest
@TestPropertySource(properties = "madoguchi.disclosure.package-required=true")
class DisclosurePackageEndToEndTest {

  static final Smtp SMTP = new Smtp();
  static final Pattern ARCHIVE_LINK = Pattern.compile("/letters/download/([A-Za-z0-9_-]{43})/archive");

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired VerifiedAddresses verifiedAddresses;
  @Autowired Inventory inventory;
  @Autowired TestRestTemplate rest;
  @Autowired DisclosurePackage disclosure;
  @Autowired PersonalDataErasure erasure;

  DeskRequest request;
  ProcessDriver desk;

  @BeforeAll
  static void startSmtp() {
    SMTP.start();
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @BeforeEach
  void inventory() {
    DisclosureFixtures.categories(inventory);
  }

  @AfterEach
  void realClock() {
    engine.getIdentityService().clearAuthentication();
    ProcessDriver.resetClock();
  }

  @Test
  void aPartialDisclosureIsDownloadedAsAnArchiveWithoutTheWithheldRow() throws Exception {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);
    long csvId = upload(DisclosureFixtures.CONTACT_HISTORY, "contact-history.csv", "text/csv",
        DisclosureFixtures.csv()).path("id").asLong();
    upload(DisclosureFixtures.CONTRACTS, "contract.pdf", "application/pdf", DisclosureFixtures.pdf());
    upload(DisclosureFixtures.CALL_RECORDINGS, "call-2026-11-02.mp3", "audio/mpeg", DisclosureFixtures.audio());
    disclosure.withhold(request, csvId, 3, null, Withholding.Kind.WITHHELD, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "ご家族の方の発言が含まれるため", "desk");

    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    decidePartial();
    // the manager approving the refusal sees the package with its redactions
    ResponseEntity<String> page = rest.withBasicAuth("manager", "manager-demo-2026")
        .getForEntity("/desk/requests/{reference}/package", String.class, request.reference());
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("contact-history.csv", "#3", "ご家族の方の発言が含まれるため",
        "package-manifest");
    approve();

    String token = archiveToken();
    ResponseEntity<byte[]> archive = rest.getForEntity("/letters/download/{token}/archive", byte[].class, token);
    assertThat(archive.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(archive.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("application/zip")))
        .isTrue();
    Map<String, byte[]> files = unzip(archive.getBody());

    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    assertThat(manifest.path("files")).hasSize(files.size() - 1);
    for (JsonNode file : manifest.path("files")) {
      assertThat(files).containsKey(file.path("path").asText());
      assertThat(sha256(files.get(file.path("path").asText()))).as(file.path("path").asText())
          .isEqualTo(file.path("sha256").asText());
    }
    String csv = new String(files.get("categories/" + DisclosureFixtures.CONTACT_HISTORY + ".csv"),
        StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF").contains("住所変更のご依頼", "請求書の再発行").doesNotContain("山田花子");
    JsonNode json = new ObjectMapper().readTree(files.get("categories/" + DisclosureFixtures.CONTACT_HISTORY
        + ".json"));
    assertThat(json.path("records")).hasSize(2);
    assertThat(json.toString()).doesNotContain("山田花子");
    assertThat(files.keySet()).noneMatch(path -> path.endsWith("contact-history.csv"))
        .anyMatch(path -> path.endsWith("contract.pdf")).anyMatch(path -> path.endsWith("call-2026-11-02.mp3"));
    String annex = files.entrySet().stream().filter(e -> e.getKey().startsWith("annex/")).map(e -> text(e.getValue()))
        .findFirst().orElseThrow();
    assertThat(annex).contains("お問い合わせ履歴", "契約書類", "通話録音", "【不開示】3行目", "ご家族の方の発言が含まれるため",
        request.reference(), "1 / ", "SHA-256");
    assertThat(disclosure.downloads(request.id())).isOne();
    // the letter's 別添 names the annex and the archive with their counts, and what was withheld
    String letter = text(rest.getForEntity("/letters/download/{token}", byte[].class, token).getBody());
    assertThat(letter).contains("別添:開示する保有個人データ(PDF、1ページ)", "電子データ一式:" + (files.size() - 1 + 1)
        + "ファイル", "開示しなかった部分:contact-history.csv: 【不開示】3行目");
    writeExample(files);
    assertThat(register.events(request.id())).extracting(e -> e.eventType()).contains("PACKAGE_FROZEN",
        "PACKAGE_DOWNLOADED");
  }

  @Test
  void aDisclosureWithoutItsPackageIsNotDecidedAndTheMessageSaysWhatIsMissing() {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);

    assertThatThrownBy(() -> desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL")))
        .hasMessageContaining("the disclosure package has no items").hasMessageContaining("not frozen");
    assertThat(disclosure.missingForReply(request.id())).hasSize(2);
    assertThat(desk.task(PersonalDataRequestProcess.Elements.DECIDE)).isNotNull();
  }

  @Test
  void theReplyIsNotSentWithoutAFrozenPackageAndTheFailureSaysWhatIsMissing() {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);
    upload(DisclosureFixtures.CONTACT_HISTORY, "contact-history.csv", "text/csv", DisclosureFixtures.csv());
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    // the decision completed without the driver running the reply's job, so that the package can be opened again
    // before it runs (as a decision sent back would): the reply must not go
    engine.getTaskService().complete(desk.task(PersonalDataRequestProcess.Elements.DECIDE).getId(),
        Map.of("decision", "FULL"));
    engine.getIdentityService().clearAuthentication();
    assertThat(disclosure.state(request.id()).frozen()).isTrue();
    disclosure.unfreeze(request.id(), "test");

    assertThatThrownBy(() -> desk.runJobs()).hasMessageContaining("The disclosure cannot be sent")
        .hasMessageContaining("not frozen");
    assertThat(SMTP.about(request.reference(), LetterKind.DISCLOSURE)).isEmpty();
  }

  @Test
  void aSentBackPartialDisclosureIsOpenedAgainAndRefrozenWithNewHashes() {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);
    long csvId = upload(DisclosureFixtures.CONTACT_HISTORY, "contact-history.csv", "text/csv",
        DisclosureFixtures.csv()).path("id").asLong();
    disclosure.withhold(request, csvId, 3, null, Withholding.Kind.WITHHELD, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "ご家族の方の発言が含まれるため", "desk");
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    decidePartial();
    PackageState first = disclosure.state(request.id());
    assertThat(first.frozen()).isTrue();
    assertThatThrownBy(() -> disclosure.withhold(request, csvId, 1, "agent", Withholding.Kind.MASKED,
        "HARM_TO_PERSON_OR_THIRD_PARTY", "担当者名", "desk")).hasMessageContaining("frozen");

    engine.getIdentityService().setAuthentication("chief", List.of(DeskGroups.PRIVACY_MANAGERS));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "SENT_BACK",
        "managerComment", "担当者名は第三者の情報です。マスキングしてください。"));
    assertThat(disclosure.state(request.id()).frozen()).isFalse();
    assertThat(disclosure.manifest(request.id())).isEmpty();
    disclosure.withhold(request, csvId, 1, "agent", Withholding.Kind.MASKED, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "担当者名は第三者の情報のため", "desk");
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    decidePartial();

    PackageState second = disclosure.state(request.id());
    assertThat(second.frozen()).isTrue();
    assertThat(second.manifestSha256()).isNotEqualTo(first.manifestSha256());
    assertThat(second.withheldCount()).isOne();
  }

  @Test
  void aPaperDisclosurePrintsTheAnnexAndTheDispatchTaskShowsItsPages() {
    startAndInvestigate(DisclosureMethod.PAPER);
    upload(DisclosureFixtures.CONTACT_HISTORY, "contact-history.csv", "text/csv", DisclosureFixtures.csv());
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
    desk.runJobs();

    var dispatch = desk.task(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL);
    assertThat(dispatch).isNotNull();
    Object pages = engine.getTaskService().getVariable(dispatch.getId(), ReplyProcess.Variables.ANNEX_PAGES.name());
    assertThat(pages).isEqualTo((long) disclosure.annexPages(request.id()));
    assertThat((Long) pages).isPositive();
  }

  @Test
  void anotherMethodEndsInItsDispatchTaskRecordingWhatWasSent() {
    startAndInvestigate(DisclosureMethod.OTHER);
    upload(DisclosureFixtures.CALL_RECORDINGS, "call-2026-11-02.mp3", "audio/mpeg", DisclosureFixtures.audio());
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
    desk.runJobs();

    var dispatch = desk.task(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL);
    assertThat(dispatch).as("the medium goes by registered mail with the letter").isNotNull();
    assertThat(engine.getTaskService().getVariable(dispatch.getId(), "disclosureMethod")).isEqualTo("OTHER");
    ResponseEntity<byte[]> archive = rest.withBasicAuth("desk", "desk-demo-2026")
        .getForEntity("/desk/requests/{reference}/package/archive.zip", byte[].class, request.reference());
    assertThat(archive.getStatusCode()).isEqualTo(HttpStatus.OK);
    desk.complete(ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL, Map.of("trackingNumber", "1234-5678-9012",
        "dispatchedOn", "2026-12-10", "mediumSentNote", "CD-R 1枚(開示資料一式)"));
    desk.runJobs();

    assertThat(register.events(request.id())).extracting(e -> e.eventType())
        .contains("REPLY_DISPATCHED", "PACKAGE_SENT_ON_MEDIUM");
    assertThat(register.events(request.id())).filteredOn(e -> e.eventType().equals("PACKAGE_SENT_ON_MEDIUM"))
        .singleElement().satisfies(e -> assertThat(e.detail())
            .contains(disclosure.state(request.id()).manifestSha256()));
    assertThat(register.latestNote(request.id(), "mediumSentNote")).hasValueSatisfying(note ->
        assertThat(note).contains("CD-R"));
  }

  @Test
  void afterErasureOnlyTheManifestsHashesAndCountsRemain() {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);
    long csvId = upload(DisclosureFixtures.CONTACT_HISTORY, "contact-history.csv", "text/csv",
        DisclosureFixtures.csv()).path("id").asLong();
    disclosure.withhold(request, csvId, 3, null, Withholding.Kind.WITHHELD, "HARM_TO_PERSON_OR_THIRD_PARTY",
        "ご家族の方の発言が含まれるため", "desk");
    engine.getIdentityService().setAuthentication("desk", List.of(DeskGroups.PRIVACY_DESK));
    decidePartial();
    List<ManifestEntry> frozen = disclosure.manifest(request.id());
    PackageState state = disclosure.state(request.id());
    register.close(request.id(), "DECIDED_PARTIAL", java.time.LocalDate.of(2027, 1, 1), "desk");

    erasure.eraseExpiredOn(java.time.LocalDate.of(2027, 1, 2));

    PackageState erased = disclosure.state(request.id());
    assertThat(erased.state()).isEqualTo(PackageState.State.ERASED);
    assertThat(erased.manifestSha256()).isEqualTo(state.manifestSha256());
    assertThat(erased.itemCount()).isOne();
    assertThat(erased.withheldCount()).isOne();
    assertThat(disclosure.manifest(request.id())).extracting(ManifestEntry::sha256)
        .containsExactlyElementsOf(frozen.stream().map(ManifestEntry::sha256).toList());
    assertThat(disclosure.manifest(request.id())).allSatisfy(e -> assertThat(e.storageKey()).isNull());
    assertThat(disclosure.items(request.id())).singleElement().satisfies(item -> {
      assertThat(item.fileName()).isNull();
      assertThat(item.storageKey()).isNull();
      assertThat(item.sha256()).hasSize(64);
    });
    assertThat(disclosure.withholdings(request.id())).allSatisfy(w -> assertThat(w.reason()).isNull());
    frozen.forEach(entry -> assertThatThrownBy(() -> disclosure.open(entry).close()).isNotNull());
  }

  @Test
  void theApiNeedsItsHeaderAndRefusesAnUnknownCategoryNamingTheField() {
    startAndInvestigate(DisclosureMethod.ELECTRONIC);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> withoutHeader = rest.withBasicAuth("desk", "desk-demo-2026").postForEntity(
        "/desk/api/requests/{reference}/package/items", new HttpEntity<>(form("X", "a.csv", new byte[] {1}), headers),
        String.class, request.reference());
    assertThat(withoutHeader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutHeader.getBody()).contains("X-Requested-By");

    headers.set("X-Requested-By", "test");
    ResponseEntity<String> unknown = rest.withBasicAuth("desk", "desk-demo-2026").postForEntity(
        "/desk/api/requests/{reference}/package/items", new HttpEntity<>(form("NO_SUCH", "a.csv", new byte[] {1}),
            headers), String.class, request.reference());
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("category");
    assertThat(disclosure.items(request.id())).isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ the desk's work

  private void startAndInvestigate(DisclosureMethod method) {
    request = TestRequests.request(register).type(RequestType.DISCLOSURE).method(method).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY, Map.of("identityDocumentType",
        "DRIVERS_LICENCE", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true, "dataLocations",
        org.camunda.spin.Spin.JSON("[\"CUSTOMER_DATABASE\",\"CALL_RECORDINGS\"]")));
  }

  private void decidePartial() {
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "PARTIAL", "refusalGrounds",
        List.of("HARM_TO_PERSON_OR_THIRD_PARTY"), "refusalReasons", "ご家族の方の発言が含まれる記録を除きます"));
  }

  private void approve() {
    engine.getIdentityService().setAuthentication("chief", List.of(DeskGroups.PRIVACY_MANAGERS));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED"));
    engine.getIdentityService().clearAuthentication();
    desk.runJobs();
  }

  private JsonNode upload(String category, String fileName, String mediaType, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set("X-Requested-By", "investigation-script");
    MultiValueMap<String, Object> form = form(category, fileName, content);
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(mediaType));
    form.set("file", new HttpEntity<>(resource(fileName, content), part));
    ResponseEntity<String> response = rest.withBasicAuth("desk", "desk-demo-2026").postForEntity(
        "/desk/api/requests/{reference}/package/items", new HttpEntity<>(form, headers), String.class,
        request.reference());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    try {
      JsonNode item = new ObjectMapper().readTree(response.getBody());
      assertThat(item.path("sha256").asText()).isEqualTo(sha256(content));
      return item;
    } catch (IOException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static MultiValueMap<String, Object> form(String category, String fileName, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("category", category);
    form.add("file", resource(fileName, content));
    return form;
  }

  private static ByteArrayResource resource(String fileName, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }

  private String archiveToken() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> !SMTP.about(request.reference(),
        LetterKind.PARTIAL_DISCLOSURE).isEmpty());
    String body = SMTP.about(request.reference(), LetterKind.PARTIAL_DISCLOSURE).get(0).getContent().toString();
    Matcher link = ARCHIVE_LINK.matcher(body);
    assertThat(link.find()).as("an archive link in %s", body).isTrue();
    return link.group(1);
  }

  /** The example under docs/examples/disclosure (copied there by docs/examples/render.sh). */
  private static void writeExample(Map<String, byte[]> files) throws IOException {
    java.nio.file.Path folder = java.nio.file.Path.of("target", "examples", "disclosure");
    java.nio.file.Files.createDirectories(folder);
    StringBuilder listing = new StringBuilder("size     sha256                                                            path\n");
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      listing.append(String.format("%-8d %s  %s%n", file.getValue().length, sha256(file.getValue()), file.getKey()));
      if (file.getKey().startsWith("annex/")) {
        java.nio.file.Files.write(folder.resolve("annex.pdf"), file.getValue());
      }
      if (file.getKey().equals("manifest.json") || file.getKey().startsWith("categories/")) {
        java.nio.file.Files.write(folder.resolve(file.getKey().replace('/', '-')), file.getValue());
      }
    }
    java.nio.file.Files.writeString(folder.resolve("archive-listing.txt"), listing);
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // the text as copied from the document: ideographs, not the Kangxi radicals their glyphs share (PdfTextMap)
      return new PDFTextStripper().getText(document).replaceAll("\\R", "");
    } catch (IOException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
