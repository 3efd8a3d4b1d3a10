package jp.madoguchi.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.connector.ConnectorDefinitions.Definition;
import jp.madoguchi.connector.ConnectorProperties.Http;
import jp.madoguchi.request.RequestRegister;
import org.springframework.stereotype.Component;

/**
 * The HTTP connectors' conversation (docs/operations.md#connectors): {@code POST <base>/search} with the person's
 * identifiers and the categories, answered with {@code {"records": {"<category>": [ {...}, ... ]}}}; {@code POST
 * <base>/actions} with the action and a one-time handle, answered {@code {"status": "done", "count": n}} or
 * {@code {"status": "accepted"}} and later a signed callback. Every request and response is signed
 * ({@link Signatures}); an unsigned or wrongly signed response is refused like a failure. Failures name the status or
 * the kind of error, never the body.
 */
@Component
class HttpSystems {

  /** What a system answered to an action. */
  record ActionAnswer(boolean done, Integer count) {}

  private final ObjectMapper json;

  HttpSystems(ObjectMapper json) {
    this.json = json;
  }

  Map<String, List<Map<String, Object>>> search(Definition connector, String systemCode, String reference,
      List<String> categories, PersonIdentifiers person) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("request", reference);
    body.put("categories", categories);
    body.put("identifiers", person.json());
    JsonNode answer = call(connector, systemCode, "/search", body);
    JsonNode records = answer.path("records");
    if (!records.isObject()) {
      throw new ConnectorFailure(prefix(connector, systemCode) + "the answer to the search has no \"records\" object");
    }
    Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
    for (String category : categories) {
      JsonNode rows = records.path(category);
      if (rows.isMissingNode() || rows.isNull()) {
        result.put(category, List.of());
      } else if (!rows.isArray()) {
        throw new ConnectorFailure(prefix(connector, systemCode) + "the records of category " + category
            + " are not a list");
      } else {
        result.put(category, json.convertValue(rows, new com.fasterxml.jackson.core.type.TypeReference<>() {}));
      }
    }
    return result;
  }

  ActionAnswer act(Definition connector, String systemCode, String reference, Action action, String handle,
      PersonIdentifiers person) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("request", reference);
    body.put("action", action.name());
    body.put("handle", handle);
    body.put("callbackPath", "/api/connectors/" + connector.code() + "/callbacks/" + handle);
    body.put("identifiers", person.json());
    JsonNode answer = call(connector, systemCode, "/actions", body);
    String status = answer.path("status").asText("");
    Integer count = answer.path("count").isNumber() ? answer.path("count").asInt() : null;
    return switch (status) {
      case "done" -> new ActionAnswer(true, count);
      case "accepted" -> new ActionAnswer(false, null);
      default -> throw new ConnectorFailure(prefix(connector, systemCode) + "the answer to " + action
          + " is neither \"done\" nor \"accepted\"");
    };
  }

  private JsonNode call(Definition connector, String systemCode, String operation, Map<String, Object> body) {
    Http http = connector.settings().getHttp();
    URI uri = URI.create(http.getBaseUrl().replaceAll("/+$", "") + operation);
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    String timestamp = Signatures.timestamp(RequestRegister.now());
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(http.getReadTimeout())
        .header("Content-Type", "application/json")
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(connector.secret(), timestamp, uri.getRawPath(), text))
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
        .build();
    HttpClient client = HttpClient.newBuilder().connectTimeout(http.getConnectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException timeout) {
      throw new ConnectorFailure(prefix(connector, systemCode) + operation + " timed out after "
          + http.getReadTimeout().toSeconds() + " s");
    } catch (IOException unreachable) {
      throw new ConnectorFailure(prefix(connector, systemCode) + operation + " could not be sent ("
          + unreachable.getClass().getSimpleName() + ")");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ConnectorFailure(prefix(connector, systemCode) + operation + " was interrupted");
    }
    if (response.statusCode() != 200) {
      throw new ConnectorFailure(prefix(connector, systemCode) + operation + " answered HTTP "
          + response.statusCode());
    }
    if (!Signatures.valid(connector.secret(), response.headers().firstValue(Signatures.TIMESTAMP).orElse(null),
        response.headers().firstValue(Signatures.SIGNATURE).orElse(null), uri.getRawPath(), response.body(),
        http.getReplayWindow(), RequestRegister.now())) {
      throw new ConnectorFailure(prefix(connector, systemCode) + "the answer to " + operation
          + " is not signed with the system's secret, or its timestamp is outside the replay window; refused");
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException notJson) {
      throw new ConnectorFailure(prefix(connector, systemCode) + "the answer to " + operation + " is not JSON");
    }
  }

  private static String prefix(Definition connector, String systemCode) {
    return "System " + systemCode + " (connector " + connector.code() + "): ";
  }
}
