package jp.madoguchi.deployment;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Brings the engine up to date with the shipped models and forms when the engine has started. */
@Component
class DeployModelsOnStartup {

  private final ModelDeployer deployer;

  DeployModelsOnStartup(ModelDeployer deployer) {
    this.deployer = deployer;
  }

  @EventListener(PostDeployEvent.class)
  void deploy() {
    deployer.deployChangedModels();
  }
}
