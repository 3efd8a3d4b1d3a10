package jp.madoguchi.decision;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine a FEEL engine that parses each distinct text of the decision tables once
 * ({@link ParseOnceFeelEngine}) instead of at every evaluation. Results and errors stay Camunda's; see ADR 15.
 */
@Component
class ParseOnceFeelPlugin extends AbstractProcessEnginePlugin {

  // before init: init builds the DMN engine from this configuration (ProcessEngineConfigurationImpl.initDmnEngine),
  // creating it only when there is none and adding the engine's history, EL, scripting and FEEL settings to it either
  // way, so all of that stays as without this plugin
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmnConfiguration = configuration.getDmnEngineConfiguration();
    if (dmnConfiguration == null) {
      dmnConfiguration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmnConfiguration);
    }
    // a FEEL engine factory configured elsewhere is a deliberate choice: keep it
    if (dmnConfiguration.getFeelEngineFactory() == null) {
      dmnConfiguration.setFeelEngineFactory(new ParseOnceFeelEngineFactory(dmnConfiguration));
    }
  }
}
