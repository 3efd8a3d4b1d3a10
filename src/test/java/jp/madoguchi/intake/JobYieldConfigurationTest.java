package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The Camunda starter's job pool, made by the starter's own bean method, runs its batches through
 * {@link JobsYieldToIntake}: no engine, since the pool is what the job executor hands its batches to. The pauses are
 * recorded instead of slept.
 */
class JobYieldConfigurationTest {

  static final List<Duration> PAUSES = new CopyOnWriteArrayList<>();

  @Configuration(proxyBeanMethods = false)
  static class RecordedPauses {
    @Bean
    JobsYieldToIntake jobsYieldToIntake(IntakePressure pressure, JobYieldProperties properties) {
      return new JobsYieldToIntake(pressure, properties, System::nanoTime, PAUSES::add);
    }
  }

  @Test
  void whileRequestsPourInTheStartersJobPoolPausesAfterEachBatchAndNotOtherwise() {
    PAUSES.clear();
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    // one thread, so that the batches run one after the other
    camunda.getJobExecution().setCorePoolSize(1);
    camunda.getJobExecution().setMaxPoolSize(1);
    new ApplicationContextRunner()
        .withAllowBeanDefinitionOverriding(true)
        .withBean(JobYieldConfiguration.JOB_THREADS, ThreadPoolTaskExecutor.class,
            () -> (ThreadPoolTaskExecutor) JobConfiguration.camundaTaskExecutor(camunda))
        .withUserConfiguration(JobYieldConfiguration.class, RecordedPauses.class)
        // a wide window, so that a slow machine's scheduling cannot let the five arrivals fall out of it
        .withPropertyValues("madoguchi.intake.job-yield.window=PT1M")
        .run(started -> {
          IntakePressure pressure = started.getBean(IntakePressure.class);
          ThreadPoolTaskExecutor jobThreads =
              started.getBean(JobYieldConfiguration.JOB_THREADS, ThreadPoolTaskExecutor.class);
          CountDownLatch bothDone = new CountDownLatch(1);
          AtomicInteger pausesBeforeTheThird = new AtomicInteger(-1);

          jobThreads.execute(() -> sleep(20));
          jobThreads.execute(() -> {
            for (int i = 0; i < 5; i++) {
              pressure.arrived();
            }
            sleep(20);
          });
          jobThreads.execute(() -> {
            pausesBeforeTheThird.set(PAUSES.size());
            bothDone.countDown();
          });

          assertThat(bothDone.await(30, TimeUnit.SECONDS)).isTrue();
          assertThat(pausesBeforeTheThird).as("the first batch ran before any request came: no pause")
              .hasValue(1);
          assertThat(PAUSES.get(0)).as("the second, 20 ms while five requests came, is followed by three times as "
              + "long (share 0.25)").isGreaterThanOrEqualTo(Duration.ofMillis(55));
        });
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
