package jp.madoguchi.inventory;

/**
 * Published when someone changed, imported or exported the inventory, in the transaction of the change: the desk's
 * audit trail records it (the trail's owner sits above the features and listens).
 *
 * @param actor who did it
 * @param action {@link Inventory#CHANGED}, {@link Inventory#IMPORTED} or {@link Inventory#EXPORTED}
 * @param detail what, e.g. {@code categories CALL_RECORDING changed: retention_ja, retention_en}
 */
public record InventoryAudited(String actor, String action, String detail) {}
