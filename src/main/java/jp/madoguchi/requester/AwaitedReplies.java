package jp.madoguchi.requester;

import jp.madoguchi.process.RequestInstances;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.requester.AwaitRequesterProcess.Elements;
import org.camunda.bpm.engine.TaskService;
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
  private final RequestInstances instances;
  private final RequestRegister register;

  AwaitedReplies(TaskService taskService, RequestInstances instances, RequestRegister register) {
    this.taskService = taskService;
    this.instances = instances;
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
    for (Task waiting : instances.activeTasks(reference, Elements.RECORD_REQUESTER_REPLY)) {
      // no personal data in the comment: it lands in the engine's history
      String note = "Document %d received (%s, %s, %d bytes): check it, then record the reply"
          .formatted(document.id(), document.kind(), document.contentType(), document.sizeBytes());
      taskService.createComment(waiting.getId(), waiting.getProcessInstanceId(), note);
      register.recordEvent(requestId, actor, "AWAITED_DOCUMENT_RECEIVED",
          Elements.RECORD_REQUESTER_REPLY + ": document " + document.id() + " " + document.kind());
    }
  }
}
