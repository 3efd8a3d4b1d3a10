package jp.madoguchi.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the desk's pages and APIs answer while the database is unavailable.
 *
 * @param retryAfter how long clients are asked to wait before trying again (the {@code Retry-After} header, in
 *     whole seconds): about as long as a database restart or a fail-over takes
 */
@ConfigurationProperties("madoguchi.outage")
record OutageProperties(@DefaultValue("PT1M") Duration retryAfter) {

  OutageProperties {
    if (retryAfter == null || retryAfter.isNegative() || retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException("madoguchi.outage.retry-after must be at least one second");
    }
  }

  /** The header's value: whole seconds. */
  String retryAfterSeconds() {
    return Long.toString(retryAfter.toSeconds());
  }
}
