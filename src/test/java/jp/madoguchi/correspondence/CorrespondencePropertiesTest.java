package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CorrespondencePropertiesTest {

  static CorrespondenceProperties withBackOff(Duration first, double multiplier, Duration max) {
    return new CorrespondenceProperties(14, 12, first, multiplier, max, Duration.ofSeconds(30),
        Duration.ofMinutes(10), 50, "node-a", 2, 4, 1);
  }

  @Test
  void theWaitBetweenAttemptsGrowsExponentiallyUpToItsCap() {
    CorrespondenceProperties properties = withBackOff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1));

    assertThat(properties.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(properties.retryAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(properties.retryAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(properties.retryAfter(40)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void nonsenseIsRefusedAtStartAndTheNodeIsNamedAfterItsHost() {
    assertThatThrownBy(() -> new CorrespondenceProperties(0, 12, Duration.ofMinutes(1), 2.0, Duration.ofHours(1),
        Duration.ofSeconds(30), Duration.ofMinutes(10), 50, null, 2, 4, 1)).hasMessageContaining("download-valid-days");
    assertThatThrownBy(() -> withBackOff(Duration.ofMinutes(1), 0.5, Duration.ofHours(1)))
        .hasMessageContaining("retry-multiplier");
    assertThat(new CorrespondenceProperties(14, 12, Duration.ofMinutes(1), 2.0, Duration.ofHours(1),
        Duration.ofSeconds(30), Duration.ofMinutes(10), 50, " ", 2, 4, 1).nodeId()).isNotBlank();
    assertThatThrownBy(() -> new CorrespondenceProperties(14, 12, Duration.ofMinutes(1), 2.0, Duration.ofHours(1),
        Duration.ofSeconds(30), Duration.ofMinutes(10), 50, "node-a", 0, 4, 1)).hasMessageContaining("parsed-fonts");
    assertThatThrownBy(() -> new CorrespondenceProperties(14, 12, Duration.ofMinutes(1), 2.0, Duration.ofHours(1),
        Duration.ofSeconds(30), Duration.ofMinutes(10), 50, "node-a", 2, 0, 1)).hasMessageContaining("senders");
    assertThatThrownBy(() -> new CorrespondenceProperties(14, 12, Duration.ofMinutes(1), 2.0, Duration.ofHours(1),
        Duration.ofSeconds(30), Duration.ofMinutes(10), 50, "node-a", 2, 4, 10))
        .hasMessageContaining("pdf-deflate-level must be from 0 to 9, not 10");
  }
}
