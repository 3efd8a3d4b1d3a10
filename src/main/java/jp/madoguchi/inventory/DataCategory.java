package jp.madoguchi.inventory;

import java.util.List;
import java.util.Map;

/**
 * A category of personal information (e.g. the contact details of the company's customers, call recordings).
 *
 * @param code the stable code
 * @param nameJa the name in Japanese
 * @param nameEn the name in English
 * @param dataItemsJa the data items it holds, in Japanese
 * @param dataItemsEn the data items it holds, in English
 * @param retained retained personal data (保有個人データ: the company decides on disclosure etc.); false when held for
 *     a client (entrusted), whose requests the client answers
 * @param clientName the client the data is held for (only when not retained)
 * @param clientContact the client's contact for referring a requester (only when not retained)
 * @param specificPersonalInformation whether it includes specific personal information (My Number)
 * @param retentionJa how long it is kept, in Japanese
 * @param retentionEn how long it is kept, in English
 * @param sourceJa how it is acquired, in Japanese
 * @param sourceEn how it is acquired, in English
 * @param relationships whose data it is (the requester's relationship to the company)
 */
public record DataCategory(String code, String nameJa, String nameEn, String dataItemsJa, String dataItemsEn,
    boolean retained, String clientName, String clientContact, boolean specificPersonalInformation,
    String retentionJa, String retentionEn, String sourceJa, String sourceEn, List<Relationship> relationships)
    implements InventoryEntry {

  public DataCategory {
    relationships = relationships.stream().distinct().sorted().toList();
  }

  @Override
  public InventoryKind kind() {
    return InventoryKind.CATEGORIES;
  }

  /** Held for a client (entrusted): the client answers requests about it. */
  public boolean entrusted() {
    return !retained;
  }

  public String name(String language) {
    return "en".equals(language) ? nameEn : nameJa;
  }

  @Override
  public Map<String, String> row() {
    return InventoryEntry.row(kind(), "code", code, "name_ja", nameJa, "name_en", nameEn, "data_items_ja",
        dataItemsJa, "data_items_en", dataItemsEn, "retained", retained, "client_name", clientName,
        "client_contact", clientContact, "specific_personal_information", specificPersonalInformation,
        "retention_ja", retentionJa, "retention_en", retentionEn, "source_ja", sourceJa, "source_en", sourceEn,
        "relationships", relationships.stream().map(Enum::name).toList());
  }

  static DataCategory read(RowReader row) {
    String code = row.code();
    boolean retained = row.bool("retained");
    String clientName = row.optional("client_name", 200);
    String clientContact = row.optional("client_contact", 500);
    if (!retained && clientName == null) {
      row.problem("client_name", "inventory.error.clientNeeded");
    }
    if (retained && (clientName != null || clientContact != null)) {
      row.problem(clientName != null ? "client_name" : "client_contact", "inventory.error.clientOfRetained");
    }
    return new DataCategory(code, row.text("name_ja", 200), row.text("name_en", 200),
        row.text("data_items_ja", 2000), row.text("data_items_en", 2000), retained, clientName, clientContact,
        row.bool("specific_personal_information"), row.text("retention_ja", 500), row.text("retention_en", 500),
        row.text("source_ja", 1000), row.text("source_en", 1000), row.choices("relationships", Relationship.class));
  }
}
