package jp.madoguchi.provision;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.request.RequestRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes, every night, the provision records whose retention has ended (never earlier: a record is kept through the
 * whole of its last day), with how many written to the desk's audit trail. Several nodes may run it: a record is
 * deleted once. The clock is the desk's (the engine's {@code ClockUtil}, which tests move).
 */
@Service
public class ProvisionPurge {

  private static final Logger LOG = LoggerFactory.getLogger(ProvisionPurge.class);

  private final ProvisionRegister register;
  private final DeskCalendar calendar;
  private final ApplicationEventPublisher events;
  private final CronExpression cron;

  ProvisionPurge(ProvisionRegister register, DeskCalendar calendar, ApplicationEventPublisher events,
      @Value("${madoguchi.provision.purge-cron:0 40 2 * * *}") String cron) {
    this.register = register;
    this.calendar = calendar;
    this.events = events;
    this.cron = CronExpression.parse(cron);
  }

  /** What managers see: when the purge runs next, and how many records it will delete then. */
  public record NextRun(ZonedDateTime at, long due) {}

  @org.springframework.scheduling.annotation.Scheduled(cron = "${madoguchi.provision.purge-cron:0 40 2 * * *}",
      zone = "${madoguchi.calendar.time-zone:Asia/Tokyo}")
  public void purgeExpired() {
    int purged = purgeOn(calendar.today());
    if (purged > 0) {
      LOG.info("Deleted {} third-party provision records past their retention period", purged);
    }
  }

  /** Deletes every record kept until before {@code today}; the count goes to the audit trail. Returns it. */
  @Transactional
  public int purgeOn(LocalDate today) {
    int purged = register.purgeExpired(today);
    if (purged > 0) {
      events.publishEvent(new ProvisionAudit(RequestRegister.SYSTEM_ACTOR, ProvisionAudit.RECORDS_PURGED,
          purged + " record(s) kept until before " + today + " deleted"));
    }
    return purged;
  }

  /** The next run after now (desk time) and the records it will delete. */
  public NextRun nextRun() {
    ZonedDateTime now = ZonedDateTime.ofInstant(RequestRegister.now(), calendar.timeZone());
    ZonedDateTime next = cron.next(now);
    return new NextRun(next, register.countDue(next.toLocalDate()));
  }
}
