package jp.madoguchi.deadline;

import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the desk": the target deadline is near; see {@link DeskReminders}. */
@Component
class RemindDeskDelegate implements JavaDelegate {

  private final DeskReminders reminders;

  RemindDeskDelegate(DeskReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reminders.remindOpenTasks(RequestFacts.REQUEST_ID.require(execution), execution.getProcessBusinessKey(),
        RequestFacts.DESK_GROUP.require(execution), LetterKeys.step(execution));
  }
}
