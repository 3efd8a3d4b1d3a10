package jp.madoguchi.request;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.madoguchi.calendar.DeskCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the personal data of closed requests whose retention period has ended: data collected for a request is
 * used only for the request and deleted when no longer needed. What stays is what an audit needs: the reference,
 * type, dates, outcome and the history of who did what.
 */
@Service
public class PersonalDataErasure {

  static final String ERASED = "(消去済み / erased)";
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataErasure.class);

  private final JdbcClient jdbc;
  private final RequestRegister register;
  private final DeskCalendar calendar;

  PersonalDataErasure(JdbcClient jdbc, RequestRegister register, DeskCalendar calendar) {
    this.jdbc = jdbc;
    this.register = register;
    this.calendar = calendar;
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
    List<Long> due = jdbc.sql("""
            SELECT id FROM desk_request
            WHERE status = 'CLOSED' AND retain_until < ? AND personal_data_erased_at IS NULL
            """)
        .param(today)
        .query(Long.class)
        .list();
    int erased = 0;
    for (long id : due) {
      int rows = jdbc.sql("""
              UPDATE desk_request SET principal_name = ?, principal_name_kana = NULL, principal_birth_date = NULL,
                principal_postal_code = NULL, principal_address = NULL, principal_phone = NULL,
                principal_email = NULL, agent_name = CASE WHEN agent_kind IS NULL THEN NULL ELSE ? END,
                agent_address = NULL, agent_phone = NULL, agent_email = NULL, details = NULL,
                personal_data_erased_at = ?
              WHERE id = ? AND personal_data_erased_at IS NULL
              """)
          .params(ERASED, ERASED, RequestRegister.now().atOffset(ZoneOffset.UTC), id)
          .update();
      if (rows == 1) {
        jdbc.sql("UPDATE request_event SET detail = NULL WHERE request_id = ? AND event_type = 'NOTE'")
            .param(id).update();
        jdbc.sql("UPDATE outbound_letter SET recipient_name = NULL, recipient_email = NULL WHERE request_id = ?"
                + " AND recipient_role IN ('PRINCIPAL', 'AGENT')")
            .param(id).update();
        // the documents' bytes and names go; kind, size and digest stay as the record of what was received
        jdbc.sql("UPDATE request_document SET content = NULL, original_file_name = NULL, content_erased_at = ?"
                + " WHERE request_id = ? AND content_erased_at IS NULL")
            .params(RequestRegister.now().atOffset(ZoneOffset.UTC), id).update();
        // the letters themselves (text and PDF) and the errors of their mail (which may name an address) go too;
        // the outbox keeps which letter went to whom when, by which means
        jdbc.sql("UPDATE outbound_letter SET last_error = NULL WHERE request_id = ?").param(id).update();
        jdbc.sql("UPDATE letter_download_token SET revoked_at = ? WHERE revoked_at IS NULL AND letter_id IN"
                + " (SELECT l.id FROM outbound_letter l WHERE l.request_id = ?)")
            .params(RequestRegister.now().atOffset(ZoneOffset.UTC), id).update();
        jdbc.sql("DELETE FROM letter_document WHERE request_id = ?").param(id).update();
        register.recordEvent(id, RequestRegister.SYSTEM_ACTOR, "PERSONAL_DATA_ERASED", "retention period ended");
        erased++;
      }
    }
    return erased;
  }
}
