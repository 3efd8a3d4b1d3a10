package jp.madoguchi.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.request.DeskRequest.Deadlines;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.RequestEnums.AgentKind;
import jp.madoguchi.request.RequestEnums.Channel;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestEnums.RequestStatus;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of requests and their append-only event history. Times come from the engine's clock, so that the
 * register and the process agree (and tests can move both).
 *
 * <p>A request read in a transaction is kept until the transaction ends ({@link ThisTransaction}): the steps of one
 * job or one task completion each read the request (the letters, the clock, the status, the presentation): 28 reads
 * of one row in a request's life, half of them in transactions that had read it already (docs/performance.md, issue
 * 21, session 21). Every write of the row here forgets it, and so does a lock ({@link #lock}): after the lock the row
 * is read again, as it stands now.
 *
 * <p>The history entries a transaction records are written when it commits, in one batch (one statement on
 * PostgreSQL, whose driver rewrites a batch of inserts), where they were written one statement each: 30 entries in a
 * request's life, in 14 transactions (docs/performance.md, issue 21, session 27). Each keeps the time it was
 * recorded at, and the order; a transaction rolled back writes none, as before; an entry that cannot be written fails
 * the commit, so the transaction's other writes are rolled back with it. Every read of the history here writes the
 * transaction's entries first, so that it sees them.
 */
@Service
public class RequestRegister {

  public static final String SYSTEM_ACTOR = "system";

  /**
   * A reference as the register gives it, for the desk's page paths: {@code MDG-}, the year of arrival, the number
   * (six digits, more once the numbers pass 999,999).
   */
  public static final String REFERENCE_PATTERN = "MDG-\\d{4}-\\d{6,}";

  /** What stands in the register for a name once the request's personal data is erased. */
  public static final String ERASED = "(消去済み / erased)";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final PlatformTransactionManager transactions;

  RequestRegister(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.transactions = transactions;
  }

  /** Registers a request and gives it its reference number, such as {@code MDG-2026-000123}. */
  @Transactional
  public DeskRequest register(NewRequest request, String actor) {
    return register(request, actor, null);
  }

  /**
   * Registers a request with the hash of its first status token ({@link StatusTokens#first()}) in the same row, and
   * gives it its reference number: the intake writes the token with the request instead of a second time after it.
   * The number comes from the sequence {@code request_reference_number} (V75) before the row is written, so that the
   * row is inserted once, with its reference; a registration rolled back leaves its number unused, as it left its id.
   */
  @Transactional
  public DeskRequest register(NewRequest request, String actor, String statusTokenHash) {
    Instant now = now();
    long number = jdbc.sql("SELECT nextval('request_reference_number')").query(Long.class).single();
    String reference = "MDG-%d-%06d".formatted(Year.from(request.arrivedOn()).getValue(), number);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO desk_request (reference, request_type, channel, personal_information_kind,
              disclosure_method, language, arrived_on, received_at, status,
              principal_name, principal_name_kana, principal_birth_date, principal_postal_code, principal_address,
              principal_phone, principal_email, agent_kind, agent_name, agent_address, agent_phone, agent_email,
              details, created_at, status_token_hash)
            VALUES (:reference, :type, :channel, :kind, :method, :language, :arrivedOn, :receivedAt, :status,
              :pName, :pKana, :pBirth, :pPostal, :pAddress, :pPhone, :pEmail,
              :agentKind, :aName, :aAddress, :aPhone, :aEmail, :details, :createdAt, :statusTokenHash)
            """)
        .param("reference", reference)
        .param("type", request.type().name())
        .param("channel", request.channel().name())
        .param("kind", request.personalInformationKind().name())
        .param("method", name(request.disclosureMethod()))
        .param("language", request.language())
        .param("arrivedOn", request.arrivedOn())
        .param("receivedAt", timestamp(request.receivedAt() != null ? request.receivedAt() : now))
        .param("status", RequestStatus.RECEIVED.name())
        .param("pName", request.principal().name())
        .param("pKana", request.principal().nameKana())
        .param("pBirth", request.principal().birthDate())
        .param("pPostal", request.principal().postalCode())
        .param("pAddress", request.principal().address())
        .param("pPhone", request.principal().phone())
        .param("pEmail", request.principal().email())
        .param("agentKind", name(request.agentKind()))
        .param("aName", request.agent() == null ? null : request.agent().name())
        .param("aAddress", request.agent() == null ? null : request.agent().address())
        .param("aPhone", request.agent() == null ? null : request.agent().phone())
        .param("aEmail", request.agent() == null ? null : request.agent().email())
        .param("details", request.details())
        .param("createdAt", timestamp(now))
        .param("statusTokenHash", statusTokenHash)
        // the id the database drew, in the insert's answer
        .update(key, "id");
    long id = key.getKey().longValue();
    forget(id);
    recordEvent(id, actor, "REQUEST_REGISTERED", request.type().name() + " via " + request.channel().name());
    return find(id);
  }

  /**
   * Holds the request's row until the transaction ends, so that what a step checks and then writes about the request
   * (e.g. how many documents it has, whether it has this one) is not changed by another transaction in between.
   */
  public void lock(long id) {
    forget(id);
    jdbc.sql("SELECT id FROM desk_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
        .orElseThrow(() -> new UnknownRequestException("No request with id " + id));
  }

  public DeskRequest find(long id) {
    return findOptional(id).orElseThrow(() -> new UnknownRequestException("No request with id " + id));
  }

  public Optional<DeskRequest> findOptional(long id) {
    ThisTransaction transaction = thisTransaction();
    DeskRequest kept = transaction == null ? null : transaction.requests.get(id);
    if (kept != null) {
      return Optional.of(kept);
    }
    Optional<DeskRequest> found =
        jdbc.sql("SELECT * FROM desk_request WHERE id = ?").param(id).query(RequestRegister::map).optional();
    if (transaction != null) {
      found.ifPresent(request -> transaction.requests.put(id, request));
    }
    return found;
  }

  /**
   * What the register keeps of the transaction running, until it ends: the requests it read and the history entries
   * it recorded; null outside a transaction. Kept by a synchronization of the transaction, not a resource bound to
   * the thread: a transaction started inside it ({@code REQUIRES_NEW}) suspends the synchronizations of the outer one
   * and has its own, and must not see rows the outer one wrote and has not committed (nor lend it rows read before
   * them), nor write the outer one's entries.
   */
  private ThisTransaction thisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof ThisTransaction transaction && transaction.register == this) {
        return transaction;
      }
    }
    ThisTransaction transaction = new ThisTransaction(this);
    TransactionSynchronizationManager.registerSynchronization(transaction);
    return transaction;
  }

  /** The request's row is written (or locked) by this transaction: the next read reads it. */
  private void forget(long id) {
    ThisTransaction transaction = thisTransaction();
    if (transaction != null) {
      transaction.requests.remove(id);
    }
  }

  /** The rows one transaction read and the entries it recorded, dropped with it; the entries written at commit. */
  private static final class ThisTransaction implements TransactionSynchronization {
    private final RequestRegister register;
    private final Map<Long, DeskRequest> requests = new HashMap<>();
    private final List<Object[]> events = new ArrayList<>();

    private ThisTransaction(RequestRegister register) {
      this.register = register;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      register.writeEvents(this);
    }

    @Override
    public void afterCompletion(int status) {
      if (status == STATUS_COMMITTED && !events.isEmpty()) {
        register.writeAfterCommit(this);
      }
    }
  }

  public Optional<DeskRequest> findByReference(String reference) {
    return jdbc.sql("SELECT * FROM desk_request WHERE reference = ?").param(reference)
        .query(RequestRegister::map).optional();
  }

  /** The most recently registered requests, newest first, whether or not their process still runs. */
  public List<DeskRequest> latest(int limit) {
    return jdbc.sql("SELECT * FROM desk_request ORDER BY id DESC LIMIT ?").param(limit)
        .query(RequestRegister::map).list();
  }

  /** Moves the request to a new stage and records it in its history. */
  @Transactional
  public void changeStatus(long id, RequestStatus status, String actor) {
    forget(id);
    int rows = jdbc.sql("UPDATE desk_request SET status = ? WHERE id = ?").params(status.name(), id).update();
    if (rows != 1) {
      throw new UnknownRequestException("No request with id " + id);
    }
    recordEvent(id, actor, "STATUS_" + status.name(), null);
  }

  /**
   * Appends one entry to the request's history: when the transaction commits, or at once outside a transaction. It
   * is recorded at the engine's time now.
   */
  public void recordEvent(long requestId, String actor, String eventType, String detail) {
    Object[] event = {requestId, timestamp(now()), actor == null ? SYSTEM_ACTOR : actor, eventType, detail};
    ThisTransaction transaction = thisTransaction();
    if (transaction == null) {
      batches.update(INSERT_EVENT, event);
    } else {
      transaction.events.add(event);
    }
  }

  private static final String INSERT_EVENT = """
      INSERT INTO request_event (request_id, occurred_at, actor, event_type, detail) VALUES (?, ?, ?, ?, ?)
      """;

  /** Writes the entries this transaction recorded and has not written yet, in the order they were recorded. */
  private void writeEvents(ThisTransaction transaction) {
    if (transaction.events.isEmpty()) {
      return;
    }
    List<Object[]> events = List.copyOf(transaction.events);
    transaction.events.clear();
    if (events.size() == 1) {
      batches.update(INSERT_EVENT, events.get(0));
    } else {
      batches.batchUpdate(INSERT_EVENT, events);
    }
  }

  /**
   * Entries the commit did not write: recorded by another synchronization of the transaction after this one wrote
   * them (before or after the commit), or in a transaction whose synchronization here was registered too late to be
   * called before its commit (by another one's {@code beforeCommit}). Written once it has committed, in a transaction
   * of their own, so that none is lost; a transaction rolled back writes none.
   */
  private void writeAfterCommit(ThisTransaction transaction) {
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    own.executeWithoutResult(status -> writeEvents(transaction));
  }

  /** Before the history is read or changed: the entries this transaction recorded are in it. */
  private void writeEventsRecorded() {
    ThisTransaction transaction = thisTransaction();
    if (transaction != null) {
      writeEvents(transaction);
    }
  }

  /**
   * The latest text staff wrote in the form field of this name ({@code NOTE} events {@code <step>/<name>: <text>},
   * as the desk's case notes record them); empty when there is none or it was erased.
   */
  public Optional<String> latestNote(long requestId, String name) {
    String marker = "/" + name + ": ";
    String found = null;
    for (RequestEvent event : events(requestId)) {
      String detail = event.detail();
      if ("NOTE".equals(event.eventType()) && detail != null) {
        int at = detail.indexOf(marker);
        // the field's name is the part before the first ": " (the text may itself contain the marker)
        if (at >= 0 && at + marker.length() - 2 == detail.indexOf(": ")) {
          found = detail.substring(at + marker.length());
        }
      }
    }
    return Optional.ofNullable(found);
  }

  public List<RequestEvent> events(long requestId) {
    writeEventsRecorded();
    return jdbc.sql("SELECT * FROM request_event WHERE request_id = ? ORDER BY occurred_at, id")
        .param(requestId)
        .query((rs, n) -> new RequestEvent(rs.getLong("id"), rs.getLong("request_id"),
            instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("event_type"), rs.getString("detail")))
        .list();
  }

  /** Stores the request's clock as the deadline service computed it. */
  public void updateDeadlines(long id, Deadlines deadlines) {
    forget(id);
    jdbc.sql("""
            UPDATE desk_request SET target_business_days = ?, target_due_on = ?, legal_risk_on = ?,
              clock_paused_since = ?, paused_business_days = ?, overdue = ?, legal_risk_flagged = ?
            WHERE id = ?
            """)
        .params(deadlines.targetBusinessDays(), deadlines.targetDueOn(), deadlines.art39Date(),
            deadlines.clockPausedSince(), deadlines.pausedBusinessDays(), deadlines.overdue(),
            deadlines.art39DatePassed(), id)
        .update();
  }

  /**
   * Corrects the e-mail address of the principal or of the agent (a letter to the old one bounced), unless the
   * request's personal data has been erased; returns whether it did. The history says who corrected whose address,
   * not the addresses.
   */
  public boolean correctEmail(long id, boolean agent, String email, String actor) {
    forget(id);
    int rows = jdbc.sql("UPDATE desk_request SET " + (agent ? "agent_email" : "principal_email")
            + " = ? WHERE id = ? AND personal_data_erased_at IS NULL" + (agent ? " AND agent_name IS NOT NULL" : ""))
        .params(email, id)
        .update();
    if (rows == 1) {
      recordEvent(id, actor, "EMAIL_CORRECTED", (agent ? "agent" : "principal") + "'s e-mail address");
    }
    return rows == 1;
  }

  /** Changes how the answer is given (to paper, when the chosen method is very costly or difficult). */
  public void changeDisclosureMethod(long id, DisclosureMethod method, String actor, String reason) {
    forget(id);
    jdbc.sql("UPDATE desk_request SET disclosure_method = ? WHERE id = ?").params(method.name(), id).update();
    recordEvent(id, actor, "DISCLOSURE_METHOD_CHANGED", method.name() + (reason == null ? "" : ": " + reason));
  }

  /** Closes the request with its outcome; its personal data is kept until the given date. */
  @Transactional
  public void close(long id, String outcome, LocalDate retainUntil, String actor) {
    forget(id);
    jdbc.sql("""
            UPDATE desk_request SET status = ?, outcome = ?, closed_at = ?, retain_until = ? WHERE id = ?
            """)
        .params(RequestStatus.CLOSED.name(), outcome, timestamp(now()), retainUntil, id)
        .update();
    recordEvent(id, actor, "REQUEST_CLOSED", outcome);
  }

  /** The ids of closed requests kept until before {@code today} whose personal data is still held. */
  public List<Long> closedPastRetention(LocalDate today) {
    return jdbc.sql("""
            SELECT id FROM desk_request
            WHERE status = 'CLOSED' AND retain_until < ? AND personal_data_erased_at IS NULL
            """)
        .param(today)
        .query(Long.class)
        .list();
  }

  /**
   * Erases the request's personal data from the register (the person's details, the request's wording and every
   * free text in its history: see {@link #KEPT_DETAIL_TYPES}), unless that was done already; returns whether it did.
   * What an audit needs stays: reference, type, dates, outcome and the history of who did what.
   */
  public boolean erasePersonalData(long id, Instant erasedAt) {
    forget(id);
    int rows = jdbc.sql("""
            UPDATE desk_request SET principal_name = ?, principal_name_kana = NULL, principal_birth_date = NULL,
              principal_postal_code = NULL, principal_address = NULL, principal_phone = NULL,
              principal_email = NULL, agent_name = CASE WHEN agent_kind IS NULL THEN NULL ELSE ? END,
              agent_address = NULL, agent_phone = NULL, agent_email = NULL, details = NULL,
              personal_data_erased_at = ?
            WHERE id = ? AND personal_data_erased_at IS NULL
            """)
        .params(ERASED, ERASED, timestamp(erasedAt), id)
        .update();
    if (rows == 1) {
      writeEventsRecorded();
      jdbc.sql("UPDATE request_event SET detail = NULL WHERE request_id = ? AND detail IS NOT NULL AND NOT ("
              + KEPT_DETAILS + ")")
          .param(id).update();
    }
    return rows == 1;
  }

  /**
   * The history entries whose details are written by the desk itself from codes, dates, counts and digests, never
   * from what a person typed, and so stay when the personal data is erased: the record of what happened. Every other
   * entry's detail goes (case notes, which hold every free text of the forms: refusal reasons, a manager's comment, a
   * client company's name and address (ADR 0022); decisions and approvals, which held the reasons and the comment
   * before contract version 4; a referral, which named the client before it; how a withdrawal came, the reason for a
   * change to paper, details of steps a designer added), its type, time and actor stay.
   */
  static final List<String> KEPT_DETAIL_TYPES = List.of("REQUEST_REGISTERED", "REQUEST_CLOSED",
      "PERSONAL_DATA_ERASED", "TASK_COMPLETED", "TARGET_DEADLINE_PASSED", "ART39_TWO_WEEKS_PASSED",
      "REPLY_DISPATCHED", "EMAIL_CORRECTED", "AWAITED_DOCUMENT_RECEIVED", "FEE_PAID",
      "FEE_PARTLY_PAID", "LETTERS_CANCELLED");
  static final List<String> KEPT_DETAIL_PREFIXES = List.of("STATUS_", "SLA_CLOCK_", "LETTER_", "DOCUMENT_",
      "IDENTITY_");
  private static final String KEPT_DETAILS = java.util.stream.Stream.concat(
          KEPT_DETAIL_TYPES.stream().map(type -> "event_type = '" + type + "'"),
          KEPT_DETAIL_PREFIXES.stream().map(prefix -> "SUBSTRING(event_type, 1, " + prefix.length() + ") = '"
              + prefix + "'"))
      .collect(java.util.stream.Collectors.joining(" OR "));

  /** The hash of the request's status token, locked until the transaction ends; empty for an unknown request. */
  Optional<Optional<String>> lockStatusTokenHash(long id) {
    forget(id);
    return jdbc.sql("SELECT status_token_hash FROM desk_request WHERE id = ? FOR UPDATE")
        .param(id)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional();
  }

  /** The hash of the status token of the request with this reference ("" when it has none), if there is one. */
  Optional<String> statusTokenHash(String reference) {
    return jdbc.sql("SELECT COALESCE(status_token_hash, '') FROM desk_request WHERE reference = ?")
        .param(reference)
        .query(String.class)
        .optional();
  }

  /**
   * Replaces the hash of the request's status token; with {@code expectedHash}, only while that is still the
   * stored one. Returns whether it did.
   */
  boolean replaceStatusTokenHash(long id, String newHash, String expectedHash) {
    forget(id);
    if (expectedHash == null) {
      return jdbc.sql("UPDATE desk_request SET status_token_hash = ? WHERE id = ?").params(newHash, id).update() == 1;
    }
    return jdbc.sql("UPDATE desk_request SET status_token_hash = ? WHERE id = ? AND status_token_hash = ?")
        .params(newHash, id, expectedHash)
        .update() == 1;
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static DeskRequest map(ResultSet rs, int row) throws SQLException {
    String agentKind = rs.getString("agent_kind");
    Party principal = new Party(rs.getString("principal_name"), rs.getString("principal_name_kana"),
        rs.getObject("principal_birth_date", LocalDate.class), rs.getString("principal_postal_code"),
        rs.getString("principal_address"), rs.getString("principal_phone"), rs.getString("principal_email"));
    Party agent = agentKind == null ? null : new Party(rs.getString("agent_name"), null, null, null,
        rs.getString("agent_address"), rs.getString("agent_phone"), rs.getString("agent_email"));
    String method = rs.getString("disclosure_method");
    Deadlines deadlines = new Deadlines((Integer) rs.getObject("target_business_days"),
        rs.getObject("target_due_on", LocalDate.class), rs.getObject("legal_risk_on", LocalDate.class),
        rs.getObject("clock_paused_since", LocalDate.class), rs.getInt("paused_business_days"),
        rs.getBoolean("overdue"), rs.getBoolean("legal_risk_flagged"));
    return new DeskRequest(rs.getLong("id"), rs.getString("reference"),
        RequestType.valueOf(rs.getString("request_type")),
        Channel.valueOf(rs.getString("channel")),
        PersonalInformationKind.valueOf(rs.getString("personal_information_kind")),
        method == null ? null : DisclosureMethod.valueOf(method), rs.getString("language"),
        rs.getObject("arrived_on", LocalDate.class), instant(rs, "received_at"),
        RequestStatus.valueOf(rs.getString("status")), principal,
        agentKind == null ? null : AgentKind.valueOf(agentKind), agent, rs.getString("details"), deadlines,
        rs.getString("outcome"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
