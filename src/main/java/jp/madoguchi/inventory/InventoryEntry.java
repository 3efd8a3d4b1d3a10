package jp.madoguchi.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entry of the inventory: its kind, its stable code, and its fields as the CSV and the forms have them. */
public sealed interface InventoryEntry permits DataCategory, UsePurpose, HoldingSystem, Provision {

  InventoryKind kind();

  String code();

  /** The fields by column key, every one as text (empty when unset), in the CSV's order. */
  Map<String, String> row();

  /** Reads an entry of a kind from its fields; the problems found are thrown, naming each wrong field. */
  static InventoryEntry read(InventoryKind kind, Map<String, String> fields) {
    RowReader reader = new RowReader(kind, fields);
    InventoryEntry entry = switch (kind) {
      case CATEGORIES -> DataCategory.read(reader);
      case PURPOSES -> UsePurpose.read(reader);
      case SYSTEMS -> HoldingSystem.read(reader);
      case PROVISIONS -> Provision.read(reader);
    };
    if (!reader.problems().isEmpty()) {
      throw new InvalidInventoryException(reader.problems());
    }
    return entry;
  }

  /** A row builder: keeps the kind's column order. */
  static Map<String, String> row(InventoryKind kind, Object... keysAndValues) {
    Map<String, String> row = new LinkedHashMap<>();
    kind.columns().forEach(column -> row.put(column, ""));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      String text;
      if (value == null) {
        text = "";
      } else if (value instanceof Collection<?> values) {
        text = String.join(RowReader.SEPARATOR, values.stream().map(String::valueOf).sorted().toList());
      } else {
        text = String.valueOf(value);
      }
      row.put((String) keysAndValues[i], text);
    }
    return row;
  }

  static List<String> sorted(Collection<String> codes) {
    return codes.stream().sorted().distinct().toList();
  }
}
