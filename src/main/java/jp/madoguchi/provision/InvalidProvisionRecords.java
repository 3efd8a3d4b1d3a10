package jp.madoguchi.provision;

import java.util.List;

/** Records refused: nothing of the batch was stored. {@code conflict} when a known id came with other content. */
public class InvalidProvisionRecords extends RuntimeException {

  private final transient List<ProvisionProblem> problems;
  private final boolean conflict;

  InvalidProvisionRecords(List<ProvisionProblem> problems, boolean conflict) {
    super(problems.size() + " problem(s), first: " + problems.get(0));
    this.problems = List.copyOf(problems);
    this.conflict = conflict;
  }

  public List<ProvisionProblem> problems() {
    return problems;
  }

  public boolean conflict() {
    return conflict;
  }
}
