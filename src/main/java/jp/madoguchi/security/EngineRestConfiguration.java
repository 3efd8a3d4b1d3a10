package jp.madoguchi.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API, with one change: a request for a process instance, task or history entry of a tenant the caller
 * is not a member of (a My Number request, for anyone outside its tenant) is answered 403, like any other refusal of
 * the engine's authorization, instead of the 500 Camunda gives the engine's tenant check. Every other error keeps
 * Camunda's own format and status.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(TenantRefusals.class);
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
}
