package jp.madoguchi.connector;

import java.util.List;
import java.util.Map;
import jp.madoguchi.connector.ConnectorDefinitions.Definition;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Searches a system of the inventory for a request's person through the connector the managers chose for it. Every
 * call is recorded ({@link ConnectorCalls}); a failure throws {@link ConnectorFailure} with a message free of
 * personal data, so that the engine's retries and incident show it safely. Each result is also published as
 * {@link SystemSearched}.
 */
@Service
public class ConnectorSearches {

  static final String SEARCH = "SEARCH";

  private final RequestRegister register;
  private final Inventory inventory;
  private final SystemConnectors systems;
  private final ConnectorDefinitions definitions;
  private final SqlSystems sql;
  private final HttpSystems http;
  private final ConnectorCalls calls;
  private final ConnectorHandles handles;
  private final ApplicationEventPublisher events;

  ConnectorSearches(RequestRegister register, Inventory inventory, SystemConnectors systems,
      ConnectorDefinitions definitions, SqlSystems sql, HttpSystems http, ConnectorCalls calls,
      ConnectorHandles handles, ApplicationEventPublisher events) {
    this.register = register;
    this.inventory = inventory;
    this.systems = systems;
    this.definitions = definitions;
    this.sql = sql;
    this.http = http;
    this.calls = calls;
    this.handles = handles;
    this.events = events;
  }

  /** An external task's work: the topic its worker fetches and the one-time handle it carries. */
  public record ExternalWork(String topic, String handle) {}

  /** The configured connector the managers chose for a system; empty when it is searched and acted on by hand. */
  java.util.Optional<Definition> connectorOf(String systemCode) {
    return systems.connectorOf(systemCode).flatMap(definitions::find);
  }

  /** The kind of connector that searches a system; empty when it is searched by hand. */
  public java.util.Optional<ConnectorKind> kindOf(String systemCode) {
    return systems.connectorOf(systemCode).flatMap(definitions::find).map(Definition::kind);
  }

  /**
   * How the model searches a system: {@code CONNECTOR} (SQL or HTTP, called by the desk), {@code EXTERNAL_TASK} (its
   * worker) or {@code MANUAL} (its owning group; also when its connector is no longer configured).
   */
  public String searchKind(String systemCode) {
    return kindOf(systemCode).map(kind -> kind == ConnectorKind.EXTERNAL_TASK ? "EXTERNAL_TASK" : "CONNECTOR")
        .orElse("MANUAL");
  }

  /**
   * Searches a system (SQL or HTTP) now.
   *
   * @throws ConnectorFailure when the system cannot be searched; nothing of a failed search is kept
   */
  public SearchResult search(long requestId, String systemCode, String actor) {
    Target target = target(requestId, systemCode);
    if (target.connector().kind() == ConnectorKind.EXTERNAL_TASK) {
      throw new ConnectorFailure("System " + systemCode + " (connector " + target.connector().code()
          + ") is searched by its worker through an external task, not called");
    }
    PersonIdentifiers person = PersonIdentifiers.of(target.request());
    try {
      List<String> categories = categories(target);
      Map<String, List<Map<String, Object>>> records = target.connector().kind() == ConnectorKind.SQL
          ? sql.access(target.connector(), systemCode, categories, person)
          : http.search(target.connector(), systemCode, target.request().reference(), categories, person);
      SearchResult result = new SearchResult(systemCode, target.connector().code(), records);
      calls.record(actor, requestId, systemCode, target.connector().code(), SEARCH, result.count(), "DONE", null);
      events.publishEvent(new SystemSearched(requestId, result));
      return result;
    } catch (ConnectorFailure failure) {
      calls.record(actor, requestId, systemCode, target.connector().code(), SEARCH, null, "FAILED",
          failure.getMessage());
      throw failure;
    }
  }

  /** Prepares an external-task system's search: a one-time handle for its worker, recorded as issued. */
  public ExternalWork prepareExternal(long requestId, String systemCode, String actor) {
    Target target = target(requestId, systemCode);
    if (target.connector().kind() != ConnectorKind.EXTERNAL_TASK) {
      throw new ConnectorFailure("System " + systemCode + " (connector " + target.connector().code()
          + ") is not searched through an external task");
    }
    String handle = handles.issue(requestId, systemCode, target.connector().code(), SEARCH);
    calls.record(actor, requestId, systemCode, target.connector().code(), SEARCH, null, "HANDED_OUT", null);
    return new ExternalWork(target.connector().settings().getExternalTask().getTopic(), handle);
  }

  /** The categories of the system (inventory) that its SQL connector has access queries for, or all for HTTP. */
  private static List<String> categories(Target target) {
    List<String> held = target.system().categories();
    if (target.connector().kind() != ConnectorKind.SQL) {
      return held;
    }
    List<String> queried = held.stream()
        .filter(target.connector().settings().getSql().getAccess()::containsKey).toList();
    if (queried.isEmpty()) {
      throw new ConnectorFailure("System " + target.system().code() + " (connector " + target.connector().code()
          + ") has no access query for any category the inventory lists for it");
    }
    return queried;
  }

  record Target(DeskRequest request, HoldingSystem system, Definition connector) {}

  Target target(long requestId, String systemCode) {
    DeskRequest request = register.find(requestId);
    HoldingSystem system = inventory.entry(InventoryKind.SYSTEMS, systemCode)
        .map(HoldingSystem.class::cast)
        .orElseThrow(() -> new ConnectorFailure("System " + systemCode + " is not in the inventory"));
    String code = systems.connectorOf(systemCode).orElseThrow(() -> new ConnectorFailure(
        "System " + systemCode + " has no connector: its owning group searches it by hand"));
    Definition connector = definitions.find(code).orElseThrow(() -> new ConnectorFailure(
        "System " + systemCode + ": its connector " + code + " is no longer configured"));
    if (request.personalInformationKind() == PersonalInformationKind.SPECIFIC
        && !system.specificInformationEntitled()) {
      throw new ConnectorFailure("System " + systemCode + " is not entitled to specific personal information "
          + "(My Number): it takes no part in this request");
    }
    return new Target(request, system, connector);
  }
}
