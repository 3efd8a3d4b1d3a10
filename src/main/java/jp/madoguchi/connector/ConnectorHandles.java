package jp.madoguchi.connector;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import jp.madoguchi.request.RequestRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time handles of work a system answers later: an external-task worker's search (its identifiers are fetched
 * once with the handle, its records posted with it) and an HTTP system's accepted action (it calls back with it). A
 * handle is 32 random bytes; it is the only thing about the person in the engine's variables, and it names no one.
 */
@Service
public class ConnectorHandles {

  /** A handle's state. */
  public record Handle(String handle, long requestId, String systemCode, String connectorCode, String operation,
      OffsetDateTime issuedAt, OffsetDateTime identifiersFetchedAt, OffsetDateTime completedAt, String outcome,
      Integer recordCount, String records) {

    public boolean completed() {
      return completedAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final ConnectorProperties properties;
  private final SecureRandom random = new SecureRandom();

  ConnectorHandles(JdbcClient jdbc, ConnectorProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** A new handle for a request's work on a system. */
  public String issue(long requestId, String systemCode, String connectorCode, String operation) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String handle = HexFormat.of().formatHex(bytes);
    jdbc.sql("""
            INSERT INTO connector_handle (handle, request_id, system_code, connector_code, operation, issued_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(handle, requestId, systemCode, connectorCode, operation, now())
        .update();
    return handle;
  }

  /** The handle, whatever its state. */
  public Optional<Handle> find(String handle) {
    return jdbc.sql("SELECT * FROM connector_handle WHERE handle = ?").param(handle)
        .query((rs, n) -> new Handle(rs.getString("handle"), rs.getLong("request_id"), rs.getString("system_code"),
            rs.getString("connector_code"), rs.getString("operation"),
            rs.getObject("issued_at", OffsetDateTime.class),
            rs.getObject("identifiers_fetched_at", OffsetDateTime.class),
            rs.getObject("completed_at", OffsetDateTime.class), rs.getString("outcome"),
            (Integer) rs.getObject("record_count"), rs.getString("records")))
        .optional();
  }

  /**
   * Marks the identifiers of a handle fetched: true the first time only, while the handle is valid and not
   * completed. Conditional update, so two fetches racing get the identifiers once.
   */
  public boolean claimIdentifiers(String handle) {
    return jdbc.sql("""
            UPDATE connector_handle SET identifiers_fetched_at = ?
            WHERE handle = ? AND identifiers_fetched_at IS NULL AND completed_at IS NULL AND issued_at > ?
            """)
        .params(now(), handle, validSince())
        .update() == 1;
  }

  /**
   * Completes a handle with its outcome and, for a search, the records (JSON): once only, while valid. For a search,
   * only after its identifiers were fetched.
   */
  public boolean complete(String handle, String outcome, Integer recordCount, String records,
      boolean identifiersFirst) {
    return jdbc.sql("UPDATE connector_handle SET completed_at = ?, outcome = ?, record_count = ?, records = ?"
            + " WHERE handle = ? AND completed_at IS NULL AND issued_at > ?"
            + (identifiersFirst ? " AND identifiers_fetched_at IS NOT NULL" : ""))
        .params(now(), outcome, recordCount, records, handle, validSince())
        .update() == 1;
  }

  /** Forgets the records kept for a request (when its personal data is erased). */
  public void forgetRecords(long requestId) {
    jdbc.sql("UPDATE connector_handle SET records = NULL WHERE request_id = ?").param(requestId).update();
  }

  private OffsetDateTime validSince() {
    Duration lifetime = properties.getHandleLifetime();
    return RequestRegister.now().minus(lifetime).atOffset(ZoneOffset.UTC);
  }

  private static OffsetDateTime now() {
    Instant now = RequestRegister.now();
    return now.atOffset(ZoneOffset.UTC);
  }
}
