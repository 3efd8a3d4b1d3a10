package jp.madoguchi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jp.madoguchi.correspondence.CorrespondenceProperties;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor locks jobs in the node's name, so that the locks of a node that died can be told apart. */
@DeskTest
class NodeLockOwnerTest {

  @Autowired ProcessEngineConfiguration configuration;
  @Autowired CorrespondenceProperties correspondence;

  @Test
  void theJobExecutorLocksJobsInTheNodesName() {
    String owner = ((ProcessEngineConfigurationImpl) configuration).getJobExecutor().getLockOwner();

    assertThat(owner).startsWith(correspondence.nodeId() + "/")
        .hasSizeGreaterThan(correspondence.nodeId().length() + 30);
  }
}
