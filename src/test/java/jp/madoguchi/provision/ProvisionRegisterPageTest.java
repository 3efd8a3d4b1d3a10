package jp.madoguchi.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.report.DeskAudit;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' register page: a CSV import stores every record of the file or, with one bad line, nothing, naming
 * the line; each search (by person, by recipient, by period) is in the desk's audit trail; desk staff may not open
 * the register.
 */
@DeskTest
class ProvisionRegisterPageTest {

  static final String HEADER = String.join(",", ProvisionCsv.COLUMNS);

  @Autowired JdbcClient jdbc;
  @Autowired DeskAudit audit;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }

  @LocalServerPort int port;

  @Test
  void aCsvImportStoresEveryRecordOrWithOneBadLineNothingAndNamesTheLine() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String bulk = "csv-" + tag + "-1";
    String single = "csv-" + tag + "-2";
    String good = HEADER + "\n"
        + line(bulk, "CONSENT", "2026-10-01", "ヤマダ タロウ", "03-5555-" + tag.substring(0, 4)) + "\n"
        + line(bulk, "CONSENT", "2026-10-01", "スズキ イチロウ", "03-5555-0002") + "\n"
        + line(single, "OPT_OUT", "2026-10-02", "タナカ ハナコ", "03-5555-0003") + "\n";
    String badTag = UUID.randomUUID().toString().substring(0, 8);
    String bad = HEADER + "\n"
        + line("csv-" + badTag + "-1", "CONSENT", "2026-10-01", "ヤマダ タロウ", "03-5555-0001") + "\n"
        + line("csv-" + badTag + "-2", "JOINT_USE", "2026-10-02", "タナカ ハナコ", "03-5555-0003") + "\n";
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");
    PageClient.Page page = manager.get("/desk/provision-records");
    String csrf = page.document().selectFirst("#provision-import input[name=_csrf]").val();

    PageClient.Page refused = manager.postMultipart("/desk/provision-records/import", Map.of("_csrf", csrf),
        Map.of("file", new PageClient.FilePart("records.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))));

    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.document().selectFirst("#import-problems").text())
        .contains("何も取り込んでおりません", "3行目(basis)", "記録を要しません");
    assertThat(count("csv-" + badTag + "-%")).as("nothing of the file").isZero();

    PageClient.Page imported = manager.postMultipart("/desk/provision-records/import", Map.of("_csrf", csrf),
        Map.of("file", new PageClient.FilePart("records.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))));

    assertThat(imported.status()).isEqualTo(302);
    assertThat(count("csv-" + tag + "-%")).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provision_person p JOIN provision_record r ON r.id = p.record_id "
        + "WHERE r.source_id = ?").param(bulk).query(Integer.class).single()).isEqualTo(2);
    assertThat(audit.latest(ProvisionAudit.RECORDS_IMPORTED, 5)).anySatisfy(entry -> {
      assertThat(entry.actor()).isEqualTo("manager");
      assertThat(entry.detail()).contains("records.csv", "2 record(s)");
    });
  }

  @Test
  void everySearchOfTheRegisterIsInTheAuditTrail() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");
    String csrf = manager.get("/desk/provision-records").document()
        .selectFirst("#provision-import input[name=_csrf]").val();
    String csv = HEADER + "\n" + line("search-" + tag, "CONSENT", "2026-09-15", "ミナミ サクラ", "090-7777-0001")
        + "\n";
    manager.postMultipart("/desk/provision-records/import", Map.of("_csrf", csrf),
        Map.of("file", new PageClient.FilePart("one.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
    int before = audit.latest(ProvisionAudit.REGISTER_SEARCHED, 1000).size();

    PageClient.Page byPerson = manager.get("/desk/provision-records?identifier=%EF%BC%90%EF%BC%99%EF%BC%90-7777-0001");
    PageClient.Page byRecipient = manager.get("/desk/provision-records?counterparty=POINT-PARTNER-" + tag);
    PageClient.Page byPeriod = manager.get("/desk/provision-records?from=2026-09-15&to=2026-09-15");

    assertThat(byPerson.document().select("tr[data-record]")).hasSize(1);
    assertThat(byPerson.document().selectFirst("tr[data-record]").text()).contains("search-" + tag);
    assertThat(byRecipient.document().select("tr[data-record]")).hasSize(1);
    assertThat(byPeriod.document().select("tr[data-record]").text()).contains("search-" + tag);
    List<DeskAudit.Entry> searches = audit.latest(ProvisionAudit.REGISTER_SEARCHED, 1000);
    assertThat(searches).hasSize(before + 3);
    assertThat(searches.subList(0, 3)).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("manager"));
    assertThat(searches.get(0).detail()).contains("from 2026-09-15", "to 2026-09-15");
    assertThat(searches.get(1).detail()).contains("recipient or provider: POINT-PARTNER-" + tag);
    assertThat(searches.get(2).detail()).contains("identifier").doesNotContain("7777");

    PageClient desk = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    assertThat(desk.get("/desk/provision-records").status()).as("desk staff").isEqualTo(403);
  }

  /** One person's line of a record to a recipient whose code ends in the record's tag. */
  private String line(String sourceId, String basis, String date, String kana, String phone) {
    String tag = sourceId.replaceAll("^[a-z]+-", "").replaceAll("-\\d+$", "");
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER-" + tag);
    return String.join(",", sourceId, "PROVIDED", basis, "OTHER", date, date, "株式会社提携ポイント", "", "",
        "", "", "氏名|電話番号", "CUSTOMERS", "POINT-PARTNER-" + tag, "", kana, "1980-04-01", "", phone, "", "");
  }

  private int count(String pattern) {
    return jdbc.sql("SELECT COUNT(*) FROM provision_record WHERE source_id LIKE ?").param(pattern)
        .query(Integer.class).single();
  }
}
