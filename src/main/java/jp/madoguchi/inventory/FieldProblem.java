package jp.madoguchi.inventory;

import java.util.List;

/**
 * What is wrong with one field of one entry: the field (a column key of {@link InventoryKind}), the message code
 * ({@code inventory.error.*}) and its arguments. The CSV line is known when the entry came from a CSV file.
 *
 * @param kind the kind of entry
 * @param code the entry's code, when it has one
 * @param line the CSV line (record) the entry came from, or 0 when it came from a form
 * @param field the column key
 * @param message the message code
 * @param args the message's arguments
 */
public record FieldProblem(InventoryKind kind, String code, int line, String field, String message,
    List<Object> args) {

  public FieldProblem {
    args = List.copyOf(args);
  }

  FieldProblem atLine(int csvLine) {
    return new FieldProblem(kind, code, csvLine, field, message, args);
  }
}
