package jp.madoguchi.provision;

import static jp.madoguchi.provision.ProvisionFixtures.person;
import static jp.madoguchi.provision.ProvisionFixtures.provided;
import static jp.madoguchi.provision.ProvisionFixtures.sourceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.report.DeskAudit;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The nightly purge, by moving the desk's clock: each of the three PPC rules keeps a record through the last day of
 * its period and deletes it the day after; a further provision moves a continuing record's period; each purge is
 * counted into the desk's audit trail; the next run and how many records it will delete show on the register page.
 */
@DeskTest
class ProvisionPurgeTest {

  static final LocalDate MADE = LocalDate.of(2020, 3, 10);

  @Autowired ProvisionRegister register;
  @Autowired ProvisionPurge purge;
  @Autowired ObjectMapper json;
  @Autowired DeskAudit audit;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }

  @LocalServerPort int port;

  @AfterEach
  void realClock() {
    ProvisionFixtures.realClock();
  }

  @Test
  void eachRuleDeletesTheDayAfterItsPeriodAndAFurtherProvisionMovesAContinuingRecord() throws Exception {
    ProvisionFixtures.today(MADE);
    String contract = store("contract", "CONTRACT_FOR_PERSON", MADE);
    String bulk = store("bulk", "BULK_CONTINUING", MADE);
    String continued = store("continued", "BULK_CONTINUING", MADE);
    String other = store("other", "OTHER", MADE.minusDays(20));
    ProvisionFixtures.today(LocalDate.of(2021, 6, 1));
    register.addProvision(continued, continued + "-2", "2021-06-01", "crm-system");
    register.addProvision(other, other + "-2", "2021-06-01", "crm-system");

    // 1 year after the last provision for a contract or similar document tied to the person's goods or services
    assertThat(survivorsOn(LocalDate.of(2021, 3, 10), contract)).containsExactly(contract);
    assertThat(survivorsOn(LocalDate.of(2021, 3, 11), contract)).isEmpty();

    // 3 years after the last provision for bulk records of continuing provision, and the further provision moved
    // one; 3 years after it was made for any other record, whatever was provided under it later
    assertThat(survivorsOn(LocalDate.of(2023, 3, 10), bulk, continued, other)).containsExactly(bulk, continued, other);
    assertThat(survivorsOn(LocalDate.of(2023, 3, 11), bulk, continued, other)).containsExactly(continued);
    assertThat(survivorsOn(LocalDate.of(2024, 6, 1), continued)).containsExactly(continued);

    assertThat(audit.latest(ProvisionAudit.RECORDS_PURGED, 10)).isNotEmpty()
        .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("system"))
        .anySatisfy(entry -> assertThat(entry.detail()).startsWith("1 record(s) kept until before 2021-03-11"));

    // the evening before its last purge: the page names the next run and the one record it will delete
    ProvisionFixtures.today(LocalDate.of(2024, 6, 1));
    assertThat(purge.nextRun().due()).isEqualTo(1);
    PageClient.Page page = PageClient.loggedIn(port, "manager", "manager-demo-2026").get("/desk/provision-records");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().selectFirst("#next-purge").text())
        .contains("2024年6月2日", "2:40", "削除の対象となる記録:1件");

    assertThat(survivorsOn(LocalDate.of(2024, 6, 2), continued)).isEmpty();
  }

  /** Runs the nightly job with the clock on {@code day}; which of the records are still there. */
  private List<String> survivorsOn(LocalDate day, String... sourceIds) {
    ProvisionFixtures.today(day);
    purge.purgeExpired();
    return List.of(sourceIds).stream().filter(id -> register.findBySourceId(id).isPresent()).toList();
  }

  private String store(String prefix, String form, LocalDate providedOn) {
    String id = sourceId(prefix);
    Map<String, Object> record = provided(id, form, MADE,
        List.of(person("山田 太郎", null, "1980-04-01", null, id + "@example.jp")));
    record.put("providedOn", providedOn.toString());
    register.store(List.of(json.convertValue(record, ProvisionRecordInput.class)), "crm-system");
    return id;
  }
}
