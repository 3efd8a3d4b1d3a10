package jp.madoguchi.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.provision.ProvisionAudit;
import jp.madoguchi.inventory.InventoryAudited;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The desk's own audit trail ({@code desk_audit_event}, append-only): what staff do that concerns no single request,
 * such as taking the record of handling of a period out of the system, or changing, importing or exporting the data
 * inventory. A request's own history stays in the register.
 */
@Service
public class DeskAudit {

  /** The record of handling of a period was exported. */
  public static final String HANDLING_EXPORTED = "HANDLING_EXPORTED";

  private final JdbcClient jdbc;
  private final DeskCalendar calendar;

  DeskAudit(JdbcClient jdbc, DeskCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** One entry: when (desk time), who, what, and the detail. */
  public record Entry(OffsetDateTime occurredAt, String actor, String action, String detail) {}

  public void record(String actor, String action, String detail) {
    jdbc.sql("INSERT INTO desk_audit_event (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)")
        .params(RequestRegister.now().atOffset(ZoneOffset.UTC), actor, action, detail)
        .update();
  }

  /**
   * What was done with the register of third-party provision records (searches, imports, purges), in the
   * transaction of the act: no search without its entry.
   */
  @EventListener
  void provisionRegister(ProvisionAudit audit) {
    record(audit.actor(), audit.action(), audit.detail());
  }

  /**
   * A change, import or export of the data inventory, recorded in the transaction of the change: the inventory sits
   * below this trail, so it publishes what happened and the trail records it.
   */
  @EventListener
  void inventoryAudited(InventoryAudited event) {
    record(event.actor(), event.action(), event.detail().length() > 1000
        ? event.detail().substring(0, 999) + "…" : event.detail());
  }

  /** The latest entries of one kind, newest first. */
  public List<Entry> latest(String action, int limit) {
    return jdbc.sql("""
            SELECT occurred_at, actor, action, detail FROM desk_audit_event WHERE action = ?
            ORDER BY occurred_at DESC, id DESC LIMIT ?
            """)
        .params(action, limit)
        .query((rs, n) -> new Entry(rs.getObject("occurred_at", OffsetDateTime.class)
            .atZoneSameInstant(calendar.timeZone()).toOffsetDateTime(), rs.getString("actor"),
            rs.getString("action"), rs.getString("detail")))
        .list();
  }
}
