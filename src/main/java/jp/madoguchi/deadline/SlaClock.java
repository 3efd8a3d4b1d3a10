package jp.madoguchi.deadline;

import java.time.LocalDate;
import java.util.Date;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Service;

/**
 * The request's SLA clock in the register. The target deadline counts business days from the arrival date; the
 * clock stands still while the desk waits for the requester (documents, fee) and the target moves by the business
 * days it stood, the engine's timers and tasks following ({@link ClockTimers}). Independently, a request unanswered
 * two weeks after arrival may be taken to court (APPI Art 39); that date never moves.
 */
@Service
public class SlaClock {

  private final RequestRegister register;
  private final DeskCalendar calendar;
  private final SlaDates slaDates;
  private final ClockTimers timers;

  SlaClock(RequestRegister register, DeskCalendar calendar, SlaDates slaDates, ClockTimers timers) {
    this.register = register;
    this.calendar = calendar;
    this.slaDates = slaDates;
    this.timers = timers;
  }

  /** Starts the clock at the arrival date with the target the decision table gave. */
  public ClockDates start(long requestId, int targetBusinessDays, String actor) {
    DeskRequest request = register.find(requestId);
    LocalDate arrivedOn = request.arrivedOn();
    LocalDate targetDueOn = slaDates.targetDueOn(arrivedOn, targetBusinessDays, 0);
    LocalDate art39On = slaDates.art39On(arrivedOn, request.type());
    register.updateDeadlines(requestId,
        new Deadlines(targetBusinessDays, targetDueOn, art39On, null, 0, false, false));
    register.recordEvent(requestId, actor, "SLA_CLOCK_STARTED",
        "target " + targetDueOn + " (" + targetBusinessDays + " business days)"
            + (art39On == null ? "" : ", Art 39 " + art39On));
    return slaDates.dates(targetDueOn, art39On);
  }

  /** The target deadline, at closing time of its business day; null before the clock started. */
  public Date targetDueDate(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return clock.targetDueOn() == null ? null
        : slaDates.dates(clock.targetDueOn(), clock.art39Date()).targetDueDate();
  }

  /** When the assignee is reminded: opening time, some business days before the target. */
  public Date reminderDate(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return slaDates.dates(clock.targetDueOn(), clock.art39Date()).reminderDate();
  }

  /** Two weeks after arrival (APPI Art 39), at midnight in the desk's time zone; null where Art 39 does not apply. */
  public Date art39Date(long requestId) {
    Deadlines clock = register.find(requestId).deadlines();
    return slaDates.dates(clock.targetDueOn(), clock.art39Date()).art39Date();
  }

  /**
   * Stops the clock while the desk waits for the requester: the target and reminder timers are parked until the
   * clock runs again and they get their new dates. Stopping a stopped clock changes nothing.
   */
  public void pause(long requestId, String reference, String actor) {
    DeskRequest request = register.find(requestId);
    Deadlines clock = request.deadlines();
    if (clock.clockPausedSince() != null || clock.targetDueOn() == null) {
      return;
    }
    LocalDate today = calendar.today();
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), clock.targetDueOn(),
        clock.art39Date(), today, clock.pausedBusinessDays(), clock.overdue(), clock.art39DatePassed()));
    register.recordEvent(requestId, actor, "SLA_CLOCK_PAUSED", "waiting for the requester since " + today);
    timers.park(reference);
  }

  /**
   * Starts the clock again when the requester's answer arrives: the target moves by the business days waited, and
   * the request's timers and open tasks follow.
   */
  public void resume(long requestId, String reference, String actor) {
    DeskRequest request = register.find(requestId);
    Deadlines clock = request.deadlines();
    if (clock.clockPausedSince() == null) {
      return;
    }
    int waited = slaDates.businessDaysWaited(clock.clockPausedSince(), calendar.today());
    int paused = clock.pausedBusinessDays() + waited;
    LocalDate targetDueOn = slaDates.targetDueOn(request.arrivedOn(), clock.targetBusinessDays(), paused);
    register.updateDeadlines(requestId, new Deadlines(clock.targetBusinessDays(), targetDueOn, clock.art39Date(),
        null, paused, clock.overdue(), clock.art39DatePassed()));
    register.recordEvent(requestId, actor, "SLA_CLOCK_RESUMED",
        waited + " business days waited; target now " + targetDueOn);
    timers.follow(reference, slaDates.dates(targetDueOn, clock.art39Date()));
  }
}
