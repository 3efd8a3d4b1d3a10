package jp.madoguchi.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin inside a real (in-memory) engine: the DMN engine gets the parse-once FEEL engine and keeps the rest of
 * its set-up, the engine's FEEL custom functions and history included.
 */
class ParseOnceFeelPluginTest {

  private static final String TWICE_TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_twice" name="Twice" namespace="https://madoguchi.jp/dmn/test">
        <decision id="twice" name="Twice" camunda:historyTimeToLive="P1D">
          <decisionTable id="DecisionTable_twice">
            <input id="Input_X">
              <inputExpression id="Input_X_Expression" typeRef="integer"><text>x</text></inputExpression>
            </input>
            <output id="Output_Twice" name="twice" />
            <rule id="Rule_twice_1">
              <inputEntry id="Rule_twice_1_In0"><text>&gt; 2</text></inputEntry>
              <outputEntry id="Rule_twice_1_Out0"><text>twice(x)</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private ProcessEngine engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theDmnEngineGetsTheParseOnceFeelEngineAndKeepsTheEnginesCustomFunctionsAndHistory() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    configuration.setDmnFeelCustomFunctionProviders(List.of(new Twice()));
    startEngine(configuration);
    engine.getRepositoryService().createDeployment().addString("twice.dmn", TWICE_TABLE).deploy();

    for (long x = 1; x <= 4; x++) {
      List<Object> results = engine.getDecisionService()
          .evaluateDecisionTableByKey("twice", Variables.putValue("x", x)).collectEntries("twice");
      assertThat(results).as("x = %d", x).isEqualTo(x > 2 ? List.of(2 * x) : List.of());
    }

    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParseOnceFeelEngine.class);
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("twice").count())
        .isEqualTo(4);
  }

  @Test
  void withTheLegacyFeelSwitchTheDmnEngineKeepsCamundasJuelFeel() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    configuration.setDmnFeelEnableLegacyBehavior(true);

    startEngine(configuration);

    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(FeelEngineImpl.class);
  }

  @Test
  void aFeelEngineFactoryConfiguredElsewhereIsKept() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    DefaultDmnEngineConfiguration dmnConfiguration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmnConfiguration.setFeelEngineFactory(new ScalaFeelEngineFactory());
    configuration.setDmnEngineConfiguration(dmnConfiguration);

    startEngine(configuration);

    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isNotInstanceOf(ParseOnceFeelEngine.class);
  }

  private static StandaloneInMemProcessEngineConfiguration configuration() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "feel-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
    configuration.setProcessEnginePlugins(List.of(new ParseOnceFeelPlugin()));
    return configuration;
  }

  private void startEngine(StandaloneInMemProcessEngineConfiguration configuration) {
    engine = configuration.buildProcessEngine();
  }

  /** An engine-wide FEEL function, as a project would register one: {@code twice(n)}. */
  private static final class Twice implements FeelCustomFunctionProvider {

    @Override
    public Optional<CustomFunction> resolveFunction(String name) {
      return "twice".equals(name)
          ? Optional.of(CustomFunction.create().setParams("n")
              .setFunction(args -> ((Number) args.get(0)).longValue() * 2).build())
          : Optional.empty();
    }

    @Override
    public Collection<String> getFunctionNames() {
      return List.of("twice");
    }
  }
}
