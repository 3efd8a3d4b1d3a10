package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The job executor's yielding, on a clock the test moves: no timing of real work. */
class JobsYieldToIntakeTest {

  static final long MS = 1_000_000;

  final AtomicLong now = new AtomicLong(1_000 * MS);
  final IntakePressure pressure = new IntakePressure(5, Duration.ofSeconds(1), now::get);
  final List<Duration> pauses = new ArrayList<>();

  JobsYieldToIntake yielding(double share, Duration maxPause) {
    return new JobsYieldToIntake(pressure, new JobYieldProperties(share, 5, Duration.ofSeconds(1), maxPause),
        now::get, pauses::add);
  }

  void arrivals(int count, long apartMillis) {
    for (int i = 0; i < count; i++) {
      pressure.arrived();
      now.addAndGet(apartMillis * MS);
    }
  }

  /** A batch of jobs that takes {@code millis} on the test's clock. */
  Runnable batchTaking(long millis, List<String> ran) {
    return () -> {
      ran.add("batch");
      now.addAndGet(millis * MS);
    };
  }

  @Test
  void anOrdinaryDaysRequestsDoNotMakeRequestsPourIn() {
    arrivals(4, 10);
    assertThat(pressure.pouringIn()).as("four requests are not five").isFalse();
    arrivals(20, 300);
    assertThat(pressure.pouringIn()).as("five requests in 1.2 s, not within the second").isFalse();
  }

  @Test
  void fiveRequestsWithinTheWindowPourInUntilTheWindowHasPassedTheFifthLast() {
    arrivals(5, 100);
    assertThat(pressure.pouringIn()).isTrue();
    now.addAndGet(500 * MS);
    assertThat(pressure.pouringIn()).as("the first of the five came 1,000 ms ago").isFalse();
    arrivals(1, 0);
    assertThat(pressure.pouringIn()).as("the last five within 600 ms").isTrue();
  }

  @Test
  void whileRequestsPourInABatchIsFollowedByAPauseThatLeavesTheJobsTheirShare() {
    JobsYieldToIntake yielding = yielding(0.25, Duration.ofSeconds(2));
    List<String> ran = new ArrayList<>();
    arrivals(5, 10);

    yielding.decorate(batchTaking(40, ran)).run();

    assertThat(ran).containsExactly("batch");
    assertThat(pauses).as("40 ms of work is a quarter of 160 ms").containsExactly(Duration.ofMillis(120));
  }

  @Test
  void aLongBatchPausesAtMostTheLongestPause() {
    JobsYieldToIntake yielding = yielding(0.25, Duration.ofSeconds(2));
    arrivals(5, 10);
    // the batch runs for 900 ms, so the arrivals stay within the window only if they go on meanwhile
    yielding.decorate(() -> {
      arrivals(5, 180);
    }).run();
    assertThat(pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void noPauseWhenRequestsDoNotPourInOrWhenTheShareIsAll() {
    List<String> ran = new ArrayList<>();
    yielding(0.25, Duration.ofSeconds(2)).decorate(batchTaking(40, ran)).run();
    arrivals(5, 10);
    yielding(1, Duration.ofSeconds(2)).decorate(batchTaking(40, ran)).run();

    assertThat(ran).hasSize(2);
    assertThat(pauses).isEmpty();
  }

  @Test
  void aFailingBatchStillYieldsAndItsFailureReachesThePool() {
    JobsYieldToIntake yielding = yielding(0.5, Duration.ofSeconds(2));
    arrivals(5, 10);
    Runnable failing = yielding.decorate(() -> {
      now.addAndGet(30 * MS);
      throw new IllegalStateException("the batch failed");
    });

    assertThatThrownBy(failing::run).hasMessage("the batch failed");
    assertThat(pauses).containsExactly(Duration.ofMillis(30));
  }

  @Test
  void anInterruptedPauseEndsAndKeepsTheThreadsInterruptFlag() {
    JobsYieldToIntake yielding = new JobsYieldToIntake(pressure,
        new JobYieldProperties(0.25, 5, Duration.ofSeconds(1), Duration.ofSeconds(2)), now::get, pause -> {
          throw new InterruptedException("pool shutting down");
        });
    arrivals(5, 10);
    try {
      yielding.decorate(batchTaking(40, new ArrayList<>())).run();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aShareOutsideZeroToOneOrANonsenseWindowIsRefusedAtStart() {
    assertThatThrownBy(() -> new JobYieldProperties(0, 5, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessageContaining("madoguchi.intake.job-yield.share");
    assertThatThrownBy(() -> new JobYieldProperties(1.5, 5, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessageContaining("madoguchi.intake.job-yield.share");
    assertThatThrownBy(() -> new JobYieldProperties(0.25, 5, Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessageContaining("max-pause");
    assertThatThrownBy(() -> new IntakePressure(0, Duration.ofSeconds(1), now::get))
        .hasMessageContaining("arrivals");
    assertThatThrownBy(() -> new IntakePressure(5, Duration.ZERO, now::get)).hasMessageContaining("window");
  }
}
