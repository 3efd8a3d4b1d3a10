package jp.madoguchi.desk;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** How the desk's own SQL names the engine's tables ({@code ACT_*}), which may carry a configured prefix. */
final class EngineTables {

  private EngineTables() {}

  /** The engine's table prefix (a schema, say {@code camunda.}), or nothing. */
  static String prefix(ProcessEngineConfigurationImpl configuration) {
    return configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }
}
