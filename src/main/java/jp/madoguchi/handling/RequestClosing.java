package jp.madoguchi.handling;

import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RetentionProperties;
import org.springframework.stereotype.Service;

/** Closes a request in the register with its outcome, and keeps its personal data for the retention period. */
@Service
class RequestClosing {

  private final RequestRegister register;
  private final RetentionProperties retention;
  private final DeskCalendar calendar;

  RequestClosing(RequestRegister register, RetentionProperties retention, DeskCalendar calendar) {
    this.register = register;
    this.retention = retention;
    this.calendar = calendar;
  }

  /** Returns the outcome recorded (see {@link ClosingOutcome}). */
  String close(long requestId, ClosingOutcome.Facts facts) {
    String outcome = ClosingOutcome.of(facts);
    register.close(requestId, outcome, calendar.today().plus(retention.personalData()), RequestRegister.SYSTEM_ACTOR);
    return outcome;
  }
}
