package jp.madoguchi.inventory;

import java.util.List;
import java.util.Map;

/**
 * A purpose of use (利用目的) and the categories of personal information used for it.
 *
 * @param code the stable code
 * @param textJa the purpose in Japanese, as published
 * @param textEn the purpose in English
 * @param published whether it is published (Art 21, Art 32(1)); purposes of retained data should be
 * @param categories the codes of the categories it covers
 */
public record UsePurpose(String code, String textJa, String textEn, boolean published, List<String> categories)
    implements InventoryEntry {

  public UsePurpose {
    categories = InventoryEntry.sorted(categories);
  }

  @Override
  public InventoryKind kind() {
    return InventoryKind.PURPOSES;
  }

  public String text(String language) {
    return "en".equals(language) ? textEn : textJa;
  }

  @Override
  public Map<String, String> row() {
    return InventoryEntry.row(kind(), "code", code, "text_ja", textJa, "text_en", textEn, "published", published,
        "categories", categories);
  }

  static UsePurpose read(RowReader row) {
    return new UsePurpose(row.code(), row.text("text_ja", 1000), row.text("text_en", 1000), row.bool("published"),
        row.codes("categories"));
  }
}
