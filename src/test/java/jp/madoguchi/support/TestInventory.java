package jp.madoguchi.support;

import java.util.List;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;

/** Inventory entries as tests need them, recorded through the real inventory (by a manager). */
public final class TestInventory {

  private TestInventory() {}

  /**
   * A members database searched by hand by its owning group, holding a category of members' data (customers'),
   * recorded unless the inventory has them already: {@code <prefix>_MEMBERS} and {@code <prefix>_MEMBERS_DB}.
   *
   * @return the system's code
   */
  public static String membersDatabaseSearchedByHand(Inventory inventory, String prefix, String owningGroup) {
    String category = prefix + "_MEMBERS";
    String system = prefix + "_MEMBERS_DB";
    if (inventory.entry(InventoryKind.CATEGORIES, category).isEmpty()) {
      inventory.create(new DataCategory(category, "会員情報", "Members", "氏名", "Name", true, null, null,
          false, "5年", "Five years", "申込", "Applications", List.of(Relationship.CUSTOMER)), "manager");
    }
    if (inventory.entry(InventoryKind.SYSTEMS, system).isEmpty()) {
      inventory.create(new HoldingSystem(system, "会員DB", "Members database", owningGroup, false,
          SearchKind.MANUAL, List.of(category)), "manager");
    }
    return system;
  }
}
