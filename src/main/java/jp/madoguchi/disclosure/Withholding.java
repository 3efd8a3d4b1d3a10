package jp.madoguchi.disclosure;

import java.time.Instant;

/**
 * What staff withheld in an item: the whole item ({@code row} null), a row ({@code field} null) or one field of a
 * row; or a field {@link Kind#MASKED} because it is a third party's data. Rows are numbered from 1, as staff see them.
 */
public record Withholding(long id, long itemId, Integer row, String field, Kind kind, String ground, String reason,
    String markedBy, Instant markedAt) {

  public enum Kind { WITHHELD, MASKED }

  boolean wholeItem() {
    return row == null;
  }

  boolean wholeRow() {
    return row != null && field == null;
  }
}
