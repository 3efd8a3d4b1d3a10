package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryEntry;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.UsePurpose;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The published items (Art 32(1)) on the public page {@code /notice}, without a login: the company, the published
 * purposes of its retained data from the inventory (not those of data held for a client, nor unpublished ones), the
 * fees from the request-fee decision table, the security measures, the complaint contact and the accredited
 * organisation, in Japanese and English.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticePageTest {

  @LocalServerPort int port;
  @Autowired Inventory inventory;
  @Autowired RequestFees fees;

  @BeforeAll
  void purposes() {
    plantNoticeInventory(inventory);
  }

  /** A retained category with a published and an unpublished purpose, and an entrusted one with its own purpose. */
  static void plantNoticeInventory(Inventory inventory) {
    if (inventory.entry(InventoryKind.CATEGORIES, "NOTICE_MEMBERS").isPresent()) {
      return;
    }
    inventory.create(InventoryEntry.read(InventoryKind.CATEGORIES, category("NOTICE_MEMBERS", "true", "")), "test");
    inventory.create(InventoryEntry.read(InventoryKind.CATEGORIES, category("NOTICE_CLIENT_DATA", "false",
        "サンプル信販株式会社")), "test");
    inventory.create(InventoryEntry.read(InventoryKind.PURPOSES, Map.of("code", "NOTICE_PUBLISHED",
        "text_ja", "会員サービスのご提供", "text_en", "Providing our membership services", "published", "true",
        "categories", "NOTICE_MEMBERS")), "test");
    inventory.create(InventoryEntry.read(InventoryKind.PURPOSES, Map.of("code", "NOTICE_UNPUBLISHED",
        "text_ja", "社内だけの目的", "text_en", "An internal purpose", "published", "false",
        "categories", "NOTICE_MEMBERS")), "test");
    inventory.create(InventoryEntry.read(InventoryKind.PURPOSES, Map.of("code", "NOTICE_CLIENTS_PURPOSE",
        "text_ja", "委託元の業務の代行", "text_en", "Doing a client's business", "published", "true",
        "categories", "NOTICE_CLIENT_DATA")), "test");
  }

  private static Map<String, String> category(String code, String retained, String client) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", code);
    fields.put("name_ja", "区分 " + code);
    fields.put("name_en", "Category " + code);
    fields.put("data_items_ja", "氏名");
    fields.put("data_items_en", "Name");
    fields.put("retained", retained);
    fields.put("client_name", client);
    fields.put("specific_personal_information", "false");
    fields.put("retention_ja", "1年");
    fields.put("retention_en", "One year");
    fields.put("source_ja", "申込書");
    fields.put("source_en", "Application");
    fields.put("relationships", "false".equals(retained) ? "CLIENT_CUSTOMER" : "CUSTOMER");
    return fields;
  }

  @Test
  void anyoneReadsThePublishedItemsInJapanese() throws Exception {
    Page page = new PageClient(port).get("/notice?lang=ja");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.response().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
    assertThat(page.document().selectFirst("h1").text()).isEqualTo("保有個人データに関する公表事項");
    assertThat(page.document().selectFirst("#company-name").text()).isEqualTo("株式会社窓口サンプル");
    assertThat(page.document().selectFirst("#company-address").text()).isEqualTo("〒100-0005 東京都千代田区丸の内一丁目1番1号");
    assertThat(page.document().selectFirst("#company-representative").text()).isEqualTo("代表取締役 窓口 一郎");
    List<String> shown = page.document().select("#purposes li").eachText();
    assertThat(shown).contains("会員サービスのご提供").doesNotContain("社内だけの目的", "委託元の業務の代行");
    assertThat(shown).containsExactlyElementsOf(inventory.publishedPurposesOfRetainedData().stream()
        .map(purpose -> purpose.text("ja")).toList());
    assertThat(page.document().selectFirst("#fees tr[data-type=DISCLOSURE] td").text())
        .isEqualTo(String.format("%,d円", fees.feeYen(RequestType.DISCLOSURE)));
    assertThat(page.document().selectFirst("#fees tr[data-type=CORRECTION] td").text())
        .isEqualTo(fees.feeYen(RequestType.CORRECTION) == 0 ? "無料"
            : String.format("%,d円", fees.feeYen(RequestType.CORRECTION)));
    assertThat(page.document().select("#fees tbody tr")).hasSize(RequestType.values().length - 1);
    assertThat(page.document().select("#security-measures li")).hasSize(5);
    assertThat(page.document().selectFirst("#complaint-contact").text()).contains("03-0000-0000",
        "privacy-desk@example.jp");
    assertThat(page.document().selectFirst("#accredited-organisation").text()).contains("JIPDEC");
    assertThat(page.html()).doesNotContain("??");
  }

  @Test
  void andInEnglish() throws Exception {
    Page page = new PageClient(port).get("/notice?lang=en");

    assertThat(page.document().selectFirst("h1").text()).isEqualTo("About the personal data we hold");
    assertThat(page.document().selectFirst("#company-name").text()).isEqualTo("Madoguchi Sample Co., Ltd.");
    assertThat(page.document().select("#purposes li").eachText()).contains("Providing our membership services")
        .doesNotContain("An internal purpose", "Doing a client's business")
        .hasSize(inventory.publishedPurposesOfRetainedData().size());
    assertThat(page.document().selectFirst("#fees tr[data-type=DISCLOSURE] td").text())
        .isEqualTo(String.format("JPY %,d", fees.feeYen(RequestType.DISCLOSURE)));
    assertThat(inventory.publishedPurposesOfRetainedData()).extracting(UsePurpose::code)
        .contains("NOTICE_PUBLISHED").doesNotContain("NOTICE_UNPUBLISHED", "NOTICE_CLIENTS_PURPOSE");
    assertThat(page.html()).doesNotContain("??");
  }
}
