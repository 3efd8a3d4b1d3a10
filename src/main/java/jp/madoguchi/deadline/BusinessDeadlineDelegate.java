package jp.madoguchi.deadline;

import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.process.ProcessVariable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Compute business deadline": sets a date variable to closing time of the N-th business day from today, for
 * timers and due dates of steps a designer adds. Input parameters: {@code businessDays} (0-999) and
 * {@code resultVariable} (the variable to set).
 */
@Component
class BusinessDeadlineDelegate implements JavaDelegate {

  static final ProcessVariable<Long> BUSINESS_DAYS = ProcessVariable.number("businessDays");
  static final ProcessVariable<String> RESULT_VARIABLE = ProcessVariable.string("resultVariable");

  private final DeskCalendar calendar;

  BusinessDeadlineDelegate(DeskCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long businessDays = BUSINESS_DAYS.require(execution);
    if (businessDays < 0 || businessDays > 999) {
      throw new IllegalStateException("businessDays must be between 0 and 999, was " + businessDays);
    }
    String target = RESULT_VARIABLE.require(execution);
    execution.getProcessInstance().setVariable(target, calendar.businessDaysFromNow(Math.toIntExact(businessDays)));
  }
}
