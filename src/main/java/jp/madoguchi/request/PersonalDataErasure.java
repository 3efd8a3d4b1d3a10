package jp.madoguchi.request;

import java.time.Instant;
import java.time.LocalDate;
import jp.madoguchi.calendar.DeskCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the personal data of closed requests whose retention period has ended: data collected for a request is
 * used only for the request and deleted when no longer needed. The register erases its own rows; every other owner
 * of the request's personal data (documents, letters, download links) erases its rows when it hears
 * {@link PersonalDataErased}, in the same transaction. What stays is what an audit needs: the reference, type,
 * dates, outcome and the history of who did what.
 */
@Service
public class PersonalDataErasure {

  static final String ERASED = RequestRegister.ERASED;
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataErasure.class);

  private final RequestRegister register;
  private final DeskCalendar calendar;
  private final ApplicationEventPublisher events;

  PersonalDataErasure(RequestRegister register, DeskCalendar calendar, ApplicationEventPublisher events) {
    this.register = register;
    this.calendar = calendar;
    this.events = events;
  }

  /** Every night at 02:00 desk time. Several nodes may run it: each request is erased once. */
  @Scheduled(cron = "${madoguchi.retention.erasure-cron:0 0 2 * * *}", zone = "${madoguchi.calendar.time-zone:Asia/Tokyo}")
  public void eraseExpired() {
    int erased = eraseExpiredOn(calendar.today());
    if (erased > 0) {
      LOG.info("Erased the personal data of {} closed requests past their retention period", erased);
    }
  }

  /** Erases the personal data of every closed request kept until before {@code today}; returns how many. */
  @Transactional
  public int eraseExpiredOn(LocalDate today) {
    int erased = 0;
    for (long id : register.closedPastRetention(today)) {
      Instant now = RequestRegister.now();
      if (register.erasePersonalData(id, now)) {
        events.publishEvent(new PersonalDataErased(id, now));
        register.recordEvent(id, RequestRegister.SYSTEM_ACTOR, "PERSONAL_DATA_ERASED", "retention period ended");
        erased++;
      }
    }
    return erased;
  }
}
