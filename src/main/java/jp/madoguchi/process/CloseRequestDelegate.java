package jp.madoguchi.process;

import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.process.PersonalDataRequestProcess.FeeOutcome;
import jp.madoguchi.process.PersonalDataRequestProcess.IdentityOutcome;
import jp.madoguchi.process.PersonalDataRequestProcess.Variables;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RetentionProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close request": the register records the outcome and how long the request's personal data is kept. */
@Component
class CloseRequestDelegate implements JavaDelegate {

  private final RequestRegister register;
  private final RetentionProperties retention;
  private final DeskCalendar calendar;

  CloseRequestDelegate(RequestRegister register, RetentionProperties retention, DeskCalendar calendar) {
    this.register = register;
    this.retention = retention;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    register.close(Variables.REQUEST_ID.require(execution), outcome(execution),
        calendar.today().plus(retention.personalData()), RequestRegister.SYSTEM_ACTOR);
  }

  static String outcome(DelegateExecution execution) {
    Boolean complaintResolved = ComplaintProcess.Variables.COMPLAINT_RESOLVED.get(execution);
    if (complaintResolved != null) {
      return complaintResolved ? "COMPLAINT_RESOLVED" : "COMPLAINT_UNRESOLVED";
    }
    if (Variables.WITHDRAWN.isTrue(execution)) {
      return "WITHDRAWN";
    }
    if (Variables.FEE_OUTCOME.getEnum(execution, FeeOutcome.class) == FeeOutcome.ABANDONED) {
      return "FEE_NOT_PAID";
    }
    if (Variables.ABANDONED.isTrue(execution)) {
      return "ABANDONED";
    }
    if (Variables.IDENTITY_OUTCOME.getEnum(execution, IdentityOutcome.class) == IdentityOutcome.REJECTED) {
      return "IDENTITY_REJECTED";
    }
    if (Variables.ENTRUSTED_BY_CLIENT.isTrue(execution)) {
      return "REFERRED_TO_CLIENT";
    }
    if (Boolean.FALSE.equals(Variables.DATA_FOUND.get(execution))) {
      return "NO_DATA_HELD";
    }
    String decision = Variables.DECISION.get(execution);
    return decision == null ? "CLOSED" : "DECIDED_" + decision;
  }
}
