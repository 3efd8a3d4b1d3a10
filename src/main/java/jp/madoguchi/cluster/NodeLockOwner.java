package jp.madoguchi.cluster;

import java.util.UUID;
import jp.madoguchi.correspondence.CorrespondenceProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Names this node in the job executor's locks. The engine locks each job it acquires with an owner and an expiry
 * ({@code LOCK_OWNER_}, {@code LOCK_EXP_TIME_} of {@code ACT_RU_JOB}); its owner is a random UUID by default, which
 * tells an operator nothing. With the node's id ({@code MADOGUCHI_NODE_ID}, the one the outbox's claims carry) an
 * operator sees which node holds a job, and which jobs a node that died still holds until their locks expire. The
 * random suffix keeps owners apart when two nodes share an id (the default id is the host name).
 */
@Component
class NodeLockOwner extends AbstractProcessEnginePlugin {

  /** {@code LOCK_OWNER_} holds 255 characters; the suffix takes 37. */
  static final int MAX_NODE_ID_LENGTH = 200;

  private final String nodeId;

  NodeLockOwner(CorrespondenceProperties correspondence) {
    String id = correspondence.nodeId();
    this.nodeId = id.length() > MAX_NODE_ID_LENGTH ? id.substring(0, MAX_NODE_ID_LENGTH) : id;
  }

  // after init, when the job executor is the one the engine will start (the starter's, or the engine's default)
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(nodeId + "/" + UUID.randomUUID());
    }
  }
}
