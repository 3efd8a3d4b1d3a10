package jp.madoguchi.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four kinds of entry of the inventory, each with its columns: the same keys name the fields of the desk's forms,
 * the columns of the CSV export and import, and the fields of the history. The first column is always the stable code.
 */
public enum InventoryKind {

  CATEGORIES("categories", List.of("code", "name_ja", "name_en", "data_items_ja", "data_items_en", "retained",
      "client_name", "client_contact", "specific_personal_information", "retention_ja", "retention_en", "source_ja",
      "source_en", "relationships")),
  PURPOSES("purposes", List.of("code", "text_ja", "text_en", "published", "categories")),
  SYSTEMS("systems", List.of("code", "name_ja", "name_en", "owning_group", "specific_information_entitled",
      "search_kind", "categories")),
  PROVISIONS("provisions", List.of("code", "category", "recipient_ja", "recipient_en", "legal_basis",
      "joint_use_items_ja", "joint_use_items_en", "recorded_art29"));

  private final String path;
  private final List<String> columns;

  InventoryKind(String path, List<String> columns) {
    this.path = path;
    this.columns = columns;
  }

  /** The kind's name in addresses and file names ({@code /desk/inventory/categories.csv}). */
  public String path() {
    return path;
  }

  /** The columns, in the order the CSV has them. */
  public List<String> columns() {
    return columns;
  }

  /**
   * The columns an import reads and a form edits: all but those the inventory derives (whether a provision is
   * recorded under Art 29 follows from its legal basis).
   */
  public List<String> editableColumns() {
    return columns.stream().filter(column -> !column.equals("recorded_art29")).toList();
  }

  public static Optional<InventoryKind> ofPath(String path) {
    return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
  }
}
