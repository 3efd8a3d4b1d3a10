package jp.madoguchi.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The outbox key of a letter: one letter of a kind per activity instance, however often the step runs. */
public final class LetterKeys {

  public static String of(DelegateExecution execution, LetterKind kind) {
    return of(execution, kind.name());
  }

  public static String of(DelegateExecution execution, String suffix) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + suffix;
  }

  private LetterKeys() {}
}
