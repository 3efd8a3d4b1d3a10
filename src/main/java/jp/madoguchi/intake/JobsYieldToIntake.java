package jp.madoguchi.intake;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskDecorator;

/**
 * The job executor's threads yield to requests pouring in (ADR 0040). Every batch of jobs the engine hands its
 * thread pool runs as it is; after it, while {@link IntakePressure} says that requests pour in, the thread pauses for
 * (1 / share - 1) times what the batch took, at most {@code maxPause}. With a share of a quarter the job executor
 * keeps a quarter of its threads' time: the letters (the receipt with its PDF, the confirmation link) go on being
 * composed and sent, more slowly, and the cores go to taking the requests. When the requests stop, so do the pauses.
 * The pause comes after the batch's transactions have ended: nothing is held but the thread (the engine's
 * acquisition finds the pool busy and waits, as it does when jobs take long).
 */
final class JobsYieldToIntake implements TaskDecorator {

  private static final Logger LOG = LoggerFactory.getLogger(JobsYieldToIntake.class);

  /** How a thread pauses; a test's sleeper records instead. */
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  private final IntakePressure pressure;
  private final double pausePerNanoRun;
  private final long maxPauseNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;

  JobsYieldToIntake(IntakePressure pressure, JobYieldProperties properties, LongSupplier nanoClock, Sleeper sleeper) {
    this.pressure = pressure;
    this.pausePerNanoRun = 1 / properties.share() - 1;
    this.maxPauseNanos = properties.maxPause().toNanos();
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  @Override
  public Runnable decorate(Runnable batch) {
    return () -> {
      long start = nanoClock.getAsLong();
      try {
        batch.run();
      } finally {
        yieldAfter(nanoClock.getAsLong() - start);
      }
    };
  }

  /** The pause after a batch that took {@code ranNanos}: zero unless requests pour in. */
  Duration pauseAfter(long ranNanos) {
    if (pausePerNanoRun == 0 || !pressure.pouringIn()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.min(maxPauseNanos, Math.round(ranNanos * pausePerNanoRun)));
  }

  private void yieldAfter(long ranNanos) {
    Duration pause = pauseAfter(ranNanos);
    if (pause.isZero()) {
      return;
    }
    try {
      sleeper.sleep(pause);
    } catch (InterruptedException e) {
      // the pool is shutting down: stop pausing, keep the flag for the pool's thread
      LOG.debug("Job thread interrupted while yielding to the intake");
      Thread.currentThread().interrupt();
    }
  }
}
