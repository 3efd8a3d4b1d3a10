package jp.madoguchi.intake;

import java.util.List;

/** A submission or upload with at least one wrong field; nothing of it was stored. */
class InvalidSubmissionException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  InvalidSubmissionException(List<FieldProblem> problems) {
    super("Invalid fields: " + problems.stream().map(FieldProblem::field).toList());
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }
}
