package jp.madoguchi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's failures when a completion reaches a task that another completion finished meanwhile (the task's
 * execution gone, moved on, or its process ended) are told as a concurrent change; the same failures while the task is
 * still there are passed on unchanged, and so are refusals; a task missing from the start is not found. The race
 * itself, over the REST API, is in {@code TaskCompletedTwiceThroughRestTest}.
 */
@DeskTest
class TaskCompletedMeanwhileTest {

  @Autowired ProcessEngine engine;
  Task standalone;

  @AfterEach
  void removeTask() {
    if (standalone != null) {
      engine.getTaskService().deleteTask(standalone.getId(), true);
    }
  }

  TaskCompletedMeanwhile.Interceptor failingWith(RuntimeException failure) {
    var interceptor = new TaskCompletedMeanwhile.Interceptor(
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    interceptor.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        throw failure;
      }
    });
    return interceptor;
  }

  @Test
  void theEnginesInterceptorChainHasIt() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCustomPostCommandInterceptorsTxRequired()).hasAtLeastOneElementOfType(
            TaskCompletedMeanwhile.Interceptor.class);
  }

  @Test
  void aCompletionThatFoundTheExecutionGoneIsAConcurrentChangeWhenTheTaskIsGone() {
    NullPointerException executionGone = new NullPointerException("\"execution\" is null");
    assertThatThrownBy(() -> failingWith(executionGone).execute(new CompleteTaskCmd("gone-task", Map.of())))
        .isInstanceOf(OptimisticLockingException.class).hasMessageContaining("gone-task")
        .hasMessageContaining("someone else").hasCause(executionGone);
    PvmException movedOn = new PvmException("cannot signal execution 42: it has no current activity");
    assertThatThrownBy(() -> failingWith(movedOn).execute(new SubmitTaskFormCmd("gone-task", Map.of(), false,
        false))).isInstanceOf(OptimisticLockingException.class).hasCause(movedOn);
  }

  @Test
  void aCompletionThatFoundTheProcessEndedMeanwhileIsAConcurrentChangeToo() {
    NullValueException ended = new NullValueException(
        "Cannot restore state of process instance 42: list of executions is empty");
    assertThatThrownBy(() -> failingWith(ended).execute(new CompleteTaskCmd("gone-task", Map.of())))
        .isInstanceOf(OptimisticLockingException.class).hasCause(ended);
  }

  @Test
  void theSameFailuresWhileTheTaskIsStillThereArePassedOnAsTheyWere() {
    standalone = engine.getTaskService().newTask();
    engine.getTaskService().saveTask(standalone);
    NullPointerException defect = new NullPointerException("a listener's defect");
    assertThatThrownBy(() -> failingWith(defect).execute(new CompleteTaskCmd(standalone.getId(), Map.of())))
        .isSameAs(defect);
    PvmException other = new PvmException("couldn't process signal");
    assertThatThrownBy(() -> failingWith(other).execute(new SubmitTaskFormCmd(standalone.getId(), Map.of(), false,
        false))).isSameAs(other);
  }

  @Test
  void refusalsAndOtherCommandsFailuresArePassedOnEvenWhenTheTaskIsGone() {
    AuthorizationException refused = new AuthorizationException("desk may not complete it");
    assertThatThrownBy(() -> failingWith(refused).execute(new CompleteTaskCmd("gone-task", Map.of())))
        .isSameAs(refused);
    NullValueException missing = new NullValueException("Cannot find task with id gone-task: task is null");
    assertThatThrownBy(() -> failingWith(missing).execute(new GetTaskVariableCmd("gone-task", "x", false)))
        .isSameAs(missing);
    NullPointerException elsewhere = new NullPointerException();
    assertThatThrownBy(() -> failingWith(elsewhere).execute(new GetTaskVariableCmd("gone-task", "x", false)))
        .isSameAs(elsewhere);
  }

  @Test
  void aCompletionOfATaskThatWasNotThereIsNotFoundInTheSameWords() {
    NullValueException missing = new NullValueException("Cannot find task with id gone-task: task is null");
    assertThatThrownBy(() -> failingWith(missing).execute(new CompleteTaskCmd("gone-task", Map.of())))
        .isInstanceOf(NotFoundException.class).hasMessage(missing.getMessage()).hasCause(missing)
        .satisfies(notFound -> assertThat(TaskCompletedMeanwhile.taskNotFound(notFound)).isTrue());
    // the engine's own, through the engine: the command's context logs a NotFoundException at DEBUG, not at ERROR
    assertThatThrownBy(() -> engine.getTaskService().complete("no-such-task"))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Cannot find task with id no-such-task");
  }

  @Test
  void theCompletionCommandsStillKeepTheirTasksId() {
    assertThat(TaskCompletedMeanwhile.completedTask(new CompleteTaskCmd("t-1", Map.of()))).isEqualTo("t-1");
    assertThat(TaskCompletedMeanwhile.completedTask(new SubmitTaskFormCmd("t-2", Map.of(), false, false)))
        .isEqualTo("t-2");
    assertThat(TaskCompletedMeanwhile.completedTask(new GetTaskVariableCmd("t-3", "x", false))).isNull();
  }
}
