package jp.madoguchi.desk;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.engine.EveryUserTask;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Case notes: what staff write in a form field whose key ends in {@value #SUFFIX} (an investigation record, a
 * handling record), and every other free-text field of the forms deployed with the process (refusal reasons, a
 * manager's comment, a client company's name: see {@link FreeTextFields}), belongs to the request file, not to the
 * process (ADR 0010, ADR 0022). When a user task completes, every such text moves into the register's history as a
 * note with its author, and leaves the process; the engine's history never records it, neither as a variable nor as
 * a submitted form field. Every completion is recorded too, so the register shows who did which step when.
 *
 * <p>This is the one place that hooks into the engine's internals (parse listener, history handler); the history it
 * hands on is written without each variable update's detail row ({@link VariableValuesWithoutTrail}, ADR 0038).
 */
@Component
class CaseNotes extends AbstractProcessEnginePlugin implements TaskListener {

  static final String SUFFIX = "Note";

  /**
   * The free-text fields of the forms deployed with each process definition: a definition belongs to one deployment
   * for good, so they are read once. Kept by definition, as the history asks for every variable event: finding the
   * definition's deployment in the engine's deployment cache walked its LRU queue on every hit.
   */
  private static final Map<String, Set<String>> FREE_TEXT_BY_DEFINITION = new ConcurrentHashMap<>();

  private final RequestRegister register;
  private final CurrentActor actor;

  CaseNotes(@Lazy RequestRegister register, @Lazy CurrentActor actor) {
    this.register = register;
    this.actor = actor;
  }

  static boolean isNote(String variableName) {
    return variableName != null && variableName.endsWith(SUFFIX) && variableName.length() > SUFFIX.length();
  }

  /** Whether the variable holds text that goes to the register: a note, or a free-text field of the forms. */
  static boolean staysInRegister(String variableName, String processDefinitionId) {
    return isNote(variableName)
        || variableName != null && freeTextOfDeploymentOf(processDefinitionId).contains(variableName);
  }

  /**
   * The free-text fields of the forms deployed with the process definition (forms are deployed with their models,
   * ADR 0001). Called inside the engine's command context, as listeners and history handlers are.
   */
  static Set<String> freeTextOfDeploymentOf(String processDefinitionId) {
    if (processDefinitionId == null || Context.getCommandContext() == null) {
      return Set.of();
    }
    return FREE_TEXT_BY_DEFINITION.computeIfAbsent(processDefinitionId, id -> {
      String deploymentId = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(id).getDeploymentId();
      Set<String> keys = new java.util.LinkedHashSet<>();
      for (ResourceEntity resource : Context.getCommandContext().getResourceManager()
          .findResourcesByDeploymentId(deploymentId)) {
        if (resource.getName().endsWith(".form")) {
          keys.addAll(FreeTextFields.of(resource.getBytes()));
        }
      }
      return Set.copyOf(keys);
    });
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.beforeEngine(configuration, TaskListener.EVENTNAME_COMPLETE, this);
    configuration.setHistoryEventHandler(new NotesStayOutOfHistory(new VariableValuesWithoutTrail()));
  }

  /**
   * On completion of any user task: move the notes and the other free texts into the register and record who
   * completed the step. The model's own completion listeners (the decision's, the approval's) ran before and read
   * the texts they check.
   */
  @Override
  public void notify(DelegateTask task) {
    Long requestId = RequestFacts.REQUEST_ID.get(task);
    if (requestId == null) {
      return;
    }
    String author = task.getAssignee() != null ? task.getAssignee() : actor.id();
    for (String name : List.copyOf(task.getVariableNames())) {
      if (staysInRegister(name, task.getProcessDefinitionId())) {
        Object text = task.getVariable(name);
        if (text != null && !text.toString().isBlank()) {
          register.recordEvent(requestId, author, "NOTE", task.getTaskDefinitionKey() + "/" + name + ": " + text);
        }
        task.getExecution().removeVariable(name);
      }
    }
    register.recordEvent(requestId, author, "TASK_COMPLETED", task.getTaskDefinitionKey());
  }

  /**
   * Drops every history event of a note or free-text variable, and of a submitted form field of that name (the
   * engine writes those to {@code ACT_HI_DETAIL} when Tasklist submits a form); all other events go to the database
   * as usual.
   */
  static final class NotesStayOutOfHistory implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    NotesStayOutOfHistory(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && staysInRegister(variable.getVariableName(), event.getProcessDefinitionId())) {
        return;
      }
      if (event instanceof HistoricFormPropertyEventEntity field
          && staysInRegister(field.getPropertyId(), event.getProcessDefinitionId())) {
        return;
      }
      delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
