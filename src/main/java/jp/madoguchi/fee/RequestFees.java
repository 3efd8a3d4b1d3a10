package jp.madoguchi.fee;

import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The fee of a request type, as the {@code request-fee} decision table says: the page the public sees follows the
 * same table as the process, so a designer who changes the fee changes both.
 */
@Service
public class RequestFees {

  static final String DECISION_KEY = "request-fee";
  static final String RESULT = "feeAmount";

  private final DecisionService decisionService;

  RequestFees(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /**
   * Whether a decision the engine evaluated is one of these lookups: the fee table evaluated on its own, outside any
   * process (the public pages, the status, the letters). The engine would keep each one in its history of decisions
   * (four rows; a view of the public request page looks up every request type): the history handler leaves them out
   * (ADR 38). The process's own decision on the fee (its business rule task) has its process instance and is kept.
   */
  public static boolean isLookup(String decisionDefinitionKey, String processInstanceId, String caseInstanceId) {
    return DECISION_KEY.equals(decisionDefinitionKey) && processInstanceId == null && caseInstanceId == null;
  }

  /**
   * The fee in yen, tax included, of a request about ordinary personal information (what the public request page
   * shows for each type); 0 when the type has none (the table has no rule for complaints).
   */
  public int feeYen(RequestType type) {
    return feeYen(type, PersonalInformationKind.ORDINARY);
  }

  /** The fee in yen, tax included, of a request of this type about this kind of information; 0 when none. */
  public int feeYen(RequestType type, PersonalInformationKind kind) {
    DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION_KEY,
        Variables.createVariables().putValue("requestType", type.name())
            .putValue("personalInformationKind", kind == null ? null : kind.name()));
    if (result.isEmpty()) {
      return 0;
    }
    Object amount = result.getSingleResult().getEntry(RESULT);
    return amount == null ? 0 : ((Number) amount).intValue();
  }
}
