package jp.madoguchi.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.connector.ConnectorDefinitions.Definition;
import jp.madoguchi.connector.ConnectorHandles.Handle;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What systems call on the desk, without a login but each call signed with the connector's secret ({@link
 * Signatures}); an unknown handle and a bad signature are both answered 401, so that a caller learns nothing:
 * <ul>
 *   <li>{@code POST /api/connectors/{code}/callbacks/{handle}}: an HTTP system's accepted action is done
 *       ({@code {"status": "done", "count": n}}) or failed ({@code {"status": "failed"}}).</li>
 *   <li>{@code GET /api/connectors/worker/identifiers/{handle}}: an external-task worker fetches the person's
 *       identifiers, once; the fetch is recorded in the request's history.</li>
 *   <li>{@code POST /api/connectors/worker/results/{handle}}: the worker posts what it found,
 *       {@code {"records": {"<category>": [ ... ]}}}, once, after fetching the identifiers.</li>
 *   <li>{@code POST /api/connectors/worker/outcomes/{handle}}: the worker reports an approved action it was handed
 *       ({@code {"status": "done", "count": n}} or {@code {"status": "failed"}}), once, after fetching the
 *       identifiers (ADR 0034).</li>
 * </ul>
 */
@RestController
class ConnectorApiController {

  static final String IDENTIFIERS_FETCHED = "CONNECTOR_IDENTIFIERS_FETCHED";

  private final ConnectorDefinitions definitions;
  private final ConnectorHandles handles;
  private final ConnectorCalls calls;
  private final RequestRegister register;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;

  ConnectorApiController(ConnectorDefinitions definitions, ConnectorHandles handles, ConnectorCalls calls,
      RequestRegister register, ObjectMapper json, ApplicationEventPublisher events) {
    this.definitions = definitions;
    this.handles = handles;
    this.calls = calls;
    this.register = register;
    this.json = json;
    this.events = events;
  }

  @PostMapping("/api/connectors/{code}/callbacks/{handle}")
  @Transactional
  public ResponseEntity<Void> callback(@PathVariable String code, @PathVariable String handle,
      @RequestBody String body, HttpServletRequest request) throws Exception {
    Optional<Handle> found = handles.find(handle).filter(h -> h.connectorCode().equals(code)
        && !ConnectorSearches.SEARCH.equals(h.operation()));
    Optional<Definition> connector = definitions.find(code).filter(d -> d.kind() == ConnectorKind.HTTP);
    if (found.isEmpty() || connector.isEmpty()
        || !signed(connector.get(), connector.get().settings().getHttp().getReplayWindow(), request, body)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    JsonNode answer = json.readTree(body);
    String outcome = "done".equals(answer.path("status").asText()) ? "DONE" : "FAILED";
    Integer count = answer.path("count").isNumber() ? answer.path("count").asInt() : null;
    Handle h = found.get();
    if (!handles.complete(handle, outcome, count, null, false)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    calls.record("connector:" + code, h.requestId(), h.systemCode(), code, h.operation(), count,
        "CALLBACK_" + outcome, null);
    events.publishEvent(new SystemActedOn(h.requestId(), h.systemCode(), code, h.operation(), count, outcome));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/connectors/worker/identifiers/{handle}")
  @Transactional
  public ResponseEntity<Map<String, Object>> identifiers(@PathVariable String handle, HttpServletRequest request) {
    Optional<Handle> found = handles.find(handle);
    Optional<Definition> connector = found.flatMap(h -> worker(h));
    if (connector.isEmpty() || !signed(connector.get(),
        connector.get().settings().getExternalTask().getReplayWindow(), request, "")) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    Handle h = found.get();
    if (!handles.claimIdentifiers(handle)) {
      return ResponseEntity.status(HttpStatus.GONE).build();
    }
    register.recordEvent(h.requestId(), "connector:" + h.connectorCode(), IDENTIFIERS_FETCHED, h.systemCode());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("request", register.find(h.requestId()).reference());
    answer.put("identifiers", PersonIdentifiers.of(register.find(h.requestId())).json());
    return ResponseEntity.ok(answer);
  }

  @PostMapping("/api/connectors/worker/results/{handle}")
  @Transactional
  public ResponseEntity<Void> results(@PathVariable String handle, @RequestBody String body,
      HttpServletRequest request) throws Exception {
    Optional<Handle> found = handles.find(handle).filter(h -> ConnectorSearches.SEARCH.equals(h.operation()));
    Optional<Definition> connector = found.flatMap(h -> worker(h));
    if (connector.isEmpty() || !signed(connector.get(),
        connector.get().settings().getExternalTask().getReplayWindow(), request, body)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    JsonNode records = json.readTree(body).path("records");
    if (!records.isObject()) {
      return ResponseEntity.badRequest().build();
    }
    Map<String, List<Map<String, Object>>> byCategory = json.convertValue(records,
        new com.fasterxml.jackson.core.type.TypeReference<>() {});
    Handle h = found.get();
    SearchResult result = new SearchResult(h.systemCode(), h.connectorCode(), byCategory);
    if (!handles.complete(handle, "DONE", result.count(), json.writeValueAsString(byCategory), true)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    calls.record("connector:" + h.connectorCode(), h.requestId(), h.systemCode(), h.connectorCode(),
        ConnectorSearches.SEARCH, result.count(), "DONE", null);
    events.publishEvent(new SystemSearched(h.requestId(), result));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/connectors/worker/outcomes/{handle}")
  @Transactional
  public ResponseEntity<Void> outcome(@PathVariable String handle, @RequestBody String body,
      HttpServletRequest request) throws Exception {
    Optional<Handle> found = handles.find(handle).filter(h -> !ConnectorSearches.SEARCH.equals(h.operation()));
    Optional<Definition> connector = found.flatMap(h -> worker(h));
    if (connector.isEmpty() || !signed(connector.get(),
        connector.get().settings().getExternalTask().getReplayWindow(), request, body)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    JsonNode answer = json.readTree(body);
    String outcome = "done".equals(answer.path("status").asText()) ? "DONE" : "FAILED";
    Integer count = answer.path("count").isNumber() ? answer.path("count").asInt() : null;
    Handle h = found.get();
    if (!handles.complete(handle, outcome, count, null, true)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }
    calls.record("connector:" + h.connectorCode(), h.requestId(), h.systemCode(), h.connectorCode(), h.operation(),
        count, outcome, null);
    events.publishEvent(new SystemActedOn(h.requestId(), h.systemCode(), h.connectorCode(), h.operation(), count,
        outcome));
    return ResponseEntity.noContent().build();
  }

  /** The external-task connector that owns the handle (its search, or an approved action handed to its worker). */
  private Optional<Definition> worker(Handle handle) {
    return definitions.find(handle.connectorCode()).filter(d -> d.kind() == ConnectorKind.EXTERNAL_TASK);
  }

  private static boolean signed(Definition connector, Duration window, HttpServletRequest request, String body) {
    return Signatures.valid(connector.secret(), request.getHeader(Signatures.TIMESTAMP),
        request.getHeader(Signatures.SIGNATURE), request.getRequestURI(), body, window, RequestRegister.now());
  }
}
