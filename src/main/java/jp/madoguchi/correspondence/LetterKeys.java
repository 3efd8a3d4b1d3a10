package jp.madoguchi.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The outbox key of a letter: one letter of a kind per activity instance, however often the step runs. */
public final class LetterKeys {

  public static String of(DelegateExecution execution, LetterKind kind) {
    return of(execution, kind.name());
  }

  public static String of(DelegateExecution execution, String suffix) {
    return of(execution.getProcessInstanceId(), execution.getActivityInstanceId(), suffix);
  }

  /** The same key, for a service that is handed the step's ids rather than the execution. */
  public static String of(String processInstanceId, String activityInstanceId, String suffix) {
    return processInstanceId + ":" + activityInstanceId + ":" + suffix;
  }

  /** The step (process instance and activity instance) whose letters a service is to queue. */
  public static String step(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
  }

  /** The key of a letter of a kind queued by a step (see {@link #step(DelegateExecution)}). */
  public static String of(String step, LetterKind kind) {
    return step + ":" + kind.name();
  }

  private LetterKeys() {}
}
