package jp.madoguchi.inventory;

import java.util.List;

/**
 * One entry added, changed or removed, field by field: what an import will do (on its confirmation page) and what a
 * change did (in the history).
 *
 * @param kind the kind of entry
 * @param code the entry's code
 * @param action what happened to it
 * @param fields the fields that differ: before and after (empty text when unset)
 */
public record InventoryChange(InventoryKind kind, String code, Action action, List<FieldChange> fields) {

  public enum Action { ADDED, CHANGED, REMOVED }

  /** One field before and after. */
  public record FieldChange(String field, String before, String after) {}

  public InventoryChange {
    fields = List.copyOf(fields);
  }
}
