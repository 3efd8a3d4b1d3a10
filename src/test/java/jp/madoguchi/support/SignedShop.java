package jp.madoguchi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import jp.madoguchi.connector.Signatures;

/**
 * A company system the desk calls over HTTP, served in the test's JVM and speaking the desk's signed protocol: it
 * refuses a request without a valid signature (401) and signs its answers. Its mode says how it behaves: {@code
 * normal}, {@code slow} (answers after 2.5 s), {@code failing} (a 500 whose text quotes the person, which the desk
 * must never repeat), {@code accepting} (an action accepted, to be confirmed by a callback) and {@code badly-signed}
 * (its answers signed with another secret).
 */
public final class SignedShop implements AutoCloseable {

  private final HttpServer server;
  private final String secret;
  private final String searchAnswer;
  private final String actionAnswer;
  private volatile String mode = "normal";
  private volatile JsonNode lastRequest;

  private SignedShop(String secret, String searchAnswer, String actionAnswer) throws IOException {
    this.secret = secret;
    this.searchAnswer = searchAnswer;
    this.actionAnswer = actionAnswer;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/shop", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Starts the shop: what it answers a search ({@code .../search}) and an action (any other path) in normal mode. */
  public static SignedShop start(String secret, String searchAnswer, String actionAnswer) throws IOException {
    return new SignedShop(secret, searchAnswer, actionAnswer);
  }

  /** The base URL a connector is configured with. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/shop";
  }

  public void mode(String mode) {
    this.mode = mode;
  }

  /** The body of the last request the shop accepted as signed. */
  public JsonNode lastRequest() {
    return lastRequest;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    if (!Signatures.valid(secret, exchange.getRequestHeaders().getFirst(Signatures.TIMESTAMP),
        exchange.getRequestHeaders().getFirst(Signatures.SIGNATURE), path, body, Duration.ofMinutes(5),
        Instant.now())) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    lastRequest = new ObjectMapper().readTree(body);
    String answer;
    switch (mode) {
      case "slow" -> {
        try {
          Thread.sleep(2500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answer = "{\"records\":{}}";
      }
      case "failing" -> {
        byte[] text = "internal error for taro.yamada@example.jp".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(500, text.length);
        exchange.getResponseBody().write(text);
        exchange.close();
        return;
      }
      case "accepting" -> answer = "{\"status\":\"accepted\"}";
      default -> answer = path.endsWith("/search") ? searchAnswer : actionAnswer;
    }
    String timestamp = Signatures.timestamp(Instant.now());
    String signingSecret = "badly-signed".equals(mode) ? "not-the-secret" : secret;
    exchange.getResponseHeaders().add(Signatures.TIMESTAMP, timestamp);
    exchange.getResponseHeaders().add(Signatures.SIGNATURE, Signatures.sign(signingSecret, timestamp, path, answer));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
