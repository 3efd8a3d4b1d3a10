package jp.madoguchi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.intake.PageClient.FilePart;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.report.DeskAudit;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inventory as CSV for audits: every kind exported with bilingual headers in UTF-8 with a byte order mark, each
 * export in the audit trail; an import shows the differences first and applies them all or nothing; exported files
 * imported into an empty inventory give it back exactly; a bad line is named and changes nothing. The tests load the
 * sample inventory themselves (the test profile does not).
 */
@DeskTest
class InventoryCsvTest {

  @LocalServerPort int port;
  @Autowired Inventory inventory;
  @Autowired SampleInventory sample;
  @Autowired DeskAudit audit;

  @BeforeEach
  void theSampleInventory() {
    inventory.replace(sample.entries(), "csv-test");
  }

  @Test
  void exportedFilesImportedIntoAnEmptyInventoryReproduceItExactly() throws Exception {
    InventorySnapshot original = inventory.snapshot();
    assertThat(original.categories()).hasSize(9);
    Map<InventoryKind, String> exported = exportAll();

    String categories = exported.get(InventoryKind.CATEGORIES);
    assertThat(categories).startsWith("\uFEFFコード / Code (code),名称(日本語) / Name (Japanese) (name_ja),")
        .contains("\r\nCALL_RECORDING,通話録音,Call recordings,");
    assertThat(exported.get(InventoryKind.PURPOSES)).contains(",CALL_RECORDING;CONTACT_HISTORY;CUSTOMER_CONTACT\r\n");
    assertThat(exported.get(InventoryKind.PROVISIONS)).contains("提供記録の作成(第29条) / Recorded under Art 29 (recorded_art29)")
        .contains(",CONSENT,,,true\r\n");
    assertThat(audit.latest(Inventory.EXPORTED, 4)).extracting(DeskAudit.Entry::detail)
        .containsExactlyInAnyOrder("categories", "purposes", "systems", "provisions");
    assertThat(audit.latest(Inventory.EXPORTED, 4)).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("manager"));

    // empty: every kind replaced by a file with its header only
    Map<InventoryKind, String> headersOnly = new EnumMap<>(InventoryKind.class);
    exported.forEach((kind, text) -> headersOnly.put(kind, text.substring(0, text.indexOf("\r\n") + 2)));
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");
    Page emptied = importFiles(manager, headersOnly);
    assertThat(emptied.status()).isEqualTo(302);
    assertThat(inventory.snapshot().isEmpty()).isTrue();

    Page confirm = upload(manager, exported);
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.document().selectFirst("#import-counts").text()).isEqualTo("追加 30 件、変更 0 件、削除 0 件");
    assertThat(inventory.snapshot().isEmpty()).as("nothing is written before the confirmation").isTrue();
    assertThat(apply(manager, confirm).status()).isEqualTo(302);

    assertThat(inventory.snapshot()).isEqualTo(original);
    assertThat(exportAll()).isEqualTo(exported);
    assertThat(audit.latest(Inventory.IMPORTED, 1)).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("manager");
      assertThat(entry.detail()).isEqualTo("categories provisions purposes systems: 30 added, 0 changed, 0 removed");
    });
  }

  @Test
  void theConfirmationShowsWhatIsAddedChangedAndRemoved() throws Exception {
    String purposes = inventoryCsv(InventoryKind.PURPOSES)
        .replace("Improving the quality of our services and training our staff", "Improving our service quality")
        .replaceAll("\r\nSERVICE_INFORMATION,[^\r]*", "")
        + "NEWSLETTER,メールマガジンの配信,Sending our newsletter,true,CUSTOMER_CONTACT\r\n";
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");

    Page confirm = upload(manager, Map.of(InventoryKind.PURPOSES, purposes));

    assertThat(confirm.document().selectFirst("#import-counts").text()).isEqualTo("追加 1 件、変更 1 件、削除 1 件");
    assertThat(confirm.document().selectFirst("tr[data-code=NEWSLETTER]").attr("data-action")).isEqualTo("ADDED");
    assertThat(confirm.document().selectFirst("tr[data-code=SERVICE_INFORMATION]").attr("data-action"))
        .isEqualTo("REMOVED");
    assertThat(confirm.document().selectFirst("tr[data-code=QUALITY_AND_TRAINING]").text())
        .contains("利用目的(英語): Improving the quality of our services and training our staff → Improving our "
            + "service quality");
    assertThat(apply(manager, confirm).status()).isEqualTo(302);
    assertThat(inventory.entry(InventoryKind.PURPOSES, "NEWSLETTER")).isPresent();
    assertThat(inventory.entry(InventoryKind.PURPOSES, "SERVICE_INFORMATION")).isEmpty();
    assertThat(inventory.snapshot().categories()).hasSize(9);
    assertThat(inventory.history(InventoryKind.PURPOSES, "QUALITY_AND_TRAINING").get(0).actor()).isEqualTo("manager");
  }

  @Test
  void anImportWithOneBadLineChangesNothingAndNamesTheLineAndTheField() throws Exception {
    InventorySnapshot before = inventory.snapshot();
    String categories = inventoryCsv(InventoryKind.CATEGORIES).replace("Call recordings", "Recorded calls")
        + "NEW_CATEGORY,新しい区分,New category,項目,Items,true,,,false,1年,One year,取得,Acquired,CUSTOMER\r\n";
    // line 5: the fourth provision gets a basis that does not exist
    String provisions = inventoryCsv(InventoryKind.PROVISIONS).replace(",PAYROLL_OUTSOURCING,", ",X,")
        .replace("給与計算業務の委託先,Our payroll contractor,ENTRUSTMENT", "給与計算業務の委託先,Our payroll contractor,BRIBERY");
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");

    Page refused = upload(manager, Map.of(InventoryKind.CATEGORIES, categories, InventoryKind.PROVISIONS, provisions));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.document().select("#import-errors li").eachText())
        .containsExactly("第三者提供のCSV 5 行目: 提供の根拠: BRIBERY は選択肢にありません。");
    assertThat(inventory.snapshot()).isEqualTo(before);

    // a reference to a category the import does not have is named at its line too, and refused when applied
    String purposes = inventoryCsv(InventoryKind.PURPOSES).replace("CUSTOMER_CONTACT\r\nASSISTANCE_SERVICES",
        "NO_SUCH_CATEGORY\r\nASSISTANCE_SERVICES");
    Page unknown = upload(manager, Map.of(InventoryKind.PURPOSES, purposes));
    assertThat(unknown.document().select("#import-errors li").eachText())
        .containsExactly("利用目的のCSV 2 行目: 個人情報の区分: 個人情報の区分 NO_SUCH_CATEGORY が台帳にありません。");
    Map<String, String> tampered = new LinkedHashMap<>();
    tampered.put("_csrf", PageClient.csrf(unknown));
    tampered.put("purposes", Base64.getEncoder().encodeToString(purposes.getBytes(StandardCharsets.UTF_8)));
    Page applied = manager.postForm("/desk/inventory/import/apply", tampered);
    assertThat(applied.status()).isEqualTo(400);
    assertThat(inventory.snapshot()).isEqualTo(before);

    // a file that is not what an export looks like
    Page wrongFile = upload(manager, Map.of(InventoryKind.SYSTEMS, "\uFEFFcode,name\r\nA,B\r\n"));
    assertThat(wrongFile.document().select("#import-errors li").eachText()).contains(
        "システムのCSV 1 行目: name: 見出し「name」はこの種類の列ではありません。",
        "システムのCSV 1 行目: 名称(日本語): この列がありません。");
    Page repeated = upload(manager, Map.of(InventoryKind.PURPOSES, inventoryCsv(InventoryKind.PURPOSES)
        + "RECRUITMENT,採用,Recruitment,true,APPLICANT\r\n"));
    assertThat(repeated.document().select("#import-errors li").eachText())
        .containsExactly("利用目的のCSV 11 行目: コード: このコードは 9 行目にもあります。");
    Page nothing = upload(manager, Map.of());
    assertThat(nothing.document().select("#import-errors li").eachText())
        .containsExactly("取り込むファイルを1つ以上選んでください。");
    assertThat(inventory.snapshot()).isEqualTo(before);
  }

  private Map<InventoryKind, String> exportAll() throws Exception {
    Map<InventoryKind, String> files = new EnumMap<>(InventoryKind.class);
    for (InventoryKind kind : InventoryKind.values()) {
      HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
              "http://localhost:" + port + "/desk/inventory/" + kind.path() + ".csv"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "manager:manager-demo-2026".getBytes(StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
      assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("madoguchi-inventory-" + kind.path() + ".csv");
      files.put(kind, new String(answer.body(), StandardCharsets.UTF_8));
    }
    return files;
  }

  private String inventoryCsv(InventoryKind kind) throws Exception {
    return exportAll().get(kind);
  }

  private static Page upload(PageClient manager, Map<InventoryKind, String> files) throws Exception {
    Page form = manager.get("/desk/inventory/import?lang=ja");
    Map<String, FilePart> parts = new LinkedHashMap<>();
    files.forEach((kind, text) -> parts.put(kind.path(), new FilePart(kind.path() + ".csv", "text/csv",
        text.getBytes(StandardCharsets.UTF_8))));
    return manager.postMultipart("/desk/inventory/import", Map.of("_csrf", PageClient.csrf(form)), parts);
  }

  private static Page apply(PageClient manager, Page confirm) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    confirm.document().select("#apply-import input").forEach(input -> fields.put(input.attr("name"), input.val()));
    return manager.postForm("/desk/inventory/import/apply", fields);
  }

  private static Page importFiles(PageClient manager, Map<InventoryKind, String> files) throws Exception {
    Page confirm = upload(manager, files);
    assertThat(confirm.status()).isEqualTo(200);
    return apply(manager, confirm);
  }
}
