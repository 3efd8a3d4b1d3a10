package jp.madoguchi.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventorySnapshot;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of a request's search ({@code search_plan}, {@code search_system}, {@code search_category}): the
 * requester's relationship, the systems to search (the inventory's rule, plus or minus staff's choices with their
 * reasons), each owning group's finding, and per category found or not. The rule is read from the inventory when
 * the search is planned, so a system added to the inventory is in the next investigation without a deployment.
 */
@Service
public class SystemSearches {

  /** Where a system of the search comes from. */
  public enum Origin { RULE, ADDED }

  /** A category that may hold the person's data, why (the relationship), and whether it was found. */
  public record CategoryRow(DataCategory category, Boolean found) {}

  /** A system of the search, from the rule or staff, and what its owning group found. */
  public record SystemRow(String code, HoldingSystem system, Origin origin, boolean removed, String reason,
      boolean withheld, Boolean found, String finding, String recordedBy, OffsetDateTime recordedAt,
      List<DataCategory> becauseOf) {
    public boolean searched() {
      return found != null;
    }
  }

  /** The request's search as the investigation page shows it. */
  public record Plan(Relationship relationship, List<CategoryRow> categories, List<SystemRow> systems) {
    public boolean chosen() {
      return relationship != null;
    }
  }

  private final JdbcClient jdbc;
  private final Inventory inventory;

  SystemSearches(JdbcClient jdbc, Inventory inventory) {
    this.jdbc = jdbc;
    this.inventory = inventory;
  }

  /** The requester's relationship to the company, chosen when the request is checked (a later check replaces it). */
  @Transactional
  public void chooseRelationship(long requestId, Relationship relationship, String actor) {
    int updated = jdbc.sql("UPDATE search_plan SET relationship = ?, chosen_by = ?, chosen_at = ? WHERE request_id = ?")
        .params(relationship.name(), actor, now(), requestId).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO search_plan (request_id, relationship, chosen_by, chosen_at) VALUES (?, ?, ?, ?)")
          .params(requestId, relationship.name(), actor, now()).update();
    }
  }

  public Optional<Relationship> relationship(long requestId) {
    return jdbc.sql("SELECT relationship FROM search_plan WHERE request_id = ?").param(requestId)
        .query(String.class).optional().map(Relationship::valueOf);
  }

  /**
   * Plans the search from the inventory as it is now: every system that holds a category of the relationship joins
   * the search (staff's removals stay removed); for a My Number request, a system whose owning group is not entitled
   * to specific personal information is withheld (ADR 0028). Returns the codes of the systems whose owning groups
   * get a search task: manual, not removed, not withheld.
   */
  @Transactional
  public List<String> planSearch(long requestId, boolean specificPersonalInformation) {
    InventorySnapshot snapshot = inventory.snapshot();
    Set<String> ruled = ruleSystems(requestId, snapshot).keySet();
    Set<String> known = rows(requestId).keySet();
    for (String code : ruled) {
      if (!known.contains(code)) {
        jdbc.sql("INSERT INTO search_system (request_id, system_code, origin, removed, withheld) "
            + "VALUES (?, ?, 'RULE', FALSE, FALSE)").params(requestId, code).update();
      }
    }
    List<String> tasked = new ArrayList<>();
    for (HoldingSystem system : snapshot.systems()) {
      Map<String, Object> row = rows(requestId).get(system.code());
      if (row == null || Boolean.TRUE.equals(row.get("removed"))) {
        continue;
      }
      boolean withheld = specificPersonalInformation && !system.specificInformationEntitled();
      jdbc.sql("UPDATE search_system SET withheld = ? WHERE request_id = ? AND system_code = ?")
          .params(withheld, requestId, system.code()).update();
      if (!withheld && system.searchKind() == SearchKind.MANUAL) {
        tasked.add(system.code());
      }
    }
    return tasked;
  }

  /**
   * The codes of the systems whose owning groups get a search task, as planned: manual, not removed, not withheld.
   * Read by the model's multi-instance search task ({@code ${systemSearches.tasked(requestId)}}).
   */
  public List<String> tasked(long requestId) {
    Map<String, HoldingSystem> systems = inventory.snapshot().systems().stream()
        .collect(Collectors.toMap(HoldingSystem::code, s -> s));
    return rows(requestId).values().stream()
        .filter(row -> !Boolean.TRUE.equals(row.get("removed")) && !Boolean.TRUE.equals(row.get("withheld")))
        .map(row -> (String) row.get("system_code"))
        .filter(code -> systems.containsKey(code) && systems.get(code).searchKind() == SearchKind.MANUAL)
        .toList();
  }

  /**
   * The codes of the systems where the person's data was found (by a connector or its owning group), not removed
   * and not withheld: the systems an approved action is carried out on (ADR 0034). Read by the model's
   * multi-instance "Act on a system" ({@code ${systemSearches.withFindings(requestId)}}).
   */
  public List<String> withFindings(long requestId) {
    return jdbc.sql("SELECT system_code FROM search_system WHERE request_id = ? AND found = TRUE "
            + "AND removed = FALSE AND withheld = FALSE ORDER BY system_code")
        .param(requestId).query(String.class).list();
  }

  /** What was done on a system after the manager's approval: codes, a count, who and when. */
  public record SystemAction(String code, HoldingSystem system, String action, Integer count, String outcome,
      String actedBy, OffsetDateTime actedAt) {}

  /** Outcomes of an action on a system (column {@code action_outcome}). */
  public enum ActionOutcome { DONE, ACCEPTED, FAILED, NOT_POSSIBLE }

  /**
   * Records what was done on a system of the search: by a connector (its {@code SystemActedOn}) or by the owning
   * group (the "Carry out in X" task). A later record of the same system replaces the earlier (an accepted action's
   * callback). A system not in the request's search records nothing.
   *
   * @throws InvalidSearchInput when the action or the outcome is not one of the codes
   */
  @Transactional
  public void recordAction(long requestId, String systemCode, String action, Integer count, String outcome,
      String actor) {
    if (action == null || !action.matches("ERASURE|CORRECTION|SUSPENSION")) {
      throw new InvalidSearchInput("action", "search.error.unknownAction");
    }
    ActionOutcome value;
    try {
      value = ActionOutcome.valueOf(outcome);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      throw new InvalidSearchInput("outcome", "search.error.unknownActionOutcome");
    }
    jdbc.sql("UPDATE search_system SET action_taken = ?, action_count = ?, action_at = ?, action_by = ?, "
            + "action_outcome = ? WHERE request_id = ? AND system_code = ? AND removed = FALSE")
        .params(action, count, now(), actor, value.name(), requestId, systemCode).update();
  }

  /** What was done on each system of the request after the approval, by system code (none before). */
  public List<SystemAction> actions(long requestId) {
    Map<String, HoldingSystem> systems = inventory.snapshot().systems().stream()
        .collect(Collectors.toMap(HoldingSystem::code, s -> s));
    return jdbc.sql("SELECT system_code, action_taken, action_count, action_outcome, action_by, action_at "
            + "FROM search_system WHERE request_id = ? AND action_taken IS NOT NULL ORDER BY system_code")
        .param(requestId)
        .query((rs, n) -> new SystemAction(rs.getString("system_code"), systems.get(rs.getString("system_code")),
            rs.getString("action_taken"), (Integer) rs.getObject("action_count"), rs.getString("action_outcome"),
            rs.getString("action_by"), rs.getObject("action_at", OffsetDateTime.class)))
        .list();
  }

  /** Staff add a system the rule did not give, with their reason (required). */
  @Transactional
  public void addSystem(long requestId, String systemCode, String reason, String actor) {
    requireSystem(systemCode);
    String why = requireReason(reason);
    int updated = jdbc.sql("UPDATE search_system SET removed = FALSE, reason = ?, decided_by = ? "
        + "WHERE request_id = ? AND system_code = ?").params(why, actor, requestId, systemCode).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO search_system (request_id, system_code, origin, removed, reason, decided_by, withheld) "
          + "VALUES (?, ?, 'ADDED', FALSE, ?, ?, FALSE)").params(requestId, systemCode, why, actor).update();
    }
  }

  /** Staff take a system out of the search, with their reason (required). */
  @Transactional
  public void removeSystem(long requestId, String systemCode, String reason, String actor) {
    requireSystem(systemCode);
    String why = requireReason(reason);
    int updated = jdbc.sql("UPDATE search_system SET removed = TRUE, reason = ?, decided_by = ? "
        + "WHERE request_id = ? AND system_code = ?").params(why, actor, requestId, systemCode).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO search_system (request_id, system_code, origin, removed, reason, decided_by, withheld) "
          + "VALUES (?, ?, 'RULE', TRUE, ?, ?, FALSE)").params(requestId, systemCode, why, actor).update();
    }
  }

  /** What the owning group found in a system: found or not, and what (text, required when found). */
  @Transactional
  public void recordFinding(long requestId, String systemCode, boolean found, String finding, String actor) {
    String text = finding == null ? "" : finding.strip();
    if (found && text.isEmpty()) {
      throw new InvalidSearchInput("finding", "search.error.findingNeeded");
    }
    if (text.length() > 4000) {
      throw new InvalidSearchInput("finding", "search.error.findingTooLong");
    }
    int updated = jdbc.sql("UPDATE search_system SET found = ?, finding = ?, recorded_by = ?, recorded_at = ? "
        + "WHERE request_id = ? AND system_code = ? AND removed = FALSE")
        .params(found, text.isEmpty() ? null : text, actor, now(), requestId, systemCode).update();
    if (updated == 0) {
      throw new InvalidSearchInput("systemCode", "search.error.notInSearch");
    }
  }

  /**
   * What a connector found in a system of the search: found when it returned records (the finding names the
   * connector and the count, never the records), and the categories in which it found some. A system that is not in
   * the request's search (a connector called outside the investigation) records nothing.
   */
  @Transactional
  public void recordConnectorFinding(long requestId, String systemCode, String connectorCode, int count,
      List<String> categoriesWithRecords) {
    String finding = count == 0 ? null : "コネクタ " + connectorCode + " により " + count + " 件 / " + count
        + " record(s) through connector " + connectorCode;
    int updated = jdbc.sql("UPDATE search_system SET found = ?, finding = ?, recorded_by = ?, recorded_at = ? "
        + "WHERE request_id = ? AND system_code = ? AND removed = FALSE")
        .params(count > 0, finding, "connector:" + connectorCode, now(), requestId, systemCode).update();
    if (updated == 0) {
      return;
    }
    Set<String> known = inventory.snapshot().categories().stream().map(DataCategory::code)
        .collect(Collectors.toSet());
    for (String category : categoriesWithRecords) {
      if (known.contains(category)) {
        recordCategory(requestId, category, true, "connector:" + connectorCode);
      }
    }
  }

  /** Staff say whether the person's data was found in a category. */
  @Transactional
  public void recordCategory(long requestId, String categoryCode, boolean found, String actor) {
    if (inventory.snapshot().categories().stream().noneMatch(c -> c.code().equals(categoryCode))) {
      throw new InvalidSearchInput("categoryCode", "search.error.unknownCategory");
    }
    int updated = jdbc.sql("UPDATE search_category SET found = ?, recorded_by = ?, recorded_at = ? "
        + "WHERE request_id = ? AND category_code = ?").params(found, actor, now(), requestId, categoryCode).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO search_category (request_id, category_code, found, recorded_by, recorded_at) "
          + "VALUES (?, ?, ?, ?, ?)").params(requestId, categoryCode, found, actor, now()).update();
    }
  }

  /**
   * Whether the data of a person with this relationship is held for a client, as the inventory says: {@code ALL}
   * when every category of the relationship is held for a client, {@code PART} when some are, {@code NONE} when none
   * is; with the client (several joined by 「、」) and its contact for referrals. Empty when the inventory has no
   * category for the relationship: then staff answer.
   *
   * @param answer {@code ALL}, {@code PART} or {@code NONE} (the values of the contract's {@code entrustedData})
   */
  public record EntrustedShare(String answer, String clientName, String clientContact) {}

  public Optional<EntrustedShare> entrustedShare(Relationship relationship) {
    List<DataCategory> categories = inventory.categoriesFor(relationship);
    if (categories.isEmpty()) {
      return Optional.empty();
    }
    List<DataCategory> entrusted = categories.stream().filter(DataCategory::entrusted).toList();
    String answer = entrusted.isEmpty() ? "NONE" : entrusted.size() == categories.size() ? "ALL" : "PART";
    String clients = entrusted.stream().map(DataCategory::clientName).distinct().collect(Collectors.joining("、"));
    List<String> contacts = entrusted.stream().map(DataCategory::clientContact)
        .filter(contact -> contact != null && !contact.isBlank()).distinct().toList();
    return Optional.of(new EntrustedShare(answer, clients.isEmpty() ? null : clients,
        contacts.size() == 1 ? contacts.get(0) : null));
  }

  /** How many categories the investigation recorded for the request, found or not. */
  public int recordedCategories(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM search_category WHERE request_id = ?").param(requestId)
        .query(Integer.class).single();
  }

  /** The codes of the categories in which the person's data was found. */
  public List<String> foundCategories(long requestId) {
    return jdbc.sql("SELECT category_code FROM search_category WHERE request_id = ? AND found = TRUE "
        + "ORDER BY category_code").param(requestId).query(String.class).list();
  }

  /** The categories found, as the inventory describes them now. */
  public List<DataCategory> foundCategoryEntries(long requestId) {
    Set<String> found = Set.copyOf(foundCategories(requestId));
    return inventory.snapshot().categories().stream().filter(c -> found.contains(c.code())).toList();
  }

  /**
   * The candidate group of a search task: the owning group of the system its execution searches
   * ({@code systemCode}). A task started by hand without a system (Cockpit's modification) goes to the request's
   * desk group, which sees it has no system.
   */
  public String owningGroupOf(org.camunda.bpm.engine.delegate.VariableScope execution) {
    Object code = execution.getVariable(SearchSheets.SYSTEM_CODE);
    return code == null ? (String) execution.getVariable("deskGroup") : owningGroup(code.toString());
  }

  /** The owning group of a system (the search task's candidate group). */
  public String owningGroup(String systemCode) {
    return requireSystem(systemCode).owningGroup();
  }

  /** Every system of the inventory, for staff adding one to a search. */
  public List<HoldingSystem> allSystems() {
    return inventory.snapshot().systems();
  }

  public Optional<HoldingSystem> system(String systemCode) {
    return inventory.snapshot().systems().stream().filter(s -> s.code().equals(systemCode)).findFirst();
  }

  /** The request's search: the rule (relationship, categories, why each system), staff's choices, the findings. */
  public Plan plan(long requestId) {
    InventorySnapshot snapshot = inventory.snapshot();
    Relationship relationship = relationship(requestId).orElse(null);
    Map<String, Boolean> categoryFound = new LinkedHashMap<>();
    jdbc.sql("SELECT category_code, found FROM search_category WHERE request_id = ?").param(requestId)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list()
        .forEach(e -> categoryFound.put(e.getKey(), e.getValue()));
    List<CategoryRow> categories = snapshot.categories().stream()
        .filter(c -> (relationship != null && c.relationships().contains(relationship))
            || categoryFound.containsKey(c.code()))
        .map(c -> new CategoryRow(c, categoryFound.get(c.code()))).toList();
    Map<String, DataCategory> byCode = snapshot.categories().stream()
        .collect(Collectors.toMap(DataCategory::code, c -> c));
    Map<String, List<DataCategory>> because = new LinkedHashMap<>();
    ruleSystems(requestId, snapshot).forEach((code, via) -> because.put(code, via.stream().map(byCode::get).toList()));
    Map<String, HoldingSystem> systems = snapshot.systems().stream()
        .collect(Collectors.toMap(HoldingSystem::code, s -> s));
    List<SystemRow> rows = new ArrayList<>();
    Set<String> listed = new java.util.HashSet<>();
    for (Map<String, Object> row : rows(requestId).values()) {
      String code = (String) row.get("system_code");
      listed.add(code);
      rows.add(new SystemRow(code, systems.get(code), Origin.valueOf((String) row.get("origin")),
          Boolean.TRUE.equals(row.get("removed")), (String) row.get("reason"),
          Boolean.TRUE.equals(row.get("withheld")), (Boolean) row.get("found"), (String) row.get("finding"),
          (String) row.get("recorded_by"), (OffsetDateTime) row.get("recorded_at"),
          because.getOrDefault(code, List.of())));
    }
    // systems the rule gives now but the search has not planned yet (before the investigation starts)
    because.forEach((code, categoryCodes) -> {
      if (!listed.contains(code)) {
        rows.add(new SystemRow(code, systems.get(code), Origin.RULE, false, null, false, null, null, null, null,
            categoryCodes));
      }
    });
    return new Plan(relationship, categories, rows);
  }

  /** The systems the rule gives for the request's relationship, each with the categories that bring it in. */
  private Map<String, List<String>> ruleSystems(long requestId, InventorySnapshot snapshot) {
    Map<String, List<String>> because = new LinkedHashMap<>();
    relationship(requestId).ifPresent(relationship -> {
      Set<String> categories = snapshot.categories().stream()
          .filter(c -> c.relationships().contains(relationship)).map(DataCategory::code)
          .collect(Collectors.toSet());
      for (HoldingSystem system : snapshot.systems()) {
        List<String> via = system.categories().stream().filter(categories::contains).toList();
        if (!via.isEmpty()) {
          because.put(system.code(), via);
        }
      }
    });
    return because;
  }

  /**
   * The request's personal data is erased (retention ended): the findings' text and the staff's reasons go, in the
   * erasing transaction; what was searched and whether anything was found stay (codes and booleans).
   */
  @org.springframework.context.event.EventListener
  public void erase(jp.madoguchi.request.PersonalDataErased erased) {
    jdbc.sql("UPDATE search_system SET finding = NULL, reason = NULL WHERE request_id = ?")
        .param(erased.requestId()).update();
  }

  private Map<String, Map<String, Object>> rows(long requestId) {
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    jdbc.sql("SELECT system_code, origin, removed, reason, withheld, found, finding, recorded_by, recorded_at "
            + "FROM search_system WHERE request_id = ? ORDER BY system_code").param(requestId)
        .query((rs, n) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("system_code", rs.getString("system_code"));
          row.put("origin", rs.getString("origin"));
          row.put("removed", rs.getBoolean("removed"));
          row.put("reason", rs.getString("reason"));
          row.put("withheld", rs.getBoolean("withheld"));
          boolean found = rs.getBoolean("found");
          row.put("found", rs.wasNull() ? null : found);
          row.put("finding", rs.getString("finding"));
          row.put("recorded_by", rs.getString("recorded_by"));
          row.put("recorded_at", rs.getObject("recorded_at", OffsetDateTime.class));
          return row;
        }).list().forEach(row -> rows.put((String) row.get("system_code"), row));
    return rows;
  }

  private HoldingSystem requireSystem(String systemCode) {
    return system(systemCode).orElseThrow(() -> new InvalidSearchInput("systemCode", "search.error.unknownSystem"));
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidSearchInput("reason", "search.error.reasonNeeded");
    }
    if (reason.strip().length() > 1000) {
      throw new InvalidSearchInput("reason", "search.error.reasonTooLong");
    }
    return reason.strip();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

}
