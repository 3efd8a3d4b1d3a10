package jp.madoguchi.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole inventory at one moment, every kind sorted by code (the inventory of a company is a few hundred entries
 * at most: it is read whole).
 */
public record InventorySnapshot(List<DataCategory> categories, List<UsePurpose> purposes,
    List<HoldingSystem> systems, List<Provision> provisions) {

  public InventorySnapshot {
    categories = sortedByCode(categories);
    purposes = sortedByCode(purposes);
    systems = sortedByCode(systems);
    provisions = sortedByCode(provisions);
  }

  static InventorySnapshot empty() {
    return new InventorySnapshot(List.of(), List.of(), List.of(), List.of());
  }

  public List<? extends InventoryEntry> entries(InventoryKind kind) {
    return switch (kind) {
      case CATEGORIES -> categories;
      case PURPOSES -> purposes;
      case SYSTEMS -> systems;
      case PROVISIONS -> provisions;
    };
  }

  public Optional<InventoryEntry> entry(InventoryKind kind, String code) {
    return entries(kind).stream().filter(entry -> entry.code().equals(code)).map(InventoryEntry.class::cast)
        .findFirst();
  }

  public boolean isEmpty() {
    return categories.isEmpty() && purposes.isEmpty() && systems.isEmpty() && provisions.isEmpty();
  }

  /** This inventory with the entries of the given kinds replaced by those of {@code other}. */
  InventorySnapshot with(Map<InventoryKind, List<InventoryEntry>> replaced) {
    Map<InventoryKind, List<InventoryEntry>> all = new EnumMap<>(InventoryKind.class);
    for (InventoryKind kind : InventoryKind.values()) {
      all.put(kind, replaced.containsKey(kind) ? replaced.get(kind) : new ArrayList<>(entries(kind)));
    }
    return new InventorySnapshot(cast(all.get(InventoryKind.CATEGORIES)), cast(all.get(InventoryKind.PURPOSES)),
        cast(all.get(InventoryKind.SYSTEMS)), cast(all.get(InventoryKind.PROVISIONS)));
  }

  /** This inventory with one entry added or replaced (by code), or removed when {@code entry} is null. */
  InventorySnapshot with(InventoryKind kind, String code, InventoryEntry entry) {
    List<InventoryEntry> entries = new ArrayList<>(entries(kind));
    entries.removeIf(existing -> existing.code().equals(code));
    if (entry != null) {
      entries.add(entry);
    }
    return with(Map.of(kind, entries));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<InventoryEntry> entries) {
    return (List<T>) (List<?>) entries;
  }

  private static <T extends InventoryEntry> List<T> sortedByCode(List<T> entries) {
    return entries.stream().sorted(Comparator.comparing(InventoryEntry::code)).toList();
  }
}
