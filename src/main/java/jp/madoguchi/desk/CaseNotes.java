package jp.madoguchi.desk;

import java.util.List;
import jp.madoguchi.engine.EveryUserTask;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Case notes: what staff write in a form field whose key ends in {@value #SUFFIX} (an investigation record, a
 * handling record) belongs to the request file, not to the process. When a user task completes, every note moves
 * into the register's history with its author, and leaves the process; the engine's history never records a note.
 * Every completion is recorded too, so the register shows who did which step when.
 *
 * <p>This is the one place that hooks into the engine's internals (parse listener, history handler).
 */
@Component
class CaseNotes extends AbstractProcessEnginePlugin implements TaskListener {

  static final String SUFFIX = "Note";

  private final RequestRegister register;
  private final CurrentActor actor;

  CaseNotes(@Lazy RequestRegister register, @Lazy CurrentActor actor) {
    this.register = register;
    this.actor = actor;
  }

  static boolean isNote(String variableName) {
    return variableName != null && variableName.endsWith(SUFFIX) && variableName.length() > SUFFIX.length();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.beforeEngine(configuration, TaskListener.EVENTNAME_COMPLETE, this);
    configuration.setHistoryEventHandler(new NotesStayOutOfHistory(new DbHistoryEventHandler()));
  }

  /** On completion of any user task: move the notes into the register and record who completed the step. */
  @Override
  public void notify(DelegateTask task) {
    Long requestId = RequestFacts.REQUEST_ID.get(task);
    if (requestId == null) {
      return;
    }
    String author = task.getAssignee() != null ? task.getAssignee() : actor.id();
    for (String name : List.copyOf(task.getVariableNames())) {
      if (isNote(name)) {
        Object text = task.getVariable(name);
        if (text != null && !text.toString().isBlank()) {
          register.recordEvent(requestId, author, "NOTE", task.getTaskDefinitionKey() + "/" + name + ": " + text);
        }
        task.getExecution().removeVariable(name);
      }
    }
    register.recordEvent(requestId, author, "TASK_COMPLETED", task.getTaskDefinitionKey());
  }

  /** Drops every history event of a note variable; all other events go to the database as usual. */
  static final class NotesStayOutOfHistory implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    NotesStayOutOfHistory(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && isNote(variable.getVariableName())) {
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
