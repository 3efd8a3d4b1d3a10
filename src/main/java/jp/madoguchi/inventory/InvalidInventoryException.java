package jp.madoguchi.inventory;

import java.util.List;

/** The change (a form or an import) was refused, nothing was written: these fields are wrong. */
public class InvalidInventoryException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  InvalidInventoryException(List<FieldProblem> problems) {
    super("The inventory change was refused: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
