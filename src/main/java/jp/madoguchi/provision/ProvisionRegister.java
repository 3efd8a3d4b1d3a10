package jp.madoguchi.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.Provision;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of third-party provision records: the only writer of {@code provision_record},
 * {@code provision_person} and {@code provision_further}. Records arrive whole or not at all, idempotent by the
 * sending system's id; a further provision moves the record's last provision and so its retention.
 */
@Service
public class ProvisionRegister {

  /** What storing a record answered: the same answer for every retry of the same record. */
  public record Stored(long id, String sourceId, LocalDate keepUntil, int persons) {}

  /** What a batch answered, and how many of its records were new (none: the whole batch was a retry). */
  public record Batch(List<Stored> records, int created) {}

  /** What adding a further provision answered. */
  public record FurtherStored(String sourceId, String provisionId, LocalDate providedOn, LocalDate lastProvisionOn,
      LocalDate keepUntil) {}

  static final String COLUMNS = """
      r.id, r.source_id, r.direction, r.basis, r.record_form, r.recorded_on, r.provided_on, r.last_provision_on,
      r.keep_until, r.counterparty_name, r.counterparty_address, r.counterparty_representative, r.acquisition,
      r.ppc_notification_confirmed, r.data_items, r.category_code, r.recipient_code, r.existence_protected,
      r.protection_ground""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final DeskCalendar calendar;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final Inventory inventory;

  ProvisionRegister(JdbcClient jdbc, JdbcTemplate batch, DeskCalendar calendar, ObjectMapper json,
      ApplicationEventPublisher events, Inventory inventory) {
    this.inventory = inventory;
    this.jdbc = jdbc;
    this.batch = batch;
    this.calendar = calendar;
    this.json = json;
    this.events = events;
  }

  /**
   * Stores every record, or none: a record whose id is known with the same content is answered as the first time;
   * with other content the whole batch is refused as a conflict.
   */
  @Transactional
  public Batch store(List<ProvisionRecordInput> inputs, String actor) {
    List<ProvisionValidation.ValidRecord> records = ProvisionValidation.check(inputs, calendar.today(),
        inventoryCodes());
    List<ProvisionProblem> conflicts = new ArrayList<>();
    List<Stored> answers = new ArrayList<>();
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ProvisionValidation.ValidRecord record = records.get(i);
      String hash = hash(inputs.get(i));
      Optional<Existing> existing = existing(record.sourceId());
      if (existing.isEmpty()) {
        answers.add(null);
        fresh.add(i);
      } else if (existing.get().hash().equals(hash)) {
        answers.add(existing.get().answer());
      } else {
        conflicts.add(new ProvisionProblem(record.sourceId(), "sourceId", ProvisionProblem.REUSED_ID));
      }
    }
    if (!conflicts.isEmpty()) {
      throw new InvalidProvisionRecords(conflicts, true);
    }
    for (int i : fresh) {
      answers.set(i, insert(records.get(i), hash(inputs.get(i)), actor));
    }
    return new Batch(answers, fresh.size());
  }

  /**
   * A further provision under a record: stored once by its own id (a retry with the same date answers the same; with
   * another date it is refused as a conflict); the record's last provision moves to it if later.
   */
  @Transactional
  public FurtherStored addProvision(String sourceId, String provisionId, String providedOn, String actor) {
    LocalDate date = ProvisionValidation.furtherProvision(sourceId, provisionId, providedOn, calendar.today());
    Long recordId = jdbc.sql("SELECT id FROM provision_record WHERE source_id = ?").param(sourceId)
        .query(Long.class).optional()
        .orElseThrow(() -> new InvalidProvisionRecords(List.of(new ProvisionProblem(sourceId, "sourceId",
            ProvisionProblem.UNKNOWN_RECORD)), false));
    Optional<FurtherRow> known = jdbc.sql("SELECT record_id, provided_on FROM provision_further WHERE provision_id = ?")
        .param(provisionId)
        .query((rs, n) -> new FurtherRow(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
    if (known.isPresent() && (known.get().recordId() != recordId || !known.get().providedOn().equals(date))) {
      throw new InvalidProvisionRecords(List.of(new ProvisionProblem(sourceId, "provisionId",
          ProvisionProblem.REUSED_ID)), true);
    }
    if (known.isEmpty()) {
      jdbc.sql("""
              INSERT INTO provision_further (record_id, provision_id, provided_on, created_at, created_by)
              VALUES (?, ?, ?, ?, ?)""")
          .params(recordId, provisionId, date, RequestRegister.now().atOffset(ZoneOffset.UTC), actor).update();
      ProvisionRecord record = find(recordId).orElseThrow();
      if (date.isAfter(record.lastProvisionOn())) {
        LocalDate keepUntil = record.recordForm().keepUntil(record.recordedOn(), date);
        jdbc.sql("UPDATE provision_record SET last_provision_on = ?, keep_until = ? WHERE id = ?")
            .params(date, keepUntil, recordId).update();
      }
    }
    ProvisionRecord record = find(recordId).orElseThrow();
    return new FurtherStored(sourceId, provisionId, date, record.lastProvisionOn(), record.keepUntil());
  }

  /** Marks a record as one whose very existence is not revealed (Cabinet Order Art 11): no reply ever names it. */
  @Transactional
  public void markExistenceProtected(long recordId, ExistenceProtection ground, String actor) {
    jdbc.sql("UPDATE provision_record SET existence_protected = TRUE, protection_ground = ?, protected_by = ? "
            + "WHERE id = ?")
        .params(ground.name(), actor, recordId).update();
  }

  /**
   * Deletes every record kept until before {@code today}, with its persons and further provisions; the audit trail
   * hears how many. Returns how many records.
   */
  @Transactional
  public int purgeExpired(LocalDate today) {
    List<Long> ids = jdbc.sql("SELECT id FROM provision_record WHERE keep_until < ? ORDER BY id").param(today)
        .query(Long.class).list();
    if (ids.isEmpty()) {
      return 0;
    }
    events.publishEvent(new ProvisionRecordsPurging(ids));
    for (List<Long> chunk : chunks(ids)) {
      jdbc.sql("DELETE FROM provision_person WHERE record_id IN (:ids)").param("ids", chunk).update();
      jdbc.sql("DELETE FROM provision_further WHERE record_id IN (:ids)").param("ids", chunk).update();
      jdbc.sql("DELETE FROM provision_record WHERE id IN (:ids)").param("ids", chunk).update();
    }
    return ids.size();
  }

  /** How many records the purge of {@code day} deletes. */
  public long countDue(LocalDate day) {
    return jdbc.sql("SELECT COUNT(*) FROM provision_record WHERE keep_until < ?").param(day).query(Long.class)
        .single();
  }

  public Optional<ProvisionRecord> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM provision_record r WHERE r.id = ?").param(id)
        .query(ProvisionRegister::record).optional();
  }

  public Optional<ProvisionRecord> findBySourceId(String sourceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM provision_record r WHERE r.source_id = ?").param(sourceId)
        .query(ProvisionRegister::record).optional();
  }

  /** The persons a record covers, as sent. */
  public List<ProvisionRecordInput.Person> persons(long recordId) {
    return jdbc.sql("""
            SELECT person_name, name_kana, birth_date, email, phone, customer_number, postal_code
            FROM provision_person WHERE record_id = ? ORDER BY id""")
        .param(recordId)
        .query((rs, n) -> new ProvisionRecordInput.Person(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class) == null ? null : rs.getObject(3, LocalDate.class).toString(),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  static ProvisionRecord record(ResultSet rs, int row) throws SQLException {
    return new ProvisionRecord(rs.getLong("id"), rs.getString("source_id"),
        Direction.valueOf(rs.getString("direction")), ProvisionBasis.valueOf(rs.getString("basis")),
        RecordForm.valueOf(rs.getString("record_form")), rs.getObject("recorded_on", LocalDate.class),
        rs.getObject("provided_on", LocalDate.class), rs.getObject("last_provision_on", LocalDate.class),
        rs.getObject("keep_until", LocalDate.class), rs.getString("counterparty_name"),
        rs.getString("counterparty_address"), rs.getString("counterparty_representative"),
        rs.getString("acquisition"), (Boolean) rs.getObject("ppc_notification_confirmed"),
        rs.getString("data_items"), rs.getString("category_code"), rs.getString("recipient_code"),
        rs.getBoolean("existence_protected"), rs.getString("protection_ground"));
  }

  private record Existing(String hash, Stored answer) {}

  private record FurtherRow(long recordId, LocalDate providedOn) {}

  private Optional<Existing> existing(String sourceId) {
    return jdbc.sql("SELECT id, content_hash FROM provision_record WHERE source_id = ?").param(sourceId)
        .query((rs, n) -> new ExistingRow(rs.getLong(1), rs.getString(2))).optional()
        .map(row -> new Existing(row.hash(), firstAnswer(row.id())));
  }

  private record ExistingRow(long id, String hash) {}

  /** The first answer again: a later further provision moved the keep-until, but a retry hears what it heard. */
  private Stored firstAnswer(long id) {
    ProvisionRecord record = find(id).orElseThrow();
    LocalDate first = record.providedOn() != null ? record.providedOn() : record.recordedOn();
    int persons = jdbc.sql("SELECT COUNT(*) FROM provision_person WHERE record_id = ?").param(id)
        .query(Integer.class).single();
    return new Stored(id, record.sourceId(), record.recordForm().keepUntil(record.recordedOn(), first), persons);
  }

  private Stored insert(ProvisionValidation.ValidRecord record, String hash, String actor) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO provision_record (source_id, content_hash, direction, basis, record_form, consent_obtained,
              provided_on, counterparty_name, counterparty_address, counterparty_representative, acquisition,
              ppc_notification_confirmed, data_items, category_code, recipient_code, recorded_on, last_provision_on,
              keep_until, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(record.sourceId(), hash, record.direction().name(), record.basis().name(),
            record.recordForm().name(), record.basis() == ProvisionBasis.CONSENT, record.providedOn(),
            record.counterpartyName(), record.counterpartyAddress(), record.counterpartyRepresentative(),
            record.acquisition(), record.ppcNotificationConfirmed(), record.dataItems(), record.categoryCode(),
            record.recipientCode(), record.recordedOn(), record.lastProvisionOn(), record.keepUntil(),
            RequestRegister.now().atOffset(ZoneOffset.UTC), actor)
        .update(key, "id");
    long id = key.getKey().longValue();
    List<Object[]> rows = new ArrayList<>(record.persons().size());
    for (ProvisionValidation.ValidPerson person : record.persons()) {
      rows.add(new Object[] {id, person.name(), person.nameKana(), person.birthDate(), person.email(),
          person.phone(), person.customerNumber(), person.postalCode(), Identifiers.name(person.name()),
          Identifiers.name(person.nameKana()), Identifiers.email(person.email()), Identifiers.phone(person.phone()),
          Identifiers.customerNumber(person.customerNumber())});
    }
    int[] types = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    batch.batchUpdate("""
        INSERT INTO provision_person (record_id, person_name, name_kana, birth_date, email, phone, customer_number,
          postal_code, norm_name, norm_kana, norm_email, norm_phone, norm_customer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, types);
    return new Stored(id, record.sourceId(), record.keepUntil(), record.persons().size());
  }

  private String hash(ProvisionRecordInput input) {
    try {
      byte[] canonical = json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a provision record", e);
    }
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return chunks;
  }

  /** The data inventory as the checks of a record see it: its categories and its provisions, by code. */
  private ProvisionValidation.InventoryCodes inventoryCodes() {
    return new ProvisionValidation.InventoryCodes() {
      @Override
      public boolean knowsCategory(String code) {
        return inventory.entry(InventoryKind.CATEGORIES, code).isPresent();
      }

      @Override
      public Optional<ProvisionValidation.KnownProvision> provision(String code) {
        return inventory.entry(InventoryKind.PROVISIONS, code).map(Provision.class::cast)
            .map(known -> new ProvisionValidation.KnownProvision(known.recordedUnderArt29(), known.category()));
      }
    };
  }
}
