package jp.madoguchi.deadline;

import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/** The flags the managers see when a request's deadlines pass: overdue, and the APPI Art 39 date passed. */
@Service
class DeadlineEscalations {

  private final RequestRegister register;

  DeadlineEscalations(RequestRegister register) {
    this.register = register;
  }

  /** Marks the request overdue (target deadline passed without an answer). */
  void flagOverdue(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), clock.clockPausedSince(), clock.pausedBusinessDays(), true, clock.art39DatePassed()));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "TARGET_DEADLINE_PASSED",
        "escalated to privacy-managers");
  }

  /**
   * Marks the request as unanswered two weeks after arrival: the person may now sue (APPI Art 39). The event type
   * and the register's column keep their first names: stored history and reports read them.
   */
  void flagArt39DatePassed(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), clock.clockPausedSince(), clock.pausedBusinessDays(), clock.overdue(), true));
    register.recordEvent(requestId, RequestRegister.SYSTEM_ACTOR, "ART39_TWO_WEEKS_PASSED",
        "unanswered 14 days after arrival; flagged to privacy-managers");
  }
}
