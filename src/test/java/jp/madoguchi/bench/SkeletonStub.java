package jp.madoguchi.bench;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What stands in the {@link Skeleton} for every delegate, listener and bean expression of ours: nothing but the
 * values the models read on the benchmark's path (a disclosure with a fee, identity verified, reply by e-mail to a
 * confirmed address), set where our delegates set them. No letter, no register, no SLA clock. Registered as a bean
 * named {@value #BEAN} by the benchmark's context only.
 */
public final class SkeletonStub implements JavaDelegate, ExecutionListener, TaskListener {

  static final String BEAN = "skeletonStub";

  private final Date fixedDate;
  /** By activity: the variables our delegate there sets that the model reads (gateways, call activities' outs). */
  private final Map<String, Map<String, Object>> outputs;

  SkeletonStub(Date fixedDate) {
    this.fixedDate = fixedDate;
    this.outputs = Map.of(
        "Task_StartSlaClock", Map.of("targetDueDate", fixedDate, "legalRiskDate", fixedDate),
        "Task_AssessIdentityDocuments", Map.of("identityOutcome", "VERIFIED", "identityFinding", "MATCHED"),
        "Task_RecordFeePayment", Map.of("feePaidInFull", true, "feeOutcome", "PAID"),
        "Task_CheckEmailAddress", Map.of("emailAddressConfirmed", true),
        "Task_SendReply", Map.of("replyDelivery", "EMAIL"),
        // the decision's task listener says whether an approval will act on the systems: not for a disclosure
        "Task_DecideOnRequest", Map.of("actionRequest", false));
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(outputs.getOrDefault(execution.getCurrentActivityId(), Map.of()));
  }

  @Override
  public void notify(DelegateExecution execution) {
    // our execution listeners write the request's status and move the SLA clock: nothing the model reads
  }

  @Override
  public void notify(DelegateTask task) {
    // our task listeners record the step in the register; the decision's also sets what the model reads next
    task.getExecution().setVariables(outputs.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
  }

  /** The systems of the plan searched by hand: none on the benchmark's path (no inventory for its requester). */
  public List<String> systemsToSearch() {
    return List.of();
  }

  Date fixedDate() {
    return fixedDate;
  }
}
