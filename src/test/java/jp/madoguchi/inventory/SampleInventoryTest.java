package jp.madoguchi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded default's sample inventory (a contact-centre company, from the seed policies) is loaded into an empty
 * inventory only, when configured; the test profile does not load it, so this test calls the loader itself.
 */
@DeskTest
class SampleInventoryTest {

  @Autowired Inventory inventory;
  @Autowired InventoryCsv csv;

  @Test
  void theSampleFillsAnEmptyInventoryWhenConfiguredAndNothingElse() {
    Map<InventoryKind, List<InventoryEntry>> nothing = new EnumMap<>(InventoryKind.class);
    for (InventoryKind kind : InventoryKind.values()) {
      nothing.put(kind, List.of());
    }
    inventory.replace(nothing, "sample-test");

    new SampleInventory(new InventoryProperties(false), inventory, csv).loadIntoAnEmptyInventory();
    assertThat(inventory.snapshot().isEmpty()).as("not configured: not loaded").isTrue();

    new SampleInventory(new InventoryProperties(true), inventory, csv).loadIntoAnEmptyInventory();
    InventorySnapshot loaded = inventory.snapshot();
    assertThat(loaded.categories()).extracting(DataCategory::code).contains("CUSTOMER_CONTACT", "CALL_RECORDING",
        "CONTACT_HISTORY", "APPLICANT", "EMPLOYEE", "EMPLOYEE_MY_NUMBER", "CLIENT_CUSTOMER_DATA");
    assertThat(loaded.categories()).filteredOn(DataCategory::entrusted)
        .allSatisfy(category -> assertThat(category.clientName()).isEqualTo("サンプル損害保険株式会社"));
    assertThat(loaded.provisions()).extracting(Provision::legalBasis)
        .contains(LegalBasis.ENTRUSTMENT, LegalBasis.JOINT_USE, LegalBasis.LEGAL_OBLIGATION, LegalBasis.CONSENT);
    assertThat(inventory.history(InventoryKind.CATEGORIES, "CUSTOMER_CONTACT").get(0).actor())
        .isEqualTo(SampleInventory.ACTOR);

    // loaded once: a second start changes nothing
    int history = inventory.history(InventoryKind.CATEGORIES, "CUSTOMER_CONTACT").size();
    new SampleInventory(new InventoryProperties(true), inventory, csv).loadIntoAnEmptyInventory();
    assertThat(inventory.history(InventoryKind.CATEGORIES, "CUSTOMER_CONTACT")).hasSize(history);
    assertThat(inventory.snapshot()).isEqualTo(loaded);
  }
}
