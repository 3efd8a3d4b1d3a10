package jp.madoguchi.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The outbox key of a letter: one letter of a kind per step, however often the step runs. A step is a process
 * instance and one of its activity instances; a delegate names it with {@link #step(DelegateExecution)} and hands it to
 * the service that queues the letters.
 */
public final class LetterKeys {

  /** The step (process instance and activity instance) whose letters a service is to queue. */
  public static String step(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
  }

  public static String of(DelegateExecution execution, LetterKind kind) {
    return of(step(execution), kind);
  }

  /** The key of a letter of a kind queued by a step. */
  public static String of(String step, LetterKind kind) {
    return of(step, kind.name());
  }

  /** The key of a letter queued by a step, told apart from the step's other letters by the suffix. */
  public static String of(String step, String suffix) {
    return step + ":" + suffix;
  }

  private LetterKeys() {}
}
