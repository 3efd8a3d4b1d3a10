package jp.madoguchi.inventory;

import java.util.List;
import java.util.Map;

/**
 * A system (or a paper file) that holds categories of personal information, and who searches it.
 *
 * @param code the stable code
 * @param nameJa the name in Japanese
 * @param nameEn the name in English
 * @param owningGroup the Camunda group that owns the system and searches it for requests
 * @param specificInformationEntitled whether the owning group may handle specific personal information (My Number):
 *     only then does it search for a My Number request
 * @param searchKind how the system is searched
 * @param categories the codes of the categories it holds
 */
public record HoldingSystem(String code, String nameJa, String nameEn, String owningGroup,
    boolean specificInformationEntitled, SearchKind searchKind, List<String> categories) implements InventoryEntry {

  public HoldingSystem {
    categories = InventoryEntry.sorted(categories);
  }

  @Override
  public InventoryKind kind() {
    return InventoryKind.SYSTEMS;
  }

  public String name(String language) {
    return "en".equals(language) ? nameEn : nameJa;
  }

  @Override
  public Map<String, String> row() {
    return InventoryEntry.row(kind(), "code", code, "name_ja", nameJa, "name_en", nameEn, "owning_group",
        owningGroup, "specific_information_entitled", specificInformationEntitled, "search_kind",
        searchKind == null ? null : searchKind.name(), "categories", categories);
  }

  static HoldingSystem read(RowReader row) {
    return new HoldingSystem(row.code(), row.text("name_ja", 200), row.text("name_en", 200),
        row.group("owning_group"), row.bool("specific_information_entitled"),
        row.choice("search_kind", SearchKind.class), row.codes("categories"));
  }
}
