package jp.madoguchi.provision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Records as the company's systems send them, a technical user that may send them, and the desk's clock. */
final class ProvisionFixtures {

  static final String RECORDER = "crm-system";
  static final String RECORDER_PASSWORD = "crm-system-secret-2026";

  private ProvisionFixtures() {}

  /** A member of provision-recorders and nothing else, created once. */
  static void ensureRecorder(IdentityService identity) {
    if (identity.createUserQuery().userId(RECORDER).count() == 0) {
      User user = identity.newUser(RECORDER);
      user.setFirstName("CRM");
      user.setLastName("System");
      user.setPassword(RECORDER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(RECORDER, DeskGroups.PROVISION_RECORDERS);
    }
  }

  /** A source id no other test uses. */
  static String sourceId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** A consent provision to one recipient, of one person, as a JSON-ready map. */
  static Map<String, Object> provided(String sourceId, String recordForm, LocalDate recordedOn,
      List<Map<String, Object>> persons) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("sourceId", sourceId);
    record.put("direction", "PROVIDED");
    record.put("basis", "CONSENT");
    record.put("recordForm", recordForm);
    record.put("recordedOn", recordedOn.toString());
    record.put("providedOn", recordedOn.toString());
    record.put("counterparty", Map.of("name", "株式会社提携ポイント"));
    record.put("dataItems", List.of("氏名", "電話番号", "購入履歴"));
    record.put("categoryCode", "CUSTOMERS");
    record.put("recipientCode", "POINT-PARTNER");
    record.put("persons", persons);
    return record;
  }

  /** A receipt from a provider, which needs the provider's address, representative and how it acquired the data. */
  static Map<String, Object> received(String sourceId, LocalDate receivedOn, List<Map<String, Object>> persons) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("sourceId", sourceId);
    record.put("direction", "RECEIVED");
    record.put("basis", "OPT_OUT");
    record.put("recordForm", "OTHER");
    record.put("recordedOn", receivedOn.toString());
    record.put("providedOn", receivedOn.toString());
    record.put("counterparty", Map.of("name", "名簿販売株式会社", "address", "東京都港区芝1-1-1",
        "representative", "代表取締役 名簿太郎"));
    record.put("acquisition", "公開情報から収集");
    record.put("ppcNotificationConfirmed", true);
    record.put("dataItems", List.of("氏名", "住所"));
    record.put("persons", persons);
    return record;
  }

  static Map<String, Object> person(String name, String kana, String birthDate, String phone, String email) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", name);
    person.put("nameKana", kana);
    person.put("birthDate", birthDate);
    person.put("phone", phone);
    person.put("email", email);
    return person;
  }

  static List<Map<String, Object>> persons(int count, String prefix) {
    List<Map<String, Object>> persons = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      persons.add(person("会員 " + prefix + i, null, null, null, prefix + i + "@example.jp"));
    }
    return persons;
  }

  /** The desk's clock (the engine's) at noon UTC of this day. */
  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T03:00:00Z")));
  }

  static void realClock() {
    ClockUtil.reset();
  }

  /**
   * Puts into the data inventory, when missing, the category and the provision to a recipient that the records of
   * these fixtures name by code: the register refuses codes the inventory does not know.
   */
  static void inInventory(jp.madoguchi.inventory.Inventory inventory, String categoryCode, String provisionCode) {
    if (inventory.entry(jp.madoguchi.inventory.InventoryKind.CATEGORIES, categoryCode).isEmpty()) {
      inventory.create(new jp.madoguchi.inventory.DataCategory(categoryCode, "お客様の連絡先", "Customer contacts",
          "氏名、電話番号", "Name, phone", true, null, null, false, "5年", "Five years", "お申込み", "Applications",
          List.of(jp.madoguchi.inventory.Relationship.CUSTOMER)), "test");
    }
    if (inventory.entry(jp.madoguchi.inventory.InventoryKind.PROVISIONS, provisionCode).isEmpty()) {
      inventory.create(new jp.madoguchi.inventory.Provision(provisionCode, categoryCode, "株式会社提携ポイント",
          "Partner Points Co., Ltd.", jp.madoguchi.inventory.LegalBasis.CONSENT, null, null), "test");
    }
  }
}
