package jp.madoguchi.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.madoguchi.inventory.InventoryChange.Action;
import jp.madoguchi.inventory.InventoryChange.FieldChange;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data inventory (個人情報管理台帳) and its history: the one owner of the {@code inventory_*} tables. Managers change
 * it entry by entry or by importing CSV; either way the whole inventory after the change is checked first (every
 * field, every code an entry refers to), then written in one transaction with a history entry per changed entry and
 * an {@link InventoryAudited} event for the desk's audit trail. Features that work requests read it through the
 * methods below (categories of a relationship, their systems and purposes).
 */
@Service
public class Inventory {

  /** An entry was added, changed or removed (on the pages or by an import). */
  public static final String CHANGED = "INVENTORY_CHANGED";
  /** A CSV import was applied. */
  public static final String IMPORTED = "INVENTORY_IMPORTED";
  /** A kind was exported as CSV. */
  public static final String EXPORTED = "INVENTORY_EXPORTED";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<LegalBasis> MY_NUMBER_BASES = Set.of(LegalBasis.ENTRUSTMENT, LegalBasis.LEGAL_OBLIGATION);

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  /** The inventory as last read, with the revision it was read at (see {@link #snapshot()}). */
  private volatile Read lastRead;

  /** The whole inventory as read after its revision was. */
  private record Read(String revision, InventorySnapshot snapshot) {}

  Inventory(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  // ---------------------------------------------------------------- reading

  /**
   * The whole inventory, every kind sorted by code. It is read whole several times in a request's life and changes a
   * few times a year: the one row of {@code inventory_revision} says whether the inventory this node read last is
   * still the inventory (every change draws a new revision in its transaction, on whichever node), so that the seven
   * tables are read only after a change. The revision is read before the tables: an inventory kept under a revision
   * is never older than that revision.
   */
  public InventorySnapshot snapshot() {
    ThisTransaction transaction = thisTransaction();
    Read read = lastRead;
    // a transaction reads the revision once (until it changes the inventory itself): what it reads of the inventory
    // is that revision's, as under REPEATABLE READ, however often its steps ask (issue 21, session 32)
    if (transaction != null && transaction.revision != null && read != null
        && read.revision().equals(transaction.revision)) {
      return read.snapshot();
    }
    String revision = jdbc.sql("SELECT revision FROM inventory_revision WHERE id = 1").query(String.class).single();
    if (transaction != null) {
      transaction.revision = revision;
    }
    if (read != null && read.revision().equals(revision)) {
      return read.snapshot();
    }
    InventorySnapshot snapshot = readTables();
    lastRead = new Read(revision, snapshot);
    return snapshot;
  }

  /**
   * What this inventory keeps of the transaction running, until it ends: the revision it read; null outside a
   * transaction. A synchronization of the transaction, as the register's ({@code RequestRegister}): a transaction
   * started inside it ({@code REQUIRES_NEW}) has its own and reads the revision itself.
   */
  private ThisTransaction thisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof ThisTransaction transaction && transaction.inventory == this) {
        return transaction;
      }
    }
    ThisTransaction transaction = new ThisTransaction(this);
    TransactionSynchronizationManager.registerSynchronization(transaction);
    return transaction;
  }

  /** The revision one transaction read, dropped with it. */
  private static final class ThisTransaction implements TransactionSynchronization {
    private final Inventory inventory;
    private String revision;

    private ThisTransaction(Inventory inventory) {
      this.inventory = inventory;
    }
  }

  private InventorySnapshot readTables() {
    Map<Long, List<Relationship>> relationships = new HashMap<>();
    jdbc.sql("SELECT category_id, relationship FROM inventory_category_relationship")
        .query(rs -> {
          relationships.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(Relationship.valueOf(rs.getString(2)));
        });
    List<DataCategory> categories = jdbc.sql("SELECT * FROM inventory_category")
        .query((rs, n) -> new DataCategory(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
            rs.getString("data_items_ja"), rs.getString("data_items_en"), rs.getBoolean("retained"),
            rs.getString("client_name"), rs.getString("client_contact"),
            rs.getBoolean("specific_personal_information"), rs.getString("retention_ja"),
            rs.getString("retention_en"), rs.getString("source_ja"), rs.getString("source_en"),
            relationships.getOrDefault(rs.getLong("id"), List.of())))
        .list();
    Map<Long, List<String>> purposeCategories = links("inventory_purpose_category", "purpose_id");
    List<UsePurpose> purposes = jdbc.sql("SELECT * FROM inventory_purpose")
        .query((rs, n) -> new UsePurpose(rs.getString("code"), rs.getString("text_ja"), rs.getString("text_en"),
            rs.getBoolean("published"), purposeCategories.getOrDefault(rs.getLong("id"), List.of())))
        .list();
    Map<Long, List<String>> systemCategories = links("inventory_system_category", "system_id");
    List<HoldingSystem> systems = jdbc.sql("SELECT * FROM inventory_system")
        .query((rs, n) -> new HoldingSystem(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
            rs.getString("owning_group"), rs.getBoolean("specific_information_entitled"),
            SearchKind.valueOf(rs.getString("search_kind")),
            systemCategories.getOrDefault(rs.getLong("id"), List.of())))
        .list();
    List<Provision> provisions = jdbc.sql("""
            SELECT p.*, c.code AS category_code FROM inventory_provision p
            JOIN inventory_category c ON c.id = p.category_id
            """)
        .query((rs, n) -> new Provision(rs.getString("code"), rs.getString("category_code"),
            rs.getString("recipient_ja"), rs.getString("recipient_en"), LegalBasis.valueOf(rs.getString("legal_basis")),
            rs.getString("joint_use_items_ja"), rs.getString("joint_use_items_en")))
        .list();
    return new InventorySnapshot(categories, purposes, systems, provisions);
  }

  /** The categories that may hold the data of a person with this relationship to the company. */
  public List<DataCategory> categoriesFor(Relationship relationship) {
    return snapshot().categories().stream().filter(category -> category.relationships().contains(relationship))
        .toList();
  }

  /** The systems that hold any of these categories. */
  public List<HoldingSystem> systemsFor(Collection<String> categoryCodes) {
    return snapshot().systems().stream()
        .filter(system -> system.categories().stream().anyMatch(categoryCodes::contains)).toList();
  }

  /** The purposes of use of any of these categories. */
  public List<UsePurpose> purposesFor(Collection<String> categoryCodes) {
    return snapshot().purposes().stream()
        .filter(purpose -> purpose.categories().stream().anyMatch(categoryCodes::contains)).toList();
  }

  /**
   * The purposes of use of all retained personal data, as the company publishes them (Art 32(1)(ii)): the published
   * purposes of the categories that are retained, not held for a client.
   */
  public List<UsePurpose> publishedPurposesOfRetainedData() {
    InventorySnapshot inventory = snapshot();
    Set<String> retained = inventory.categories().stream().filter(DataCategory::retained).map(DataCategory::code)
        .collect(Collectors.toSet());
    return inventory.purposes().stream().filter(UsePurpose::published)
        .filter(purpose -> purpose.categories().stream().anyMatch(retained::contains)).toList();
  }

  /** An entry's history, newest first: who changed it when, and what. */
  public List<HistoryEntry> history(InventoryKind kind, String code) {
    return jdbc.sql("""
            SELECT occurred_at, actor, action, changes FROM inventory_change WHERE kind = ? AND code = ?
            ORDER BY occurred_at DESC, id DESC
            """)
        .params(kind.name(), code)
        .query((rs, n) -> new HistoryEntry(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
            Action.valueOf(rs.getString("action")), fields(rs.getString("changes"))))
        .list();
  }

  /** One change of an entry as its history shows it. */
  public record HistoryEntry(OffsetDateTime occurredAt, String actor, Action action, List<FieldChange> fields) {}

  // ---------------------------------------------------------------- changing

  /** Adds an entry; its code must be new. */
  @Transactional
  public void create(InventoryEntry entry, String actor) {
    InventorySnapshot current = snapshot();
    if (current.entry(entry.kind(), entry.code()).isPresent()) {
      throw new InvalidInventoryException(List.of(problem(entry.kind(), entry.code(), "code",
          "inventory.error.codeTaken")));
    }
    change(current, Map.of(entry.kind(), withAdded(current.entries(entry.kind()), entry)), actor);
  }

  /** Changes an entry, found by its code (which does not change). */
  @Transactional
  public void update(InventoryEntry entry, String actor) {
    InventorySnapshot current = snapshot();
    if (current.entry(entry.kind(), entry.code()).isEmpty()) {
      throw new UnknownEntryException(entry.kind(), entry.code());
    }
    change(current, Map.of(entry.kind(), withAdded(current.entries(entry.kind()), entry)), actor);
  }

  /** Removes an entry that no other entry refers to. */
  @Transactional
  public void delete(InventoryKind kind, String code, String actor) {
    InventorySnapshot current = snapshot();
    if (current.entry(kind, code).isEmpty()) {
      throw new UnknownEntryException(kind, code);
    }
    List<String> users = usersOf(current, kind, code);
    if (!users.isEmpty()) {
      throw new InvalidInventoryException(List.of(problem(kind, code, "code", "inventory.error.inUse",
          String.join(", ", users))));
    }
    List<InventoryEntry> rest = new ArrayList<>(current.entries(kind));
    rest.removeIf(entry -> entry.code().equals(code));
    change(current, Map.of(kind, rest), actor);
  }

  /** What replacing the given kinds with these entries would change, entry by entry; nothing is written. */
  public List<InventoryChange> differences(Map<InventoryKind, List<InventoryEntry>> replaced) {
    InventorySnapshot current = snapshot();
    return differences(current, current.with(replaced));
  }

  /**
   * Replaces the given kinds with these entries (an import: a kind not given stays as it is), all or nothing; the
   * whole inventory after it is checked first. Records one history entry per changed entry, an audit entry per
   * change and one for the import.
   */
  @Transactional
  public List<InventoryChange> replace(Map<InventoryKind, List<InventoryEntry>> replaced, String actor) {
    List<InventoryChange> changes = change(snapshot(), replaced, actor);
    long added = changes.stream().filter(c -> c.action() == Action.ADDED).count();
    long changed = changes.stream().filter(c -> c.action() == Action.CHANGED).count();
    long removed = changes.stream().filter(c -> c.action() == Action.REMOVED).count();
    events.publishEvent(new InventoryAudited(actor, IMPORTED, replaced.keySet().stream()
        .map(InventoryKind::path).sorted().collect(Collectors.joining(" ")) + ": " + added + " added, " + changed
        + " changed, " + removed + " removed"));
    return changes;
  }

  /** Records that someone took a kind of the inventory out of the system as CSV. */
  @Transactional
  public void exported(InventoryKind kind, String actor) {
    events.publishEvent(new InventoryAudited(actor, EXPORTED, kind.path()));
  }

  /** Problems of the whole inventory: entries referring to codes that are not there, My Number provided. */
  public static List<FieldProblem> check(InventorySnapshot inventory) {
    Map<String, DataCategory> categories = inventory.categories().stream()
        .collect(Collectors.toMap(DataCategory::code, category -> category));
    List<FieldProblem> problems = new ArrayList<>();
    for (UsePurpose purpose : inventory.purposes()) {
      purpose.categories().stream().filter(code -> !categories.containsKey(code)).forEach(code -> problems.add(
          problem(InventoryKind.PURPOSES, purpose.code(), "categories", "inventory.error.unknownCategory", code)));
    }
    for (HoldingSystem system : inventory.systems()) {
      system.categories().stream().filter(code -> !categories.containsKey(code)).forEach(code -> problems.add(
          problem(InventoryKind.SYSTEMS, system.code(), "categories", "inventory.error.unknownCategory", code)));
    }
    for (Provision provision : inventory.provisions()) {
      DataCategory category = categories.get(provision.category());
      if (category == null) {
        problems.add(problem(InventoryKind.PROVISIONS, provision.code(), "category",
            "inventory.error.unknownCategory", provision.category()));
      } else if (category.specificPersonalInformation() && !MY_NUMBER_BASES.contains(provision.legalBasis())) {
        problems.add(problem(InventoryKind.PROVISIONS, provision.code(), "legal_basis",
            "inventory.error.myNumberProvision", provision.category()));
      }
    }
    return problems;
  }

  private List<InventoryChange> change(InventorySnapshot current, Map<InventoryKind, List<InventoryEntry>> replaced,
      String actor) {
    InventorySnapshot target = current.with(replaced);
    List<FieldProblem> problems = check(target);
    if (!problems.isEmpty()) {
      throw new InvalidInventoryException(problems);
    }
    List<InventoryChange> changes = differences(current, target);
    OffsetDateTime now = RequestRegister.now().atOffset(ZoneOffset.UTC);
    // categories first, so that what refers to them finds them; removed categories last, once nothing refers to them
    List<InventoryChange> ordered = new ArrayList<>();
    changes.stream().filter(c -> c.kind() == InventoryKind.CATEGORIES && c.action() != Action.REMOVED)
        .forEach(ordered::add);
    changes.stream().filter(c -> c.kind() != InventoryKind.CATEGORIES).forEach(ordered::add);
    changes.stream().filter(c -> c.kind() == InventoryKind.CATEGORIES && c.action() == Action.REMOVED)
        .forEach(ordered::add);
    for (InventoryChange change : ordered) {
      if (change.action() == Action.REMOVED) {
        remove(change.kind(), change.code());
      } else {
        write(target.entry(change.kind(), change.code()).orElseThrow(), change.action() == Action.ADDED);
      }
      jdbc.sql("""
              INSERT INTO inventory_change (occurred_at, actor, kind, code, action, changes)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(now, actor, change.kind().name(), change.code(), change.action().name(), json(change.fields()))
          .update();
      events.publishEvent(new InventoryAudited(actor, CHANGED, change.kind().path() + " " + change.code() + " "
          + change.action().name().toLowerCase(Locale.ROOT) + ": " + change.fields().stream()
          .map(FieldChange::field).collect(Collectors.joining(", "))));
    }
    if (!changes.isEmpty()) {
      // last, once everything is written: a snapshot read later in this transaction is kept under this revision
      jdbc.sql("UPDATE inventory_revision SET revision = ? WHERE id = 1").param(UUID.randomUUID().toString())
          .update();
      ThisTransaction transaction = thisTransaction();
      if (transaction != null) {
        transaction.revision = null;
      }
    }
    return changes;
  }

  static List<InventoryChange> differences(InventorySnapshot current, InventorySnapshot target) {
    List<InventoryChange> changes = new ArrayList<>();
    for (InventoryKind kind : InventoryKind.values()) {
      Map<String, Map<String, String>> before = rows(current.entries(kind));
      Map<String, Map<String, String>> after = rows(target.entries(kind));
      for (Map.Entry<String, Map<String, String>> entry : after.entrySet()) {
        Map<String, String> old = before.get(entry.getKey());
        if (old == null) {
          changes.add(new InventoryChange(kind, entry.getKey(), Action.ADDED, fields(Map.of(), entry.getValue())));
        } else if (!old.equals(entry.getValue())) {
          changes.add(new InventoryChange(kind, entry.getKey(), Action.CHANGED, fields(old, entry.getValue())));
        }
      }
      before.keySet().stream().filter(code -> !after.containsKey(code)).forEach(code -> changes.add(
          new InventoryChange(kind, code, Action.REMOVED, fields(before.get(code), Map.of()))));
    }
    return changes;
  }

  private static Map<String, Map<String, String>> rows(List<? extends InventoryEntry> entries) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    entries.forEach(entry -> rows.put(entry.code(), entry.row()));
    return rows;
  }

  private static List<FieldChange> fields(Map<String, String> before, Map<String, String> after) {
    List<String> keys = new ArrayList<>(after.isEmpty() ? before.keySet() : after.keySet());
    return keys.stream()
        .filter(key -> !Objects.equals(before.getOrDefault(key, ""), after.getOrDefault(key, "")))
        .map(key -> new FieldChange(key, before.getOrDefault(key, ""), after.getOrDefault(key, "")))
        .toList();
  }

  private static List<InventoryEntry> withAdded(List<? extends InventoryEntry> entries, InventoryEntry entry) {
    List<InventoryEntry> all = new ArrayList<>(entries);
    all.removeIf(existing -> existing.code().equals(entry.code()));
    all.add(entry);
    return all;
  }

  private static List<String> usersOf(InventorySnapshot inventory, InventoryKind kind, String code) {
    if (kind != InventoryKind.CATEGORIES) {
      return List.of();
    }
    List<String> users = new ArrayList<>();
    inventory.purposes().stream().filter(p -> p.categories().contains(code)).forEach(p -> users.add(p.code()));
    inventory.systems().stream().filter(s -> s.categories().contains(code)).forEach(s -> users.add(s.code()));
    inventory.provisions().stream().filter(p -> p.category().equals(code)).forEach(p -> users.add(p.code()));
    return users;
  }

  private void write(InventoryEntry entry, boolean added) {
    if (entry instanceof DataCategory c) {
      Object[] values = {c.nameJa(), c.nameEn(), c.dataItemsJa(), c.dataItemsEn(), c.retained(), c.clientName(),
          c.clientContact(), c.specificPersonalInformation(), c.retentionJa(), c.retentionEn(), c.sourceJa(),
          c.sourceEn(), c.code()};
      if (added) {
        jdbc.sql("""
                INSERT INTO inventory_category (name_ja, name_en, data_items_ja, data_items_en, retained, client_name,
                  client_contact, specific_personal_information, retention_ja, retention_en, source_ja, source_en,
                  code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(values).update();
      } else {
        jdbc.sql("""
                UPDATE inventory_category SET name_ja = ?, name_en = ?, data_items_ja = ?, data_items_en = ?,
                  retained = ?, client_name = ?, client_contact = ?, specific_personal_information = ?,
                  retention_ja = ?, retention_en = ?, source_ja = ?, source_en = ? WHERE code = ?
                """).params(values).update();
      }
      long id = idOf("inventory_category", c.code());
      jdbc.sql("DELETE FROM inventory_category_relationship WHERE category_id = ?").param(id).update();
      for (Relationship relationship : c.relationships()) {
        jdbc.sql("INSERT INTO inventory_category_relationship (category_id, relationship) VALUES (?, ?)")
            .params(id, relationship.name()).update();
      }
    } else if (entry instanceof UsePurpose p) {
      Object[] values = {p.textJa(), p.textEn(), p.published(), p.code()};
      if (added) {
        jdbc.sql("INSERT INTO inventory_purpose (text_ja, text_en, published, code) VALUES (?, ?, ?, ?)")
            .params(values).update();
      } else {
        jdbc.sql("UPDATE inventory_purpose SET text_ja = ?, text_en = ?, published = ? WHERE code = ?")
            .params(values).update();
      }
      long id = idOf("inventory_purpose", p.code());
      jdbc.sql("DELETE FROM inventory_purpose_category WHERE purpose_id = ?").param(id).update();
      for (String category : p.categories()) {
        jdbc.sql("INSERT INTO inventory_purpose_category (purpose_id, category_id) VALUES (?, ?)")
            .params(id, idOf("inventory_category", category)).update();
      }
    } else if (entry instanceof HoldingSystem s) {
      Object[] values = {s.nameJa(), s.nameEn(), s.owningGroup(), s.specificInformationEntitled(),
          s.searchKind().name(), s.code()};
      if (added) {
        jdbc.sql("""
                INSERT INTO inventory_system (name_ja, name_en, owning_group, specific_information_entitled,
                  search_kind, code) VALUES (?, ?, ?, ?, ?, ?)
                """).params(values).update();
      } else {
        jdbc.sql("""
                UPDATE inventory_system SET name_ja = ?, name_en = ?, owning_group = ?,
                  specific_information_entitled = ?, search_kind = ? WHERE code = ?
                """).params(values).update();
      }
      long id = idOf("inventory_system", s.code());
      jdbc.sql("DELETE FROM inventory_system_category WHERE system_id = ?").param(id).update();
      for (String category : s.categories()) {
        jdbc.sql("INSERT INTO inventory_system_category (system_id, category_id) VALUES (?, ?)")
            .params(id, idOf("inventory_category", category)).update();
      }
    } else if (entry instanceof Provision p) {
      Object[] values = {idOf("inventory_category", p.category()), p.recipientJa(), p.recipientEn(),
          p.legalBasis().name(), p.jointUseItemsJa(), p.jointUseItemsEn(), p.code()};
      if (added) {
        jdbc.sql("""
                INSERT INTO inventory_provision (category_id, recipient_ja, recipient_en, legal_basis,
                  joint_use_items_ja, joint_use_items_en, code) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(values).update();
      } else {
        jdbc.sql("""
                UPDATE inventory_provision SET category_id = ?, recipient_ja = ?, recipient_en = ?,
                  legal_basis = ?, joint_use_items_ja = ?, joint_use_items_en = ? WHERE code = ?
                """).params(values).update();
      }
    }
  }

  private void remove(InventoryKind kind, String code) {
    switch (kind) {
      case CATEGORIES -> {
        long id = idOf("inventory_category", code);
        jdbc.sql("DELETE FROM inventory_category_relationship WHERE category_id = ?").param(id).update();
        jdbc.sql("DELETE FROM inventory_category WHERE id = ?").param(id).update();
      }
      case PURPOSES -> {
        long id = idOf("inventory_purpose", code);
        jdbc.sql("DELETE FROM inventory_purpose_category WHERE purpose_id = ?").param(id).update();
        jdbc.sql("DELETE FROM inventory_purpose WHERE id = ?").param(id).update();
      }
      case SYSTEMS -> {
        long id = idOf("inventory_system", code);
        jdbc.sql("DELETE FROM inventory_system_category WHERE system_id = ?").param(id).update();
        jdbc.sql("DELETE FROM inventory_system WHERE id = ?").param(id).update();
      }
      case PROVISIONS -> jdbc.sql("DELETE FROM inventory_provision WHERE code = ?").param(code).update();
    }
  }

  private long idOf(String table, String code) {
    // the table name is one of ours, never input
    return jdbc.sql("SELECT id FROM " + table + " WHERE code = ?").param(code).query(Long.class).single();
  }

  private Map<Long, List<String>> links(String table, String ownerColumn) {
    Map<Long, List<String>> links = new HashMap<>();
    jdbc.sql("SELECT l." + ownerColumn + ", c.code FROM " + table + " l JOIN inventory_category c ON c.id = "
            + "l.category_id")
        .query(rs -> {
          links.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
    return links;
  }

  private static FieldProblem problem(InventoryKind kind, String code, String field, String message,
      Object... args) {
    return new FieldProblem(kind, code, 0, field, message, List.of(args));
  }

  private static String json(List<FieldChange> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<FieldChange> fields(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<FieldChange>>() {});
    } catch (JsonProcessingException e) {
      return List.of(new FieldChange("", "", json));
    }
  }

  /** Finds an entry or says there is none. */
  public Optional<InventoryEntry> entry(InventoryKind kind, String code) {
    return snapshot().entry(kind, code);
  }
}
