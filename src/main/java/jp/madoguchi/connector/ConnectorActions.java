package jp.madoguchi.connector;

import java.util.List;
import jp.madoguchi.connector.ConnectorSearches.Target;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Carries out an approved action (erasure, correction, suspension) on a system through its connector: SQL statements
 * in one transaction per system; an HTTP system answers done, or accepted with a one-time handle it calls back with.
 * Whoever calls this has checked the manager's approval (the four-eyes step is the model's). Every call recorded;
 * what was done is published as {@link SystemActedOn} for the request's search.
 */
@Service
public class ConnectorActions {

  /** DONE (with the rows or records affected when known) or ACCEPTED (a callback with the handle will tell). */
  public record Outcome(Status status, Integer count, String handle) {}

  public enum Status { DONE, ACCEPTED }

  /**
   * How the model acts on a system: {@code CONNECTOR} (the desk calls it), {@code EXTERNAL_TASK} (its worker), or
   * {@code MANUAL} for its owning group.
   */
  public static final String BY_CONNECTOR = "CONNECTOR";
  public static final String BY_WORKER = "EXTERNAL_TASK";
  public static final String BY_HAND = "MANUAL";

  private final ConnectorSearches searches;
  private final SqlSystems sql;
  private final HttpSystems http;
  private final ConnectorCalls calls;
  private final ConnectorHandles handles;
  private final ConnectorDefinitions definitions;
  private final ApplicationEventPublisher events;

  ConnectorActions(ConnectorSearches searches, SqlSystems sql, HttpSystems http, ConnectorCalls calls,
      ConnectorHandles handles, ConnectorDefinitions definitions, ApplicationEventPublisher events) {
    this.definitions = definitions;
    this.events = events;
    this.searches = searches;
    this.sql = sql;
    this.http = http;
    this.calls = calls;
    this.handles = handles;
  }

  /**
   * Performs the action.
   *
   * @throws ConnectorFailure when it cannot be done (nothing of it is committed on an SQL system)
   */
  public Outcome perform(long requestId, String systemCode, Action action, String actor) {
    Target target = searches.target(requestId, systemCode);
    String code = target.connector().code();
    PersonIdentifiers person = PersonIdentifiers.of(target.request());
    try {
      Outcome outcome = switch (target.connector().kind()) {
        case SQL -> {
          List<String> statements = SqlSystems.statements(target.connector(), action);
          if (statements.isEmpty()) {
            throw new ConnectorFailure("System " + systemCode + " (connector " + code + ") has no " + action
                + " statements configured");
          }
          yield new Outcome(Status.DONE, sql.act(target.connector(), systemCode, action, person), null);
        }
        case HTTP -> {
          String handle = handles.issue(requestId, systemCode, code, action.name());
          HttpSystems.ActionAnswer answer = http.act(target.connector(), systemCode,
              target.request().reference(), action, handle, person);
          if (answer.done()) {
            handles.complete(handle, "DONE", answer.count(), null, false);
            yield new Outcome(Status.DONE, answer.count(), handle);
          }
          yield new Outcome(Status.ACCEPTED, null, handle);
        }
        case EXTERNAL_TASK -> throw new ConnectorFailure("System " + systemCode + " (connector " + code
            + ") acts through its worker: its action is handed out, not called");
      };
      calls.record(actor, requestId, systemCode, code, action.name(), outcome.count(), outcome.status().name(),
          null);
      events.publishEvent(new SystemActedOn(requestId, systemCode, code, action.name(), outcome.count(),
          outcome.status().name()));
      return outcome;
    } catch (ConnectorFailure failure) {
      calls.record(actor, requestId, systemCode, code, action.name(), null, "FAILED", failure.getMessage());
      throw failure;
    }
  }

  /**
   * Hands an approved action to an external-task system's worker: a one-time handle (the worker fetches the
   * person's identifiers with it once, then reports the outcome with it, both signed), recorded as handed out and
   * published as ACCEPTED until the worker reports.
   *
   * @throws ConnectorFailure when the system is not acted on through an external task
   */
  public ConnectorSearches.ExternalWork handOut(long requestId, String systemCode, Action action, String actor) {
    Target target = searches.target(requestId, systemCode);
    String code = target.connector().code();
    if (target.connector().kind() != ConnectorKind.EXTERNAL_TASK) {
      throw new ConnectorFailure("System " + systemCode + " (connector " + code
          + ") is not acted on through an external task");
    }
    String handle = handles.issue(requestId, systemCode, code, action.name());
    calls.record(actor, requestId, systemCode, code, action.name(), null, "HANDED_OUT", null);
    events.publishEvent(new SystemActedOn(requestId, systemCode, code, action.name(), null,
        Status.ACCEPTED.name()));
    return new ConnectorSearches.ExternalWork(target.connector().settings().getExternalTask().getTopic(), handle);
  }

  /**
   * How the model carries out the action on a system ({@code systemActionKind}): {@code CONNECTOR} when its
   * connector can (an HTTP system; an SQL system with statements for this action), {@code EXTERNAL_TASK} for a
   * system whose worker pulls its work, else {@code MANUAL}: the owning group acts, also for a system without a
   * connector, with a connector no longer configured, or with an SQL connector that has no statements for the
   * action (ADR 0034).
   */
  public String actionKind(String systemCode, Action action) {
    return searches.connectorOf(systemCode).map(connector -> switch (connector.kind()) {
      case HTTP -> BY_CONNECTOR;
      case SQL -> SqlSystems.statements(connector, action).isEmpty() ? BY_HAND : BY_CONNECTOR;
      case EXTERNAL_TASK -> BY_WORKER;
    }).orElse(BY_HAND);
  }

  /** Whether an accepted action's callback came: DONE, FAILED, or empty while it is still awaited. */
  public java.util.Optional<String> outcomeOf(String handle) {
    return handles.find(handle).filter(ConnectorHandles.Handle::completed).map(ConnectorHandles.Handle::outcome);
  }

  /**
   * An accepted action's state for the model's wait: true when the system called back "done", false while its
   * callback may still come.
   *
   * @throws ConnectorFailure when the system (or its worker) reported "failed", or the report did not come within
   *     the connector's {@code callback-within}: the model's job becomes an incident
   */
  public boolean awaitDone(String handle) {
    ConnectorHandles.Handle found = handles.find(handle)
        .orElseThrow(() -> new ConnectorFailure("No action of this desk has the handle given"));
    String where = "System " + found.systemCode() + " (connector " + found.connectorCode() + "): ";
    if (found.completed()) {
      if (!"DONE".equals(found.outcome())) {
        throw new ConnectorFailure(where + found.operation() + " was reported failed by the system");
      }
      return true;
    }
    java.time.Duration within = definitions.find(found.connectorCode())
        .map(d -> d.kind() == ConnectorKind.EXTERNAL_TASK ? d.settings().getExternalTask().getOutcomeWithin()
            : d.settings().getHttp().getCallbackWithin())
        .orElse(java.time.Duration.ZERO);
    if (found.issuedAt().toInstant().plus(within).isBefore(jp.madoguchi.request.RequestRegister.now())) {
      calls.record(jp.madoguchi.request.RequestRegister.SYSTEM_ACTOR, found.requestId(), found.systemCode(),
          found.connectorCode(), found.operation(), null, "CALLBACK_OVERDUE", null);
      throw new ConnectorFailure(where + "no callback for " + found.operation() + " within " + within);
    }
    return false;
  }
}
