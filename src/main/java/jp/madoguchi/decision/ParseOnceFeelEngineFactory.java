package jp.madoguchi.decision;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;

/**
 * Makes the DMN engine's FEEL engine as {@code DefaultDmnEngineConfiguration.initFeelEngine()} would, with
 * {@link ParseOnceFeelEngine} in place of {@code ScalaFeelEngine}. It reads the configuration when the DMN engine is
 * built, not before: the process engine adds its FEEL custom function providers (and the legacy FEEL switch) to the
 * DMN configuration only then.
 */
class ParseOnceFeelEngineFactory implements FeelEngineFactory {

  /**
   * How many distinct texts are kept parsed, for unary tests (input entries) and for expressions (input expressions,
   * output entries) each. The shipped tables have a few dozen; a parsed text takes a few kilobytes at most.
   */
  static final int PARSED_TEXTS = 1000;

  private final DefaultDmnEngineConfiguration dmnConfiguration;

  ParseOnceFeelEngineFactory(DefaultDmnEngineConfiguration dmnConfiguration) {
    this.dmnConfiguration = dmnConfiguration;
  }

  @Override
  public FeelEngine createInstance() {
    if (dmnConfiguration.isEnableFeelLegacyBehavior()) {
      return new FeelEngineFactoryImpl().createInstance();
    }
    return new ParseOnceFeelEngine(dmnConfiguration.getFeelCustomFunctionProviders(), PARSED_TEXTS);
  }
}
