package jp.madoguchi.desk;

import jp.madoguchi.fee.RequestFees;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history as the desk keeps it (ADR 0038): every variable's value in {@code ACT_HI_VARINST} (its last
 * value, when it was set; not the display words of each task, ADR 0046), the text fields of every form a member of
 * staff submitted in {@code ACT_HI_DETAIL} (the engine keeps only a submission's string values there), every decision
 * with its inputs and outputs (but not the fee table's lookups for display, {@link RequestFees#isLookup}), every
 * activity, task and user operation; but not a second copy of each variable's every update in {@code ACT_HI_DETAIL}.
 * The variables are the models' routing facts (request id, reference, kinds, outcomes, dates), set by the desk's own
 * steps; the record of who did what and why is the register's history, the letters and the forms' entries. At history
 * level {@code full} the trail was a third of every variable's writes (a variable is written to
 * {@code ACT_RU_VARIABLE}, {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL}), 17% of all rows a request inserted at intake.
 */
class VariableValuesWithoutTrail extends DbHistoryEventHandler {

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity variableUpdate) {
    return false;
  }

  /**
   * Every event as the engine writes it, except
   * <ul>
   *   <li>the fee table's lookups for display ({@link RequestFees#isLookup}): they decide nothing about a request, and
   *       the pages anyone may open would otherwise write four rows of decision history per request type shown;</li>
   *   <li>the display words every task carries ({@link TaskPresentation.Display}, task-local): words for codes and
   *       dates whose values the history keeps in the variables they are made from, written, rewritten and deleted
   *       with each task; a fifth of a request's variable writes (ADR 0046). A variable of the same name that is not
   *       a task's own is kept, as any other.</li>
   * </ul>
   */
  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && TaskPresentation.Display.NAMES.contains(variable.getVariableName())) {
      return;
    }
    if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
      HistoricDecisionInstanceEntity root = evaluation.getRootHistoricDecisionInstance();
      if (root != null && RequestFees.isLookup(root.getDecisionDefinitionKey(), root.getProcessInstanceId(),
          root.getCaseInstanceId())) {
        return;
      }
    }
    super.handleEvent(event);
  }
}
