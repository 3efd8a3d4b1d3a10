package jp.madoguchi.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two completions of one task at once (two members of staff, or a double submission): the engine lets the first to
 * commit win, but the other does not always fail as a concurrent change. Depending on what it read before the first
 * committed, it fails with a {@link NullPointerException} (the task's execution gone), "cannot signal execution ...:
 * it has no current activity" (the execution moved on), "Cannot restore state of process instance ...: list of
 * executions is empty" (the process ended), and the REST API answers each with a 500 and the engine's words. This
 * interceptor, around every command, turns any failure of a task's completion into the engine's
 * {@link OptimisticLockingException} when the task is gone afterwards: the failed completion was rolled back, so
 * only another completion (or the request's cancellation) can have removed it. Every caller is then told the same
 * thing: someone else was first (Tasklist through the REST API, {@code EngineRestConfiguration}: 409). A failure
 * while the task is still there (a defect in a listener, say) is passed on as it was, and so are a refusal
 * ({@link AuthorizationException}) and a task that was not there when the command began ("Cannot find task with
 * id", the REST API's 404).
 */
@Component
public class TaskCompletedMeanwhile extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCompletedMeanwhile.class);
  // CompleteTaskCmd / SubmitTaskFormCmd, when no task has the id
  private static final String TASK_NOT_FOUND = "Cannot find task with id";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Outside the command's transaction: its failure has been rolled back when the task is looked for. */
  static final class Interceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Interceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (OptimisticLockingException | AuthorizationException failure) {
        // already a concurrent change; a refusal of the caller
        throw failure;
      } catch (RuntimeException failure) {
        String taskId = completedTask(command);
        if (taskId == null || taskNotFound(failure) || !gone(taskId)) {
          throw failure;
        }
        throw new OptimisticLockingException("Task " + taskId + " was completed by someone else meanwhile (this "
            + "completion failed with: " + failure + ")", failure);
      }
    }

    /** Whether the task is no longer there (completed by the other completion, which committed). */
    private boolean gone(String taskId) {
      try {
        // whoever completed it: looked for by id, whether or not the caller may read it
        return configuration.getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          return context.getTaskManager().findTaskById(taskId) == null;
        });
      } catch (RuntimeException unreadable) {
        // e.g. the caller's own transaction, which this command joined, was aborted: the original failure stands
        LOG.debug("Could not look for task {} after its completion failed", taskId, unreadable);
        return false;
      }
    }
  }

  /**
   * The engine found no task to complete ("Cannot find task with id ..."): not a completion that came second, but one
   * for a task that was not there when it began (the REST API's 404).
   */
  public static boolean taskNotFound(Throwable failure) {
    return failure instanceof NullValueException && failure.getMessage() != null
        && failure.getMessage().startsWith(TASK_NOT_FOUND);
  }

  /** The task a completion command completes, or null for any other command. */
  static String completedTask(Command<?> command) {
    Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class
        : command instanceof SubmitTaskFormCmd ? SubmitTaskFormCmd.class : null;
    if (type == null) {
      return null;
    }
    try {
      // the commands keep the task's id in a protected field of that name; TaskCompletedMeanwhileTest reads it
      Field taskId = type.getDeclaredField("taskId");
      taskId.setAccessible(true);
      return (String) taskId.get(command);
    } catch (ReflectiveOperationException | RuntimeException unknown) {
      LOG.warn("The engine's {} no longer has the field taskId; concurrent completions are answered as the engine "
          + "answers them", command.getClass().getSimpleName(), unknown);
      return null;
    }
  }
}
