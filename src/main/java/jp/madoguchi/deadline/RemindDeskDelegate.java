package jp.madoguchi.deadline;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.process.RequestFacts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Remind the desk": the target deadline is near. Each open task's assignee is reminded by mail; unassigned tasks
 * remind the desk's shared address.
 */
@Component
class RemindDeskDelegate implements JavaDelegate {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final CorrespondenceService correspondence;
  private final DeadlineProperties properties;

  RemindDeskDelegate(TaskService taskService, IdentityService identityService, CorrespondenceService correspondence,
      DeadlineProperties properties) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.correspondence = correspondence;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = RequestFacts.REQUEST_ID.require(execution);
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(execution.getProcessBusinessKey())
        .active().list()) {
      String recipient = task.getAssignee();
      String email = properties.deskEmail();
      if (recipient != null) {
        User user = identityService.createUserQuery().userId(recipient).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
          email = user.getEmail();
        }
      } else {
        recipient = "privacy-desk";
      }
      correspondence.queueToStaff(requestId, LetterKind.STAFF_REMINDER, recipient, email,
          LetterKeys.of(execution, "STAFF_REMINDER:" + task.getId()), LetterFacts.NONE.withTask(task.getName(),
              task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
  }
}
