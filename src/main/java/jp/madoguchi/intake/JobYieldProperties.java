package jp.madoguchi.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job executor yields to a breach-day intake (ADR 0040).
 *
 * @param share the part of its threads' time the job executor keeps while requests pour in: after each batch of jobs
 *     a thread pauses for (1 / share - 1) times what the batch took; 1 never pauses
 * @param arrivals how many submissions within {@code window} mean that requests pour in
 * @param window see {@code arrivals}
 * @param maxPause the longest pause after one batch (a long batch, such as a large disclosure's annex, pauses no
 *     longer than this)
 */
@ConfigurationProperties("madoguchi.intake.job-yield")
record JobYieldProperties(
    @DefaultValue("0.25") double share,
    @DefaultValue("5") int arrivals,
    @DefaultValue("PT1S") Duration window,
    @DefaultValue("PT2S") Duration maxPause) {

  JobYieldProperties {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "madoguchi.intake.job-yield.share must be more than 0 and at most 1, not " + share);
    }
    if (maxPause.isNegative()) {
      throw new IllegalArgumentException("madoguchi.intake.job-yield.max-pause must not be negative: " + maxPause);
    }
  }
}
