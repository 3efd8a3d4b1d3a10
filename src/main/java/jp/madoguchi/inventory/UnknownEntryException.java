package jp.madoguchi.inventory;

/** No entry of this kind has this code. */
public class UnknownEntryException extends RuntimeException {

  public UnknownEntryException(InventoryKind kind, String code) {
    super("No " + kind.path() + " entry " + code);
  }
}
