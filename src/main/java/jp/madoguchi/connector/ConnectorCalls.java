package jp.madoguchi.connector;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.madoguchi.request.RequestRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every call through a connector: who, when, which system, what, how many rows or records, and the
 * outcome; never the person's identifiers nor the system's answer. Written in its own transaction, so that a failed
 * call is recorded even when the engine's job rolls back.
 */
@Service
public class ConnectorCalls {

  /** One recorded call. */
  public record Call(OffsetDateTime occurredAt, String actor, long requestId, String systemCode, String connectorCode,
      String operation, Integer recordCount, String outcome, String failure) {}

  private final JdbcClient jdbc;

  ConnectorCalls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String actor, long requestId, String systemCode, String connectorCode, String operation,
      Integer recordCount, String outcome, String failure) {
    jdbc.sql("""
            INSERT INTO connector_call (occurred_at, actor, request_id, system_code, connector_code, operation,
                record_count, outcome, failure)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(RequestRegister.now().atOffset(ZoneOffset.UTC), actor == null ? RequestRegister.SYSTEM_ACTOR : actor,
            requestId, systemCode, connectorCode, operation, recordCount, outcome,
            failure == null ? null : failure.substring(0, Math.min(500, failure.length())))
        .update();
  }

  /** The calls made for a request, oldest first. */
  public List<Call> of(long requestId) {
    return jdbc.sql("""
            SELECT occurred_at, actor, request_id, system_code, connector_code, operation, record_count, outcome,
                failure
            FROM connector_call WHERE request_id = ? ORDER BY occurred_at, id
            """)
        .param(requestId)
        .query((rs, n) -> new Call(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
            rs.getLong("request_id"), rs.getString("system_code"), rs.getString("connector_code"),
            rs.getString("operation"), (Integer) rs.getObject("record_count"), rs.getString("outcome"),
            rs.getString("failure")))
        .list();
  }
}
