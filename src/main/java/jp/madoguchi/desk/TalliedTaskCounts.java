package jp.madoguchi.desk;

import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's filter service with Tasklist's counts taken from the {@link OpenTaskTally} where it answers exactly
 * (issue 20, ADR 0039). Tasklist, the REST API ({@code /filter/{id}/count}, a filter's HAL list) and our own code all
 * count through it; listing a filter's tasks is the engine's, unchanged.
 */
@Component
class TalliedTaskCounts extends AbstractProcessEnginePlugin {

  private final OpenTaskTally tally;
  private final JdbcClient jdbc;

  TalliedTaskCounts(OpenTaskTally tally, JdbcClient jdbc) {
    this.tally = tally;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFilterService(new TalliedFilterService(tally, jdbc));
  }

  /** Counts through {@link TalliedFilterCountCmd}; everything else as the engine's. */
  static final class TalliedFilterService extends FilterServiceImpl {

    private final OpenTaskTally tally;
    private final JdbcClient jdbc;

    TalliedFilterService(OpenTaskTally tally, JdbcClient jdbc) {
      this.tally = tally;
      this.jdbc = jdbc;
    }

    @Override
    public Long count(String filterId) {
      return commandExecutor.execute(new TalliedFilterCountCmd(filterId, null, tally, jdbc));
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
      return commandExecutor.execute(new TalliedFilterCountCmd(filterId, extendingQuery, tally, jdbc));
    }
  }
}
