package jp.madoguchi.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
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
 * {@link OptimisticLockingException} when the task is gone, looked for in a transaction of its own: the failing
 * completion will be rolled back, so only another completion that committed (or the request's cancellation) can have
 * removed it. Every caller is then told the same thing: someone else was first (Tasklist through the REST API,
 * {@code EngineRestConfiguration}: 409). A failure while the task is still there (a defect in a listener, say) is
 * passed on as it was, and so is a refusal ({@link AuthorizationException}); a task that was not there when the
 * command began ("Cannot find task with id", the engine's {@link NullValueException}) becomes a
 * {@link NotFoundException} with the same words (the REST API's 404).
 *
 * <p>It sits inside the command's context, between the context and the command (a post-interceptor): the context,
 * when it closes, logs a concurrent change at DEBUG and any other failure at ERROR (ENGINE-16004), so a completion
 * that merely came second is no longer an error in the log (ADR 0051).
 */
@Component
public class TaskCompletedMeanwhile extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCompletedMeanwhile.class);
  // CompleteTaskCmd / SubmitTaskFormCmd, when no task has the id
  private static final String TASK_NOT_FOUND = "Cannot find task with id";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor(configuration));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * Inside the command's context and transaction; the task is looked for in a new transaction, which sees what other
   * transactions committed (the failing one has written nothing yet: the engine writes when its context closes).
   */
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
        if (taskId == null) {
          throw failure;
        }
        if (taskNotFound(failure)) {
          // the caller's mistake (a task gone before it began), not the engine's: a NotFoundException, which the
          // context logs at DEBUG and the REST API answers 404, where the engine's NullValueException is an ERROR
          throw failure instanceof NotFoundException ? failure : new NotFoundException(failure.getMessage(), failure);
        }
        if (!gone(taskId)) {
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
        return configuration.getCommandExecutorTxRequiresNew().execute(context -> {
          context.disableAuthorizationCheck();
          context.disableTenantCheck();
          return context.getTaskManager().findTaskById(taskId) == null;
        });
      } catch (RuntimeException unreadable) {
        // e.g. no connection to be had for the new transaction: the original failure stands
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
    return (failure instanceof NullValueException || failure instanceof NotFoundException)
        && failure.getMessage() != null && failure.getMessage().startsWith(TASK_NOT_FOUND);
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
