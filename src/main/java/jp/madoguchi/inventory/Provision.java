package jp.madoguchi.inventory;

import java.util.Map;

/**
 * A provision of a category of personal information to a third party (or to a recipient that the law does not count
 * as one: an entrusted contractor, a joint user, a successor).
 *
 * @param code the stable code
 * @param category the code of the category provided
 * @param recipientJa the recipient, or the category of recipients, in Japanese
 * @param recipientEn the same in English
 * @param legalBasis the legal basis
 * @param jointUseItemsJa for joint use: the items published about it (Art 27(5)(iii)), in Japanese
 * @param jointUseItemsEn the same in English
 */
public record Provision(String code, String category, String recipientJa, String recipientEn, LegalBasis legalBasis,
    String jointUseItemsJa, String jointUseItemsEn) implements InventoryEntry {

  @Override
  public InventoryKind kind() {
    return InventoryKind.PROVISIONS;
  }

  /** Whether each provision is recorded under Art 29: follows from the legal basis. */
  public boolean recordedUnderArt29() {
    return legalBasis != null && legalBasis.recordedUnderArt29();
  }

  public String recipient(String language) {
    return "en".equals(language) ? recipientEn : recipientJa;
  }

  @Override
  public Map<String, String> row() {
    return InventoryEntry.row(kind(), "code", code, "category", category, "recipient_ja", recipientJa,
        "recipient_en", recipientEn, "legal_basis", legalBasis == null ? null : legalBasis.name(),
        "joint_use_items_ja", jointUseItemsJa, "joint_use_items_en", jointUseItemsEn, "recorded_art29",
        recordedUnderArt29());
  }

  static Provision read(RowReader row) {
    String code = row.code();
    java.util.List<String> categories = row.codes("category");
    if (categories.size() > 1) {
      row.problem("category", "inventory.error.oneCategory");
    }
    String category = categories.isEmpty() ? "" : categories.get(0);
    LegalBasis basis = row.choice("legal_basis", LegalBasis.class);
    String itemsJa = row.optional("joint_use_items_ja", 2000);
    String itemsEn = row.optional("joint_use_items_en", 2000);
    if (basis == LegalBasis.JOINT_USE && (itemsJa == null || itemsEn == null)) {
      row.problem(itemsJa == null ? "joint_use_items_ja" : "joint_use_items_en", "inventory.error.jointUseItems");
    }
    if (basis != null && basis != LegalBasis.JOINT_USE && (itemsJa != null || itemsEn != null)) {
      row.problem(itemsJa != null ? "joint_use_items_ja" : "joint_use_items_en", "inventory.error.notJointUse");
    }
    return new Provision(code, category, row.text("recipient_ja", 500), row.text("recipient_en", 500), basis,
        itemsJa, itemsEn);
  }
}
