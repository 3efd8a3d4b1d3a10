package jp.madoguchi.requester;

import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.requester.AwaitRequesterProcess.Elements;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the requester sends while the desk waits for their reply ("Record requester reply"): it is noted on the
 * waiting task, for the staff who check it and record the reply, and in the request's history. Staff still complete
 * the task themselves.
 */
@Service
public class AwaitedReplies {

  private final TaskService taskService;
  private final ManagementService managementService;
  private final RequestRegister register;

  AwaitedReplies(TaskService taskService, ManagementService managementService, RequestRegister register) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.register = register;
  }

  /**
   * Notes a document that arrived for the request on each open "Record requester reply" task; nothing when the desk
   * is not waiting for the requester.
   *
   * @param actor who sent it, in the register's history
   */
  @Transactional
  public void noteDocumentReceived(String reference, long requestId, RequestDocument document, String actor) {
    for (Task waiting : waitingTasks(reference)) {
      // no personal data in the comment: it lands in the engine's history
      String note = "Document %d received (%s, %s, %d bytes): check it, then record the reply"
          .formatted(document.id(), document.kind(), document.contentType(), document.sizeBytes());
      taskService.createComment(waiting.getId(), waiting.getProcessInstanceId(), note);
      register.recordEvent(requestId, actor, "AWAITED_DOCUMENT_RECEIVED",
          Elements.RECORD_REQUESTER_REPLY + ": document " + document.id() + " " + document.kind());
    }
  }

  /**
   * The request's active "Record requester reply" tasks. A native query: the engine's task query builds its SQL
   * from a mapping of some hundred conditions, each weighed by MyBatis's expression language on every call, and
   * with a third of the breach-day intake's requests sending a document that cost more than the upload itself:
   * 14% of the HTTP threads' CPU in the intake benchmark, against 1.4% for storing the document (issue 21, session
   * 17). The same tables and conditions as {@code processInstanceBusinessKey(reference)
   * .taskDefinitionKey(RECORD_REQUESTER_REPLY).active()}; like that query for a requester, who is no user of the
   * engine, without authorization checks.
   */
  private List<Task> waitingTasks(String reference) {
    return taskService.createNativeTaskQuery()
        .sql("SELECT T.* FROM " + managementService.getTableName(Task.class) + " T INNER JOIN "
            + managementService.getTableName(Execution.class) + " E ON T.PROC_INST_ID_ = E.ID_"
            + " WHERE E.BUSINESS_KEY_ = #{reference} AND T.TASK_DEF_KEY_ = #{taskKey} AND T.SUSPENSION_STATE_ = 1")
        .parameter("reference", reference)
        .parameter("taskKey", Elements.RECORD_REQUESTER_REPLY)
        .list();
  }
}
