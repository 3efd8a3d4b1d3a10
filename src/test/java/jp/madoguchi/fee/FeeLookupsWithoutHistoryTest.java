package jp.madoguchi.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fee table looked up for display (the public pages, the status, the letters) leaves no decision history; the
 * same table decided in a process is kept in the engine's history with its inputs and output, as before.
 */
@DeskTest
class FeeLookupsWithoutHistoryTest {

  @Autowired RequestFees fees;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;

  @Test
  void aLookupIsAnsweredAndLeavesNoHistoryWhileTheProcesssDecisionIsKept() {
    long before = feeDecisions();

    assertThat(fees.feeYen(RequestType.DISCLOSURE)).isEqualTo(1000);
    assertThat(fees.feeYen(RequestType.CORRECTION)).isZero();
    assertThat(fees.feeYen(RequestType.DISCLOSURE, PersonalInformationKind.SPECIFIC)).isPositive();
    assertThat(feeDecisions()).as("lookups for display").isEqualTo(before);

    Deployment deployment = engine.getRepositoryService().createDeployment().name("fee decided in a process")
        .addModelInstance("fee-decided.bpmn", Bpmn.createExecutableProcess("fee-decided").camundaHistoryTimeToLive(1)
            .startEvent().businessRuleTask("Task_DetermineFee").camundaDecisionRef(RequestFees.DECISION_KEY)
            .camundaResultVariable("feeAmount").camundaMapDecisionResult("singleEntry").endEvent().done())
        .deploy();
    try {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("fee-decided",
          Map.of("requestType", "DISCLOSURE", "personalInformationKind", "ORDINARY")).getId();

      assertThat(feeDecisions()).as("the process's decision").isEqualTo(before + 1);
      var decided = history.createHistoricDecisionInstanceQuery().processInstanceId(instance).includeInputs()
          .includeOutputs().singleResult();
      assertThat(decided.getInputs()).hasSize(2);
      assertThat(decided.getOutputs()).singleElement().extracting(output -> ((Number) output.getValue()).intValue())
          .isEqualTo(1000);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private long feeDecisions() {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(RequestFees.DECISION_KEY).count();
  }
}
