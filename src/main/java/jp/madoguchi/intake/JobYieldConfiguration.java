package jp.madoguchi.intake;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Puts {@link JobsYieldToIntake} on the Camunda starter's job thread pool (the bean {@value #JOB_THREADS}) before the
 * pool starts, and gives the intake its {@link IntakePressure}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobYieldProperties.class)
class JobYieldConfiguration {

  /** The Camunda Spring Boot starter's pool for the job executor, by the starter's own name for it. */
  static final String JOB_THREADS = JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER;

  @Bean
  IntakePressure intakePressure(JobYieldProperties properties) {
    return new IntakePressure(properties.arrivals(), properties.window(), System::nanoTime);
  }

  @Bean
  JobsYieldToIntake jobsYieldToIntake(IntakePressure pressure, JobYieldProperties properties) {
    return new JobsYieldToIntake(pressure, properties, System::nanoTime,
        pause -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000));
  }

  /**
   * Static, as a post-processor must be; the decorator is looked up when the pool first runs a batch, so that the
   * post-processor pulls nothing into existence early.
   */
  @Bean
  static BeanPostProcessor jobThreadsYieldToIntake(ObjectProvider<JobsYieldToIntake> yielding) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JOB_THREADS.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
          pool.setTaskDecorator(batch -> yielding.getObject().decorate(batch));
        }
        return bean;
      }
    };
  }
}
