package jp.madoguchi.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import jp.madoguchi.engine.TaskCompletedMeanwhile;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API, with two changes. A request for a process instance, task or history entry of a tenant the caller
 * is not a member of (a My Number request, for anyone outside its tenant) is answered 403, like any other refusal of
 * the engine's authorization, instead of the 500 Camunda gives the engine's tenant check. And a task that two members
 * of staff complete at the same time, or that is gone when one completes it, is answered 409 or 404 with words that
 * say so, instead of a 500 with the engine's text ("cannot signal execution ...: it has no current activity"). Every
 * other error keeps Camunda's own format and status.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(TenantRefusals.class);
    register(TaskGoneMeanwhile.class);
  }

  /** The engine's tenant check refused: 403 in Camunda's error format; anything else as Camunda answers it. */
  @Priority(1)
  static final class TenantRefusals implements ExceptionMapper<ProcessEngineException> {

    // ENGINE-13034 (instance), ENGINE-13035 and friends: "... because it belongs to no authenticated tenant"
    private static final String TENANT_REFUSAL = "belongs to no authenticated tenant";

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      if (exception.getMessage() == null || !exception.getMessage().contains(TENANT_REFUSAL)) {
        return camunda.toResponse(exception);
      }
      return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "AuthorizationException", "message", exception.getMessage(), "code", 0))
          .build();
    }
  }

  /**
   * Completing a task (its form submitted, or completed through the API) that someone else completed first: the
   * engine finds the task changed meanwhile (optimistic locking; the engine plugin {@code TaskCompletedMeanwhile}
   * turns its other failures of such a completion into that), or the task gone; Camunda answers both with a 500 and
   * the engine's text. The desk answers 409 (changed meanwhile) or 404 (gone) in Camunda's error format, in words
   * staff understand; Tasklist shows the message.
   */
  @Priority(1)
  static final class TaskGoneMeanwhile implements ExceptionMapper<RestException> {

    static final String CHANGED_MEANWHILE = "このタスクは、ほかの担当者の操作により同時に完了または変更されました。"
        + "タスク一覧を再読み込みしてから、もう一度お確かめください。 / This task was completed or changed by someone "
        + "else at the same time. Reload the task list and check it again.";
    static final String GONE = "このタスクは見つかりません。ほかの担当者が既に完了したか、手続が進んで不要になった可能性が"
        + "あります。タスク一覧を再読み込みしてください。 / This task was not found: someone else may have completed it, "
        + "or the request moved on without it. Reload the task list.";

    // TaskResourceImpl's words for a failed completion, with the task's id and the engine's message
    private static final String[] COMPLETING = {"Cannot complete task ", "Cannot submit task form "};
    // the engine's built-in error code for optimistic locking (BuiltinExceptionCode.OPTIMISTIC_LOCKING)
    private static final int OPTIMISTIC_LOCKING_CODE = 1;

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      String message = exception.getMessage();
      if (message == null || !(message.startsWith(COMPLETING[0]) || message.startsWith(COMPLETING[1]))) {
        return camunda.toResponse(exception);
      }
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          return answer(Response.Status.CONFLICT, "OptimisticLockingException", CHANGED_MEANWHILE,
              OPTIMISTIC_LOCKING_CODE);
        }
        if (TaskCompletedMeanwhile.taskNotFound(cause)) {
          return answer(Response.Status.NOT_FOUND, "InvalidRequestException", GONE, 0);
        }
      }
      return camunda.toResponse(exception);
    }

    private static Response answer(Response.Status status, String type, String message, int code) {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", type, "message", message, "code", code)).build();
    }
  }
}
