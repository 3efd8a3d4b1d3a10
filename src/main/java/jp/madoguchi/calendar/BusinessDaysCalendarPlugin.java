package jp.madoguchi.calendar;

import java.util.Date;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Lets BPMN designers write business days in plain timer and due-date fields: {@code BD10} means "at closing time of
 * the 10th business day after today" (see {@link BusinessDaysCalendar#parse}). Everything else goes to Camunda's own
 * calendars unchanged.
 *
 * <p>The engine's calendars are an internal ({@code impl}) API of Camunda 7; this class is the only place that
 * touches it, so an engine upgrade that changes it breaks here and nowhere else.
 */
@Component
class BusinessDaysCalendarPlugin extends AbstractProcessEnginePlugin {

  private final DeskCalendar deskCalendar;

  BusinessDaysCalendarPlugin(DeskCalendar deskCalendar) {
    this.deskCalendar = deskCalendar;
  }

  // after init, so that the calendars wrapped are the ones the engine (or another plugin) configured
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BusinessCalendarManager engineCalendars = configuration.getBusinessCalendarManager();
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(
        DueDateBusinessCalendar.NAME,
        new BusinessDaysCalendar(deskCalendar, engineCalendars.getBusinessCalendar(DueDateBusinessCalendar.NAME)));
    calendars.addBusinessCalendar(
        DurationBusinessCalendar.NAME,
        new BusinessDaysCalendar(deskCalendar, engineCalendars.getBusinessCalendar(DurationBusinessCalendar.NAME)));
    calendars.addBusinessCalendar(
        CycleBusinessCalendar.NAME, engineCalendars.getBusinessCalendar(CycleBusinessCalendar.NAME));
    configuration.setBusinessCalendarManager(calendars);
  }

  /**
   * Resolves {@code BD<n>} through the {@link DeskCalendar} and hands every other value to the engine's calendar.
   * Camunda uses the "dueDate" calendar for task due and follow-up dates and timer dates, the "duration" calendar for
   * timer durations.
   */
  static final class BusinessDaysCalendar implements BusinessCalendar {

    /** A sane bound: 999 business days are about four years. */
    static final int MAX_BUSINESS_DAYS = 999;

    // "BD" cannot begin an ISO 8601 date (a digit), duration ("P") or cycle ("R"), nor a cron expression
    private static final Pattern BUSINESS_DAYS = Pattern.compile("\\s*BD\\s*(\\d+)\\s*");

    private final DeskCalendar deskCalendar;
    private final BusinessCalendar engineCalendar;

    BusinessDaysCalendar(DeskCalendar deskCalendar, BusinessCalendar engineCalendar) {
      this.deskCalendar = deskCalendar;
      this.engineCalendar = engineCalendar;
    }

    /**
     * The number of business days in {@code BD<n>} ({@code BD10}, {@code bd 10}, {@code " BD10 "}), or empty when
     * the value is something else for Camunda's calendar.
     *
     * @throws ProcessEngineException for more than {@value #MAX_BUSINESS_DAYS} business days
     */
    static OptionalInt parse(String description) {
      if (description == null) {
        return OptionalInt.empty();
      }
      Matcher matcher = BUSINESS_DAYS.matcher(description.toUpperCase(Locale.ROOT));
      if (!matcher.matches()) {
        return OptionalInt.empty();
      }
      String digits = matcher.group(1);
      if (digits.length() > 9 || Integer.parseInt(digits) > MAX_BUSINESS_DAYS) {
        throw new ProcessEngineException(
            "'" + description.strip() + "' asks for more than " + MAX_BUSINESS_DAYS + " business days");
      }
      return OptionalInt.of(Integer.parseInt(digits));
    }

    @Override
    public Date resolveDuedate(String description) {
      return resolveDuedate(description, (Date) null);
    }

    /** From {@code startDate} when the engine recalculates a timer from its creation date, otherwise from now. */
    @Override
    public Date resolveDuedate(String description, Date startDate) {
      OptionalInt days = parse(description);
      if (days.isEmpty()) {
        return engineCalendar.resolveDuedate(description, startDate);
      }
      Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
      return deskCalendar.businessDaysAfter(start, days.getAsInt());
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
      OptionalInt days = parse(description);
      if (days.isEmpty()) {
        return engineCalendar.resolveDuedate(description, task);
      }
      return deskCalendar.businessDaysAfter(ClockUtil.getCurrentTime(), days.getAsInt());
    }
  }
}
