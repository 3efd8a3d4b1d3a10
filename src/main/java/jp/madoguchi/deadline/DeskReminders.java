package jp.madoguchi.deadline;

import jp.madoguchi.correspondence.CorrespondenceService;
import jp.madoguchi.correspondence.LetterFacts;
import jp.madoguchi.correspondence.LetterKeys;
import jp.madoguchi.correspondence.LetterKind;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reminds the desk of a request's open tasks when its target deadline is near: each task's assignee by mail (the
 * desk's shared address when the user has none), and for a task nobody has claimed, the request's desk group at the
 * shared address.
 */
@Service
class DeskReminders {

  private final TaskService taskService;
  private final IdentityService identityService;
  private final CorrespondenceService correspondence;
  private final DeadlineProperties properties;

  DeskReminders(TaskService taskService, IdentityService identityService, CorrespondenceService correspondence,
      DeadlineProperties properties) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.correspondence = correspondence;
    this.properties = properties;
  }

  /**
   * Queues one reminder per open task of the request.
   *
   * @param deskGroup the group the request's tasks are offered to: named as the recipient of unclaimed tasks
   * @param step the reminding step ({@link LetterKeys#step}): one reminder per task and step, however often the step
   *     runs
   */
  void remindOpenTasks(long requestId, String reference, String deskGroup, String step) {
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(reference).active().list()) {
      String recipient = task.getAssignee();
      String email = properties.deskEmail();
      if (recipient != null) {
        User user = identityService.createUserQuery().userId(recipient).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
          email = user.getEmail();
        }
      } else {
        recipient = deskGroup;
      }
      correspondence.queueToStaff(requestId, LetterKind.STAFF_REMINDER, recipient, email,
          LetterKeys.of(step, "STAFF_REMINDER:" + task.getId()),
          LetterFacts.NONE.withTask(task.getName(), task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
  }
}
