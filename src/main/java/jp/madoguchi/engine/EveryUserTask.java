package jp.madoguchi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts a task listener of ours on every user task of every model the engine parses, without the models naming it:
 * the desk's own behaviour at every step (case notes, the task's presentation, the candidate-group guard), which a
 * designer can neither forget nor remove. Called from a process engine plugin's {@code preInit}.
 */
public final class EveryUserTask {

  private EveryUserTask() {}

  /** With the parse listeners that run before the engine's own (e.g. before its history listeners). */
  public static void beforeEngine(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    add(configuration, ProcessEngineConfigurationImpl::getCustomPreBPMNParseListeners,
        ProcessEngineConfigurationImpl::setCustomPreBPMNParseListeners, event, listener);
  }

  /** With the parse listeners that run after the engine's own. */
  public static void afterEngine(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    add(configuration, ProcessEngineConfigurationImpl::getCustomPostBPMNParseListeners,
        ProcessEngineConfigurationImpl::setCustomPostBPMNParseListeners, event, listener);
  }

  private static void add(ProcessEngineConfigurationImpl configuration,
      Function<ProcessEngineConfigurationImpl, List<BpmnParseListener>> get,
      BiConsumer<ProcessEngineConfigurationImpl, List<BpmnParseListener>> set, String event,
      TaskListener listener) {
    if (get.apply(configuration) == null) {
      set.accept(configuration, new ArrayList<>());
    }
    get.apply(configuration).add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(event, listener);
      }
    });
  }
}
