package jp.madoguchi.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestRegister;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Free text a form shows comes from the register, not from the engine (ADR 0022). When Tasklist (or an integrator)
 * loads the variables of a task's form ({@code GET .../task/{id}/form-variables}, through the engine's REST API or
 * the webapps' own), the answer gets, for every free-text field of the process's forms that this form shows (as a
 * field or in a text element, {@code {{refusalReasons}}}), the latest text staff wrote in the register. So the
 * manager's approval shows the decider's reasons, and a refusal sent back comes back to the decider with its
 * reasons to edit and the manager's comment, while none of it is a process variable. Case notes ({@code *Note}) are
 * a record of one step each and are not offered again to a form that has them as a field; a form may show another
 * step's note in a text element (the decision sent back shows the manager's {@code approvalNote}, ADR 0034).
 *
 * <p>Only an answer the engine gave (200) is completed: whoever may not read the task gets nothing more.
 */
@Component
class FreeTextInTaskForms extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables/?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final RequestRegister register;
  private final Map<String, Set<String>> freeTextByDeployment = new ConcurrentHashMap<>();

  FreeTextInTaskForms(TaskService taskService, FormService formService, RepositoryService repositoryService,
      RequestRegister register) {
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.register = register;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == HttpServletResponse.SC_OK) {
      Matcher uri = FORM_VARIABLES.matcher(request.getRequestURI());
      if (uri.matches()) {
        Map<String, Object> texts = texts(uri.group(1), request.getParameter("variableNames"));
        if (!texts.isEmpty()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> variables = JSON.readValue(answer.getContentAsByteArray(), LinkedHashMap.class);
          texts.forEach(variables::putIfAbsent);
          answer.resetBuffer();
          answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
          answer.getOutputStream().write(JSON.writeValueAsBytes(variables));
        }
      }
    }
    answer.copyBodyToResponse();
  }

  /** The free texts the task's form shows, as the REST API writes a string variable. */
  Map<String, Object> texts(String taskId, String variableNames) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return Map.of();
    }
    Object requestId = taskService.getVariable(taskId, RequestFacts.REQUEST_ID.name());
    byte[] form = deployedForm(taskId);
    if (!(requestId instanceof Number id) || form == null) {
      return Map.of();
    }
    Set<String> wanted = variableNames == null || variableNames.isBlank() ? null
        : Set.copyOf(Arrays.asList(variableNames.split(",")));
    Set<String> freeText = freeTextOf(repositoryService.getProcessDefinition(task.getProcessDefinitionId())
        .getDeploymentId());
    Map<String, Object> texts = new LinkedHashMap<>();
    Set<String> ownFields = FreeTextFields.of(form);
    for (String name : FreeTextFields.namesRead(form)) {
      boolean offered = !CaseNotes.isNote(name) || !ownFields.contains(name);
      if (freeText.contains(name) && offered && (wanted == null || wanted.contains(name))) {
        register.latestNote(id.longValue(), name).ifPresent(text -> texts.put(name,
            Map.of("type", "String", "value", text, "valueInfo", Map.of())));
      }
    }
    return texts;
  }

  private byte[] deployedForm(String taskId) {
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      return form.readAllBytes();
    } catch (RuntimeException | IOException noCamundaForm) {
      return null;
    }
  }

  private Set<String> freeTextOf(String deploymentId) {
    return freeTextByDeployment.computeIfAbsent(deploymentId, id -> {
      Set<String> keys = new LinkedHashSet<>();
      for (String resource : repositoryService.getDeploymentResourceNames(id)) {
        if (resource.endsWith(".form")) {
          try (InputStream form = repositoryService.getResourceAsStream(id, resource)) {
            keys.addAll(FreeTextFields.of(form.readAllBytes()));
          } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
          }
        }
      }
      return Set.copyOf(keys);
    });
  }
}
