package jp.madoguchi.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.report.DeskAudit;
import jp.madoguchi.support.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Managers keep the data inventory on the desk's pages: what they add appears in the lists, with its history and in
 * the desk's audit trail; desk staff read it and cannot change it, designers do not see it; every form names the
 * field that is wrong and changes nothing. Each test uses codes of its own (the application context is shared).
 */
@DeskTest
class InventoryPagesTest {

  @LocalServerPort int port;
  @Autowired Inventory inventory;
  @Autowired DeskAudit audit;

  @Test
  void aManagerAddsACategoryASystemAndAPurposeThatAppearInTheListsWithTheirHistory() throws Exception {
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");

    Page added = post(manager, "/desk/inventory/categories/new", "/desk/inventory/categories",
        category("PAGES_LOYALTY_MEMBERS", "ポイント会員の情報", "Loyalty members"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(added.response().headers().firstValue("Location").orElseThrow())
        .endsWith("/desk/inventory/categories/PAGES_LOYALTY_MEMBERS?saved");
    assertThat(post(manager, "/desk/inventory/systems/new", "/desk/inventory/systems", Map.of(
        "code", "PAGES_LOYALTY_SYSTEM", "name_ja", "ポイント管理システム", "name_en", "Loyalty points system",
        "owning_group", "loyalty-team", "specific_information_entitled", "false", "search_kind", "MANUAL",
        "categories", "PAGES_LOYALTY_MEMBERS")).status()).isEqualTo(302);
    assertThat(post(manager, "/desk/inventory/purposes/new", "/desk/inventory/purposes", Map.of(
        "code", "PAGES_LOYALTY_POINTS", "text_ja", "ポイントの付与及び特典のご案内",
        "text_en", "Awarding points and telling members about their benefits", "published", "true",
        "categories", "PAGES_LOYALTY_MEMBERS")).status()).isEqualTo(302);

    Page list = manager.get("/desk/inventory");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.document().select("#list-categories tr[data-code=PAGES_LOYALTY_MEMBERS]").text())
        .contains("ポイント会員の情報", "保有個人データ");
    assertThat(list.document().select("#list-systems tr[data-code=PAGES_LOYALTY_SYSTEM]").text())
        .contains("ポイント管理システム", "loyalty-team");
    assertThat(list.document().select("#list-purposes tr[data-code=PAGES_LOYALTY_POINTS]").text())
        .contains("ポイントの付与及び特典のご案内");
    assertThat(list.html()).doesNotContain("??");
    Page systemsOnly = manager.get("/desk/inventory/systems");
    assertThat(systemsOnly.document().selectFirst("h1").text()).isEqualTo("システム");
    assertThat(systemsOnly.document().selectFirst("#list-systems tr[data-code=PAGES_LOYALTY_SYSTEM]")).isNotNull();
    assertThat(systemsOnly.document().selectFirst("#list-categories")).isNull();

    Page system = manager.get("/desk/inventory/systems/PAGES_LOYALTY_SYSTEM?lang=en");
    assertThat(system.document().selectFirst("dd[data-field=categories]").text())
        .isEqualTo("Loyalty members (PAGES_LOYALTY_MEMBERS)");
    assertThat(system.document().selectFirst("#history").text()).contains("manager", "Added", "Loyalty points system");
    assertThat(inventory.systemsFor(List.of("PAGES_LOYALTY_MEMBERS"))).extracting(HoldingSystem::code)
        .containsExactly("PAGES_LOYALTY_SYSTEM");
    assertThat(inventory.purposesFor(List.of("PAGES_LOYALTY_MEMBERS"))).extracting(UsePurpose::code)
        .containsExactly("PAGES_LOYALTY_POINTS");
    assertThat(inventory.categoriesFor(Relationship.CUSTOMER)).extracting(DataCategory::code)
        .contains("PAGES_LOYALTY_MEMBERS");

    // a change is recorded field by field, before and after
    Map<String, String> changed = category("PAGES_LOYALTY_MEMBERS", "ポイント会員の情報", "Loyalty members");
    changed.put("retention_ja", "退会後5年");
    assertThat(post(manager, "/desk/inventory/categories/PAGES_LOYALTY_MEMBERS/edit",
        "/desk/inventory/categories/PAGES_LOYALTY_MEMBERS", changed).status()).isEqualTo(302);
    Page category = manager.get("/desk/inventory/categories/PAGES_LOYALTY_MEMBERS?lang=ja");
    assertThat(category.document().selectFirst("dd[data-field=retention_ja]").text()).isEqualTo("退会後5年");
    assertThat(category.document().select("#history tbody tr")).hasSize(2);
    assertThat(category.document().select("#history tbody tr").get(0).text())
        .contains("manager", "変更", "保存期間(日本語): 退会後1年 → 退会後5年");
    assertThat(inventory.history(InventoryKind.CATEGORIES, "PAGES_LOYALTY_MEMBERS").get(0).fields())
        .singleElement().isEqualTo(new InventoryChange.FieldChange("retention_ja", "退会後1年", "退会後5年"));

    assertThat(audit.latest(Inventory.CHANGED, 10)).extracting(DeskAudit.Entry::detail)
        .contains("categories PAGES_LOYALTY_MEMBERS changed: retention_ja")
        .anyMatch(detail -> detail.startsWith("categories PAGES_LOYALTY_MEMBERS added: code, name_ja"))
        .anyMatch(detail -> detail.startsWith("systems PAGES_LOYALTY_SYSTEM added:"))
        .anyMatch(detail -> detail.startsWith("purposes PAGES_LOYALTY_POINTS added:"));
    assertThat(audit.latest(Inventory.CHANGED, 4)).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("manager"));

    // a purpose is removed; a category still referred to is not
    assertThat(post(manager, "/desk/inventory/categories/PAGES_LOYALTY_MEMBERS",
        "/desk/inventory/categories/PAGES_LOYALTY_MEMBERS/delete", Map.of()).status()).isEqualTo(409);
    assertThat(inventory.entry(InventoryKind.CATEGORIES, "PAGES_LOYALTY_MEMBERS")).isPresent();
    assertThat(post(manager, "/desk/inventory/purposes/PAGES_LOYALTY_POINTS",
        "/desk/inventory/purposes/PAGES_LOYALTY_POINTS/delete", Map.of()).status()).isEqualTo(302);
    assertThat(inventory.entry(InventoryKind.PURPOSES, "PAGES_LOYALTY_POINTS")).isEmpty();
    assertThat(inventory.history(InventoryKind.PURPOSES, "PAGES_LOYALTY_POINTS").get(0).action())
        .isEqualTo(InventoryChange.Action.REMOVED);
  }

  @Test
  void deskStaffReadTheInventoryButCannotChangeItAndDesignersDoNotSeeIt() throws Exception {
    inventory.create(InventoryEntry.read(InventoryKind.CATEGORIES, category("PAGES_READ_ONLY", "閲覧用", "Read only")),
        "manager");
    for (String user : List.of("desk", "specialist")) {
      PageClient desk = PageClient.loggedIn(port, user, user + "-demo-2026");
      Page list = desk.get("/desk/inventory");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.document().selectFirst("#list-categories tr[data-code=PAGES_READ_ONLY]")).isNotNull();
      assertThat(list.document().selectFirst("#add-categories")).isNull();
      assertThat(desk.get("/desk/inventory/categories/PAGES_READ_ONLY").status()).isEqualTo(200);
      assertThat(desk.get("/desk/inventory/categories/new").status()).isEqualTo(403);
      assertThat(desk.get("/desk/inventory/import").status()).isEqualTo(403);

      String csrf = PageClient.csrf(list);
      Map<String, String> form = category("PAGES_BY_DESK", "窓口が追加", "Added by the desk");
      form.put("_csrf", csrf);
      assertThat(desk.postForm("/desk/inventory/categories", form).status()).isEqualTo(403);
      assertThat(desk.postForm("/desk/inventory/categories/PAGES_READ_ONLY/delete", Map.of("_csrf", csrf))
          .status()).isEqualTo(403);
      assertThat(desk.postForm("/desk/inventory/import/apply", Map.of("_csrf", csrf, "categories", ""))
          .status()).isEqualTo(403);
    }
    assertThat(inventory.entry(InventoryKind.CATEGORIES, "PAGES_BY_DESK")).isEmpty();
    assertThat(inventory.entry(InventoryKind.CATEGORIES, "PAGES_READ_ONLY")).isPresent();
    assertThat(PageClient.loggedIn(port, "designer", "designer-demo-2026").get("/desk/inventory").status())
        .isEqualTo(403);
  }

  @Test
  void badInputOnEveryFormIsAClearErrorNamingTheFieldAndChangesNothing() throws Exception {
    PageClient manager = PageClient.loggedIn(port, "manager", "manager-demo-2026");
    List<DeskAudit.Entry> changesBefore = audit.latest(Inventory.CHANGED, 1);

    Map<String, String> noName = category("PAGES_BAD", "", "No Japanese name");
    noName.put("retained", "false");
    Page category = post(manager, "/desk/inventory/categories/new", "/desk/inventory/categories", noName);
    assertThat(category.status()).isEqualTo(400);
    assertThat(errors(category)).contains("名称(日本語): 入力してください。",
        "委託元: 保有個人データでない場合は、委託元を入力してください。");
    assertThat(category.document().selectFirst("#name_ja-error")).isNotNull();
    assertThat(category.document().selectFirst("input#name_en").val()).isEqualTo("No Japanese name");

    Page badCode = post(manager, "/desk/inventory/categories/new?lang=en", "/desk/inventory/categories",
        category("lower-case", "小文字", "Lower case"));
    assertThat(errors(badCode)).containsExactly(
        "Code: Use 2 to 64 capital letters, digits and underscores, starting with a capital letter.");

    Page system = post(manager, "/desk/inventory/systems/new?lang=ja", "/desk/inventory/systems", Map.of(
        "code", "PAGES_BAD_SYSTEM", "name_ja", "システム", "name_en", "System", "owning_group", "no spaces allowed",
        "specific_information_entitled", "maybe", "search_kind", "ROBOT", "categories", "NO_SUCH_CATEGORY"));
    assertThat(system.status()).isEqualTo(400);
    assertThat(errors(system)).contains(
        "所管グループ: グループIDは英数字・下線・ハイフンで64文字以内にしてください。",
        "特定個人情報を取り扱える: true(はい)又は false(いいえ)にしてください。",
        "検索の方法: ROBOT は選択肢にありません。");

    Page purpose = post(manager, "/desk/inventory/purposes/new", "/desk/inventory/purposes", Map.of(
        "code", "PAGES_BAD_PURPOSE", "text_ja", "目的", "text_en", "Purpose", "published", "true",
        "categories", "NO_SUCH_CATEGORY"));
    assertThat(errors(purpose)).containsExactly("個人情報の区分: 個人情報の区分 NO_SUCH_CATEGORY が台帳にありません。");

    inventory.create(InventoryEntry.read(InventoryKind.CATEGORIES, myNumberCategory("PAGES_MY_NUMBER")), "manager");
    Page provision = post(manager, "/desk/inventory/provisions/new", "/desk/inventory/provisions", Map.of(
        "code", "PAGES_BAD_PROVISION", "category", "PAGES_MY_NUMBER", "recipient_ja", "提携先",
        "recipient_en", "Partner", "legal_basis", "CONSENT", "joint_use_items_ja", "項目"));
    assertThat(errors(provision)).containsExactly("共同利用の公表事項(日本語): 共同利用でない場合は、空欄にしてください。");
    Page myNumber = post(manager, "/desk/inventory/provisions/new", "/desk/inventory/provisions", Map.of(
        "code", "PAGES_BAD_PROVISION", "category", "PAGES_MY_NUMBER", "recipient_ja", "提携先",
        "recipient_en", "Partner", "legal_basis", "CONSENT"));
    assertThat(errors(myNumber)).containsExactly("提供の根拠: PAGES_MY_NUMBER は特定個人情報を含むため、委託又は法令に基づく場合の"
        + "ほかは提供できません。");
    Page jointUse = post(manager, "/desk/inventory/provisions/new", "/desk/inventory/provisions", Map.of(
        "code", "PAGES_BAD_PROVISION", "category", "PAGES_MY_NUMBER", "recipient_ja", "",
        "recipient_en", "Partner", "legal_basis", "JOINT_USE"));
    assertThat(errors(jointUse)).contains("提供先(日本語): 入力してください。",
        "共同利用の公表事項(日本語): 共同利用の場合は、公表事項を入力してください。");

    Map<String, String> taken = myNumberCategory("PAGES_MY_NUMBER");
    assertThat(errors(post(manager, "/desk/inventory/categories/new", "/desk/inventory/categories", taken)))
        .containsExactly("コード: このコードは既に使われています。");

    Map<String, String> tooLong = myNumberCategory("PAGES_MY_NUMBER");
    tooLong.put("name_en", "x".repeat(201));
    tooLong.put("relationships", "");
    Page edit = post(manager, "/desk/inventory/categories/PAGES_MY_NUMBER/edit",
        "/desk/inventory/categories/PAGES_MY_NUMBER", tooLong);
    assertThat(edit.status()).isEqualTo(400);
    assertThat(errors(edit)).containsExactly("名称(英語): 200文字以内で入力してください。", "本人との関係: 入力してください。");
    assertThat(((DataCategory) inventory.entry(InventoryKind.CATEGORIES, "PAGES_MY_NUMBER").orElseThrow()).nameEn())
        .isEqualTo("Employees' numbers");

    assertThat(inventory.entry(InventoryKind.CATEGORIES, "PAGES_BAD")).isEmpty();
    assertThat(inventory.entry(InventoryKind.SYSTEMS, "PAGES_BAD_SYSTEM")).isEmpty();
    assertThat(inventory.entry(InventoryKind.PURPOSES, "PAGES_BAD_PURPOSE")).isEmpty();
    assertThat(inventory.entry(InventoryKind.PROVISIONS, "PAGES_BAD_PROVISION")).isEmpty();
    // only the category created directly above was recorded
    List<DeskAudit.Entry> changesAfter = audit.latest(Inventory.CHANGED, 2);
    assertThat(changesAfter.get(0).detail()).startsWith("categories PAGES_MY_NUMBER added:");
    assertThat(changesAfter.subList(1, changesAfter.size())).isEqualTo(changesBefore);
  }

  static Map<String, String> category(String code, String nameJa, String nameEn) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", code);
    fields.put("name_ja", nameJa);
    fields.put("name_en", nameEn);
    fields.put("data_items_ja", "氏名、会員番号、ポイント残高");
    fields.put("data_items_en", "Name, member number, points");
    fields.put("retained", "true");
    fields.put("client_name", "");
    fields.put("client_contact", "");
    fields.put("specific_personal_information", "false");
    fields.put("retention_ja", "退会後1年");
    fields.put("retention_en", "One year after leaving");
    fields.put("source_ja", "入会申込書");
    fields.put("source_en", "Membership application");
    fields.put("relationships", "CUSTOMER");
    return fields;
  }

  static Map<String, String> myNumberCategory(String code) {
    Map<String, String> fields = category(code, "従業者の個人番号", "Employees' numbers");
    fields.put("specific_personal_information", "true");
    fields.put("relationships", "EMPLOYEE_OR_APPLICANT");
    return fields;
  }

  /** Posts a form as the page at {@code formPage} would (with its CSRF token). */
  static Page post(PageClient browser, String formPage, String action, Map<String, String> fields)
      throws Exception {
    Page form = browser.get(formPage);
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", form.document().select("form input[name=_csrf]").last().val());
    int language = formPage.indexOf("lang=");
    return browser.postForm(action + (language < 0 ? "" : "?" + formPage.substring(language)), all);
  }

  static List<String> errors(Page page) {
    return page.document().select("#error-summary li").eachText();
  }
}
