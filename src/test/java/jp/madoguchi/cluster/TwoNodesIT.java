package jp.madoguchi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged jar, in JVMs of their own, on one PostgreSQL database ({@code madoguchi_nodes}, emptied
 * first) and one SMTP server: every job runs once, every letter is sent once; then one node is killed while it holds
 * jobs and letters, and the other finishes them ({@link TwoNodesCheck}, {@link NodeDeathPhase}). Not part of the
 * default build; run with {@code ./mvnw verify -Pcluster} (the jar must be packaged first, which {@code verify} does).
 */
@Tag("cluster")
class TwoNodesIT {

  @Test
  void twoNodesRunEveryJobOnceSendEveryLetterOnceAndFinishTheWorkOfOneThatDies() throws Exception {
    assertThat(TwoNodesCheck.fromSystemProperties().run()).isEmpty();
  }
}
