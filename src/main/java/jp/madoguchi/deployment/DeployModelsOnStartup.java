package jp.madoguchi.deployment;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the engine up to date with the shipped models and forms once the engine is built, before the web
 * server accepts requests, so that no one sees the application without its models.
 */
@Component
class DeployModelsOnStartup implements SmartInitializingSingleton {

  private final ModelDeployer deployer;

  DeployModelsOnStartup(ModelDeployer deployer) {
    this.deployer = deployer;
  }

  @Override
  public void afterSingletonsInstantiated() {
    deployer.deployChangedModels();
  }
}
