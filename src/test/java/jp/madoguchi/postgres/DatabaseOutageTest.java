package jp.madoguchi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.madoguchi.MadoguchiApplication;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.TestDatabaseServer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on PostgreSQL while the database goes away: a submission cut off half-way answers 503 with a
 * problem in the caller's language and a {@code Retry-After}, keeps nothing, and its retry with the same
 * {@code Idempotency-Key} is taken once; pages, the desk's API and the desk's login answer 503 while the database
 * refuses connections, and work again when it is back.
 *
 * <p>The database that goes away is one of the test's own, created beside the test database (the role may create
 * databases, see .ci/run) and dropped after: others may be using the test database meanwhile. The application is
 * started here, against it, like a node of the desk; the database is taken away from a separate connection with
 * {@code ALTER DATABASE ... ALLOW_CONNECTIONS false} and {@code pg_terminate_backend}, as a restart or fail-over
 * does to the application. The moment is chosen with a table lock the submission has to wait for, after it has
 * written its register row and started its process: the test waits until PostgreSQL shows it waiting there.
 */
@Tag("own-application")
class DatabaseOutageTest {

  private static final String DATABASE = "madoguchi_outage_" + UUID.randomUUID().toString().substring(0, 8);

  private static final String DESK_USER = "outage-desk";
  private static final String DESK_PASSWORD = "outage-desk-password-2026";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static Connection admin;
  private static ConfigurableApplicationContext application;
  private static int port;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void startTheDeskOnADatabaseOfItsOwn() throws SQLException {
    admin = TestDatabaseServer.connect(TestDatabaseServer.TEST_DATABASE);
    execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
    application = new SpringApplicationBuilder(MadoguchiApplication.class)
        .profiles("test", "postgres", "pgtest")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=outage",
            "--spring.datasource.url=" + TestDatabaseServer.url(DATABASE),
            // a request waits this long for a connection while the database refuses them
            "--spring.datasource.hikari.connection-timeout=1000",
            "--madoguchi.outage.retry-after=PT90S");
    port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    IdentityService identity = application.getBean(IdentityService.class);
    User user = identity.newUser(DESK_USER);
    user.setPassword(DESK_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(DESK_USER, DeskGroups.PRIVACY_DESK);
  }

  @AfterAll
  static void stopAndDropIt() throws SQLException {
    try {
      if (application != null) {
        application.close();
      }
    } finally {
      if (admin != null) {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        admin.close();
      }
    }
  }

  @Test
  void aSubmissionCutOffHalfWayIsAnswered503AndItsRetryWithTheSameKeyIsTakenOnce() throws Exception {
    String key = "outage-" + UUID.randomUUID();
    String body = json.writeValueAsString(request());
    Map<String, Long> before = stored();
    HttpResponse<String> cutOff;
    ExecutorService requester = Executors.newSingleThreadExecutor();
    try (Connection lockHolder = TestDatabaseServer.connect(DATABASE)) {
      lockHolder.setAutoCommit(false);
      try (Statement lock = lockHolder.createStatement()) {
        // reading the keys stays possible; remembering the new one, the submission's last write, has to wait
        lock.execute("LOCK TABLE idempotency_key IN EXCLUSIVE MODE");
      }
      Future<HttpResponse<String>> answer = requester.submit(() -> submit(body, key, "en"));
      awaitUntil("the submission has written and waits to remember its key", () -> count("""
          SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '%s' AND wait_event_type = 'Lock'
          AND backend_xid IS NOT NULL AND query LIKE 'INSERT INTO idempotency_key%%'""".formatted(DATABASE)) == 1);
      takeTheDatabaseAway();
      cutOff = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      requester.shutdownNow();
      bringTheDatabaseBack();
    }

    assertThat(cutOff.statusCode()).as(cutOff.body()).isEqualTo(503);
    assertThat(cutOff.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(cutOff.headers().firstValue("Retry-After")).hasValue("90");
    assertThat(cutOff.headers().firstValue("Content-Security-Policy")).isPresent();
    JsonNode problem = json.readTree(cutOff.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:madoguchi:problem:service-unavailable");
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(problem.get("title").asText()).isEqualTo("Service temporarily unavailable");
    assertThat(problem.get("detail").asText()).contains("nothing was kept", "Idempotency-Key");
    assertThat(problem.get("errors")).isEmpty();
    assertThat(stored()).as("nothing of the cut-off submission is kept").isEqualTo(before);

    awaitTheApplicationsPool();
    HttpResponse<String> retry = submit(body, key, "en");
    HttpResponse<String> again = submit(body, key, "en");

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(retry.body());
    String reference = json.readTree(retry.body()).get("reference").asText();
    Map<String, Long> after = stored();
    assertThat(after.get("desk_request")).isEqualTo(before.get("desk_request") + 1);
    assertThat(after.get("idempotency_key")).isEqualTo(before.get("idempotency_key") + 1);
    assertThat(after.get("ACT_HI_PROCINST")).isEqualTo(before.get("ACT_HI_PROCINST") + 1);
    assertThat(application.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).count()).isOne();
  }

  @Test
  void whileTheDatabaseRefusesConnectionsPagesTheDeskApiAndTheLoginAnswer503InTheirLanguage() throws Exception {
    Browser requester = new Browser();
    String statusCsrf = requester.csrf("/status");
    Browser desk = new Browser();
    desk.postForm("/desk/login", Map.of("_csrf", desk.csrf("/desk/login"), "username", DESK_USER,
        "password", DESK_PASSWORD));
    assertThat(desk.get("/desk/requests?lang=en").statusCode()).isEqualTo(200);
    Browser loggingIn = new Browser();
    String loginCsrf = loggingIn.csrf("/desk/login");

    takeTheDatabaseAway();
    try {
      Document status = assertOutagePage(requester.postForm("/status", Map.of("_csrf", statusCsrf,
          "reference", "MDG-2026-000001", "statusToken", "any-token")), "ただいまご利用いただけません");
      assertThat(status.select("a[href='/request']")).isNotEmpty();

      Document register = assertOutagePage(desk.get("/desk/requests"), "The service is temporarily unavailable");
      assertThat(register.select("a[href='/desk/requests']")).isNotEmpty();

      // the password cannot be checked: say so, not "wrong password"
      assertOutagePage(loggingIn.postForm("/desk/login", Map.of("_csrf", loginCsrf,
          "username", DESK_USER, "password", DESK_PASSWORD)), "ただいまご利用いただけません");

      assertOutageProblem(deskApi("en"), "Service temporarily unavailable");
      assertOutageProblem(deskApi("ja"), "ただいまご利用いただけません");
      assertOutageProblem(submit(json.writeValueAsString(request()), null, "ja"), "ただいまご利用いただけません");
    } finally {
      bringTheDatabaseBack();
    }

    awaitTheApplicationsPool();
    assertThat(desk.get("/desk/requests").statusCode()).isEqualTo(200);
    assertThat(deskApi("en").statusCode()).isEqualTo(200);
  }

  private static Document assertOutagePage(HttpResponse<String> page, String title) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Retry-After")).hasValue("90");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    Document document = Jsoup.parse(page.body());
    assertThat(document.getElementById("outage-title")).as(page.body()).isNotNull();
    assertThat(document.getElementById("outage-title").text()).isEqualTo(title);
    return document;
  }

  /** Cookies, CSRF tokens and the Accept header of a browser, which asks for HTML. */
  private final class Browser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
      return client.send(page(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String csrf(String path) throws Exception {
      return Jsoup.parse(get(path).body()).selectFirst("form input[name=_csrf]").val();
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
      String body = fields.entrySet().stream()
          .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return client.send(page(path).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder page(String path) {
      return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }
  }

  private void assertOutageProblem(HttpResponse<String> response, String title) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).hasValue("90");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:madoguchi:problem:service-unavailable");
    assertThat(problem.get("title").asText()).isEqualTo(title);
  }

  /** No new connection is accepted, and every open one is closed by the server, as in a restart. */
  private static void takeTheDatabaseAway() throws SQLException {
    execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
    execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
  }

  private static void bringTheDatabaseBack() throws SQLException {
    execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
  }

  /**
   * The pool finds out by itself that its connections were closed and makes new ones, in its own time: the test
   * goes on once it hands one out again.
   */
  private static void awaitTheApplicationsPool() throws InterruptedException {
    DataSource pool = application.getBean(DataSource.class);
    awaitUntil("the application's pool has a working connection again", () -> {
      try (Connection connection = pool.getConnection()) {
        return connection.isValid(1);
      } catch (SQLException notYet) {
        return false;
      }
    });
  }

  private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Gave up waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  /** What a submission writes, counted in a connection of the test's own. */
  private static Map<String, Long> stored() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = TestDatabaseServer.connect(DATABASE)) {
      for (String table : new String[] {"desk_request", "request_event", "request_document", "idempotency_key",
          "outbound_letter", "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_HI_ACTINST"}) {
        try (var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
          result.next();
          counts.put(table, result.getLong(1));
        }
      }
    }
    return counts;
  }

  private static long count(String sql) {
    try (var result = admin.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  private HttpResponse<String> submit(String body, String key, String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
        .header("Content-Type", "application/json")
        .header("Accept-Language", language)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> deskApi(String language) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((DESK_USER + ":" + DESK_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk/api/letters"))
        .header("Authorization", "Basic " + credentials)
        .header("Accept-Language", language)
        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> request() {
    Map<String, Object> principal = new LinkedHashMap<>();
    principal.put("name", "山田 花子");
    principal.put("postalCode", "1000001");
    principal.put("email", "outage.requester@example.jp");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "THIRD_PARTY_RECORDS_DISCLOSURE");
    body.put("principal", principal);
    body.put("disclosureMethod", "PAPER");
    body.put("details", "第三者提供の記録");
    return body;
  }
}
