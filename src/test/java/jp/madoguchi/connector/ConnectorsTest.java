package jp.madoguchi.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.support.SampleCrm;
import jp.madoguchi.support.SignedShop;
import jp.madoguchi.support.TestConnectors;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The three kinds of connector against real systems: a PostgreSQL database of its own with a sample CRM (customers,
 * contact history, opt-outs; two people with similar names), an HTTP system served in this JVM that speaks the
 * signed protocol (normal, slow, failing, badly signed, accepting for later), and an external-task worker that
 * fetches its topic from a tiny process through the engine's REST API and talks to the desk with its handle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorsTest {

  private static SampleCrm crm;
  private static final String HTTP_SECRET = "shop-signing-secret-2026";
  private static final String WORKER_SECRET = "worker-signing-secret-2026";

  private static final Party TARO = SampleCrm.TARO;

  private static SignedShop shop;

  @Autowired RequestRegister register;
  @Autowired Inventory inventory;
  @Autowired SystemConnectors systems;
  @Autowired ConnectorSearches searches;
  @Autowired ConnectorActions actions;
  @Autowired ConnectorCalls calls;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void connectors(DynamicPropertyRegistry properties) throws Exception {
    crm = SampleCrm.create("madoguchi_crm_");
    shop = SignedShop.start(HTTP_SECRET,
        "{\"records\":{\"CONN_ORDERS\":[{\"order\":\"A-1001\",\"total\":3200},{\"order\":\"A-1002\"}]}}",
        "{\"status\":\"done\",\"count\":2}");
    // a context of its own (its connectors), so an engine of its own name (test resources' spring.properties)
    TestConnectors connectors = TestConnectors.of(properties, "connectors");
    connectors.sql("crm", crm, "CONNECTOR_TEST_CRM_PASSWORD").set("sql.max-rows", "20")
        .access("CONN_CUSTOMER",
            "SELECT id, name, email, phone, birth_date FROM customers WHERE lower(email) = :email ORDER BY id")
        .access("CONN_CONTACTS", SampleCrm.CONTACTS_BY_EMAIL)
        .access("CONN_OPT_OUTS",
            "SELECT o.channel FROM opt_outs o JOIN customers c ON c.id = o.customer_id WHERE lower(c.email) = :email")
        .action("ERASURE", SampleCrm.ERASURE_BY_EMAIL);
    // a too broad query: every customer named 山田 (both people), with a limit of one row
    connectors.sql("crm-broad", crm, "CONNECTOR_TEST_CRM_PASSWORD").set("sql.max-rows", "1")
        .access("CONN_CUSTOMER", "SELECT id, name FROM customers WHERE name LIKE substr(:name, 1, 2) || '%'");
    // a query the database refuses with a message quoting the value
    connectors.sql("crm-bad", crm, "CONNECTOR_TEST_CRM_PASSWORD")
        .access("CONN_CUSTOMER", "SELECT id FROM customers WHERE birth_date = CAST(:email AS date)");
    connectors.http("shop", shop, "CONNECTOR_TEST_SHOP_SECRET", HTTP_SECRET).set("http.read-timeout", "PT1S");
    connectors.worker("crm-worker", "search-crm-worker", "CONNECTOR_TEST_WORKER_SECRET", WORKER_SECRET);
    connectors.http("shop-hasty", shop, "CONNECTOR_TEST_SHOP_SECRET", HTTP_SECRET)
        .set("http.callback-within", "PT1S");
  }

  @AfterAll
  static void dropCrm() throws SQLException {
    TestConnectors.takeDown(shop, crm);
  }

  @BeforeAll
  void theInventory() {
    for (String category : List.of("CONN_CUSTOMER", "CONN_CONTACTS", "CONN_OPT_OUTS", "CONN_ORDERS")) {
      inventory.create(new DataCategory(category, "顧客情報", "Customer data", "氏名", "Name", true, null, null,
          false, "5年", "Five years", "申込", "Applications", List.of(Relationship.CUSTOMER)), "manager");
    }
    system("CRM", List.of("CONN_CUSTOMER", "CONN_CONTACTS", "CONN_OPT_OUTS"), "crm");
    system("CRM_BROAD", List.of("CONN_CUSTOMER"), "crm-broad");
    system("CRM_BAD", List.of("CONN_CUSTOMER"), "crm-bad");
    system("SHOP", List.of("CONN_ORDERS"), "shop");
    system("CRM_WORKER", List.of("CONN_CUSTOMER"), "crm-worker");
    system("SHOP_HASTY", List.of("CONN_ORDERS"), "shop-hasty");
  }

  private void system(String code, List<String> categories, String connector) {
    inventory.create(new HoldingSystem(code, code, code, "customer-service", false, SearchKind.MANUAL, categories),
        "manager");
    systems.choose(code, connector, "manager");
  }

  private DeskRequest taro() {
    return TestRequests.request(register).principal(TARO).register();
  }

  @Test
  void theAccessQueriesReturnExactlyThePersonsRowsAndTheErasureDeletesOnlyThem() throws Exception {
    DeskRequest request = taro();
    SearchResult result = searches.search(request.id(), "CRM", "engine");
    assertThat(result.records().get("CONN_CUSTOMER")).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("name", "山田 太郎").containsEntry("birth_date", "1980-04-01"));
    assertThat(result.records().get("CONN_CONTACTS")).extracting(row -> row.get("summary"))
        .containsExactly("住所変更", "解約相談");
    assertThat(result.records().get("CONN_OPT_OUTS")).extracting(row -> row.get("channel")).containsExactly("DM");
    assertThat(result.count()).isEqualTo(4);

    ConnectorActions.Outcome erased = actions.perform(request.id(), "CRM", Action.ERASURE, "engine");
    assertThat(erased.status()).isEqualTo(ConnectorActions.Status.DONE);
    assertThat(erased.count()).isEqualTo(4);
    try (Connection connection = crm.connect(); Statement statement = connection.createStatement()) {
      var rows = statement.executeQuery("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM "
          + "contact_history), (SELECT count(*) FROM opt_outs), (SELECT name FROM customers)");
      rows.next();
      assertThat(List.of(rows.getInt(1), rows.getInt(2), rows.getInt(3))).containsExactly(1, 1, 1);
      assertThat(rows.getString(4)).isEqualTo("山田 太朗");
    }
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::operation, ConnectorCalls.Call::recordCount,
        ConnectorCalls.Call::outcome).containsExactly(org.assertj.core.groups.Tuple.tuple("SEARCH", 4, "DONE"),
        org.assertj.core.groups.Tuple.tuple("ERASURE", 4, "DONE"));
  }

  @Test
  void aTooBroadQueryAndARefusedQueryFailWithoutPersonalData() {
    DeskRequest request = taro();
    assertThatThrownBy(() -> searches.search(request.id(), "CRM_BROAD", "engine"))
        .isInstanceOf(ConnectorFailure.class)
        .hasMessageContaining("returned more than its limit of 1 rows")
        .satisfies(failure -> SampleCrm.assertNoPersonalData(failure.getMessage()));
    assertThatThrownBy(() -> searches.search(request.id(), "CRM_BAD", "engine"))
        .isInstanceOf(ConnectorFailure.class)
        .hasMessageContaining("failed with SQL state 22007")
        .satisfies(failure -> SampleCrm.assertNoPersonalData(failure.getMessage()));
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::outcome).containsOnly("FAILED")
        .hasSize(2);
    calls.of(request.id()).forEach(call -> SampleCrm.assertNoPersonalData(call.failure()));
  }

  @Test
  void theHttpSystemAnswersSignedAndItsSlowFailingAndBadlySignedAnswersAreFailures() throws Exception {
    DeskRequest request = taro();
    shop.mode("normal");
    SearchResult result = searches.search(request.id(), "SHOP", "engine");
    assertThat(result.records().get("CONN_ORDERS")).extracting(row -> row.get("order"))
        .containsExactly("A-1001", "A-1002");
    assertThat(shop.lastRequest().path("identifiers").path("email").asText()).isEqualTo("taro.yamada@example.jp");
    assertThat(shop.lastRequest().path("request").asText()).isEqualTo(request.reference());
    try {
      for (String mode : List.of("slow", "failing", "badly-signed")) {
        shop.mode(mode);
        assertThatThrownBy(() -> searches.search(request.id(), "SHOP", "engine"))
            .as(mode).isInstanceOf(ConnectorFailure.class)
            .satisfies(failure -> SampleCrm.assertNoPersonalData(failure.getMessage()))
            .hasMessageContaining(switch (mode) {
              case "slow" -> "timed out";
              case "failing" -> "answered HTTP 500";
              default -> "is not signed with the system's secret";
            });
      }
    } finally {
      shop.mode("normal");
    }
    // the system refuses a request not signed with the shared secret
    String body = "{\"request\":\"x\"}";
    String timestamp = Signatures.timestamp(Instant.now());
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/search"))
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign("guessed", timestamp, "/shop/search", body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void anAcceptedActionIsCompletedByASignedCallbackAndABadlySignedOneIsRefused() throws Exception {
    DeskRequest request = taro();
    shop.mode("accepting");
    ConnectorActions.Outcome accepted;
    try {
      accepted = actions.perform(request.id(), "SHOP", Action.ERASURE, "engine");
    } finally {
      shop.mode("normal");
    }
    assertThat(accepted.status()).isEqualTo(ConnectorActions.Status.ACCEPTED);
    assertThat(actions.outcomeOf(accepted.handle())).isEmpty();
    assertThat(actions.awaitDone(accepted.handle())).as("the callback may still come").isFalse();
    String path = shop.lastRequest().path("callbackPath").asText();
    assertThat(path).isEqualTo("/api/connectors/shop/callbacks/" + accepted.handle());
    String body = "{\"status\":\"done\",\"count\":2}";
    assertThat(post(path, body, "guessed-secret").statusCode()).isEqualTo(401);
    assertThat(actions.outcomeOf(accepted.handle())).isEmpty();
    assertThat(post(path, body, HTTP_SECRET).statusCode()).isEqualTo(204);
    assertThat(actions.outcomeOf(accepted.handle())).contains("DONE");
    assertThat(post(path, body, HTTP_SECRET).statusCode()).isEqualTo(409);
    assertThat(actions.awaitDone(accepted.handle())).isTrue();
  }

  @Test
  void aCallbackThatDoesNotComeInTimeIsAFailure() throws Exception {
    DeskRequest request = taro();
    shop.mode("accepting");
    ConnectorActions.Outcome accepted;
    try {
      accepted = actions.perform(request.id(), "SHOP_HASTY", Action.SUSPENSION, "engine");
    } finally {
      shop.mode("normal");
    }
    Thread.sleep(2100);
    assertThatThrownBy(() -> actions.awaitDone(accepted.handle())).isInstanceOf(ConnectorFailure.class)
        .hasMessage("System SHOP_HASTY (connector shop-hasty): no callback for SUSPENSION within PT1S");
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::outcome)
        .containsExactly("ACCEPTED", "CALLBACK_OVERDUE");
  }

  @Test
  void aFailingSearchBecomesAnIncidentWithoutPersonalDataAndARetryAfterTheFixCompletesIt() {
    DeskRequest request = taro();
    inventory.create(new HoldingSystem("CRM_INCIDENT", "CRM", "CRM", "customer-service", false, SearchKind.MANUAL,
        List.of("CONN_CUSTOMER")), "manager");
    systems.choose("CRM_INCIDENT", "crm-broad", "manager");
    repository.createDeployment().name("connector-incident-test").addModelInstance("connector-incident-test.bpmn",
        Bpmn.createExecutableProcess("connectorIncidentTest").camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("searchSystem").camundaAsyncBefore().camundaDelegateExpression("${searchSystemDelegate}")
            .endEvent().done()).deploy();
    String instance = runtime.startProcessInstanceByKey("connectorIncidentTest",
        Map.of("requestId", request.id(), "systemCode", "CRM_INCIDENT")).getId();
    org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
    for (int attempt = 0; attempt < 3; attempt++) {
      String job = management.createJobQuery().processInstanceId(instance).singleResult().getId();
      assertThatThrownBy(() -> management.executeJob(job)).isInstanceOf(ConnectorFailure.class);
    }
    org.camunda.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery().processInstanceId(instance)
        .singleResult();
    assertThat(incident.getIncidentMessage()).contains("CRM_INCIDENT", "more than its limit of 1 rows");
    SampleCrm.assertNoPersonalData(incident.getIncidentMessage());
    SampleCrm.assertNoPersonalData(management.getJobExceptionStacktrace(incident.getConfiguration()));

    systems.choose("CRM_INCIDENT", "crm", "manager");
    management.setJobRetries(incident.getConfiguration(), 1);
    management.executeJob(incident.getConfiguration());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("connectorRecordCount").singleResult().getValue()).isEqualTo(1L);
  }

  @Test
  void aSystemNotEntitledToMyNumberIsNotSearchedForAMyNumberRequest() {
    DeskRequest request = TestRequests.request(register).principal(TARO).specific().register();
    assertThatThrownBy(() -> searches.search(request.id(), "CRM", "engine")).isInstanceOf(ConnectorFailure.class)
        .hasMessageContaining("is not entitled to specific personal information");
  }

  @Test
  void anExternalTaskWorkerFetchesItsTopicTheIdentifiersOnceAndPostsItsResults() throws Exception {
    DeskRequest request = taro();
    repository.createDeployment().name("connector-worker-test").addModelInstance("connector-worker-test.bpmn",
        Bpmn.createExecutableProcess("connectorWorkerTest").camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("prepareSearch").camundaDelegateExpression("${searchSystemDelegate}")
            .serviceTask("searchByWorker").camundaExternalTask("${connectorTopic}")
            .endEvent().done()).deploy();
    String processInstanceId = runtime.startProcessInstanceByKey("connectorWorkerTest", request.reference(),
        Map.of("requestId", request.id(), "systemCode", "CRM_WORKER")).getId();
    User worker = identity.newUser("crm-worker-test");
    worker.setPassword("crm-worker-password-2026");
    identity.saveUser(worker);
    // the worker's Camunda user may work on its process's instances only: no group, no other definition
    org.camunda.bpm.engine.authorization.Authorization grant = authorizations.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("crm-worker-test");
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
    grant.setResourceId("connectorWorkerTest");
    grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ);
    grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE);
    grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizations.saveAuthorization(grant);

    // the worker: fetch and lock its topic through the engine's REST API
    String fetch = "{\"workerId\":\"crm-worker\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"search-crm-worker\","
        + "\"lockDuration\":60000}]}";
    HttpResponse<String> locked = http.send(engine("/external-task/fetchAndLock")
        .POST(HttpRequest.BodyPublishers.ofString(fetch)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
    JsonNode task = json.readTree(locked.body()).get(0);
    assertThat(task.path("processInstanceId").asText()).isEqualTo(processInstanceId);
    String handle = task.path("variables").path("connectorHandle").path("value").asText();
    assertThat(handle).hasSize(64);
    // no name (nor any identifier) in the engine's variables
    String variables = runtime.getVariables(processInstanceId).toString();
    SampleCrm.assertNoPersonalData(variables);

    String identifiersPath = "/api/connectors/worker/identifiers/" + handle;
    assertThat(get(identifiersPath, "not-the-worker-secret").statusCode()).isEqualTo(401);
    HttpResponse<String> identifiers = get(identifiersPath, WORKER_SECRET);
    assertThat(identifiers.statusCode()).isEqualTo(200);
    assertThat(json.readTree(identifiers.body()).path("identifiers").path("email").asText())
        .isEqualTo("taro.yamada@example.jp");
    assertThat(get(identifiersPath, WORKER_SECRET).statusCode()).as("single use").isEqualTo(410);
    assertThat(register.events(request.id())).anySatisfy(event ->
        assertThat(event.toString()).contains(ConnectorApiController.IDENTIFIERS_FETCHED).contains("CRM_WORKER"));

    String results = "{\"records\":{\"CONN_CUSTOMER\":[{\"id\":1,\"name\":\"山田 太郎\"}]}}";
    assertThat(post("/api/connectors/worker/results/" + handle, results, WORKER_SECRET).statusCode())
        .isEqualTo(204);
    HttpResponse<String> completed = http.send(engine("/external-task/" + task.path("id").asText() + "/complete")
        .POST(HttpRequest.BodyPublishers.ofString("{\"workerId\":\"crm-worker\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::outcome, ConnectorCalls.Call::recordCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("HANDED_OUT", null),
            org.assertj.core.groups.Tuple.tuple("DONE", 1));
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(variable -> SampleCrm.assertNoPersonalData(String.valueOf(variable.getValue())));
  }

  @Test
  void aConnectorThatIsNotConfiguredCannotBeChosen() {
    assertThatThrownBy(() -> systems.choose("CRM", "no-such-connector", "manager"))
        .isInstanceOf(SystemConnectors.InvalidChoiceException.class)
        .hasMessage("connectorCode: \"no-such-connector\" is not a configured connector "
            + "(madoguchi.connectors.definitions)");
    assertThat(systems.connectorOf("CRM")).contains("crm");
  }

  @Test
  void managersChooseAConnectorOnThePageAndAnUnconfiguredOneIsRefusedNamingTheField() throws Exception {
    inventory.create(new HoldingSystem("CONN_PAGE", "ページ", "Page", "customer-service", false, SearchKind.MANUAL,
        List.of("CONN_CUSTOMER")), "manager");
    jp.madoguchi.intake.PageClient manager = jp.madoguchi.intake.PageClient.loggedIn(port, "manager",
        "manager-demo-2026");
    jp.madoguchi.intake.PageClient.Page page = manager.get("/desk/inventory/connectors");
    assertThat(page.document().select("#connector-CONN_PAGE option").eachAttr("value"))
        .contains("", "crm", "shop", "crm-worker");
    String csrf = jp.madoguchi.intake.PageClient.csrf(page);

    jp.madoguchi.intake.PageClient.Page refused = manager.postForm("/desk/inventory/connectors/CONN_PAGE",
        Map.of("_csrf", csrf, "connectorCode", "ftp-files"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.document().selectFirst("#connector-error").text())
        .isEqualTo("コネクタ:「ftp-files」は設定されたコネクタではありません。一覧からお選びください。");
    assertThat(systems.connectorOf("CONN_PAGE")).isEmpty();

    assertThat(manager.postForm("/desk/inventory/connectors/CONN_PAGE",
        Map.of("_csrf", csrf, "connectorCode", "shop")).status()).isEqualTo(302);
    assertThat(systems.connectorOf("CONN_PAGE")).contains("shop");

    jp.madoguchi.intake.PageClient desk = jp.madoguchi.intake.PageClient.loggedIn(port, "desk", "desk-demo-2026");
    jp.madoguchi.intake.PageClient.Page readOnly = desk.get("/desk/inventory/connectors");
    assertThat(readOnly.document().select("#system-CONN_PAGE form")).isEmpty();
    assertThat(desk.postForm("/desk/inventory/connectors/CONN_PAGE", Map.of("_csrf",
        jp.madoguchi.intake.PageClient.csrf(readOnly), "connectorCode", "")).status()).isEqualTo(403);
    assertThat(systems.connectorOf("CONN_PAGE")).contains("shop");
  }

  private HttpRequest.Builder engine(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/engine/connectors" + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            "crm-worker-test:crm-worker-password-2026".getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> post(String path, String body, String secret) throws Exception {
    String timestamp = Signatures.timestamp(Instant.now());
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(secret, timestamp, path, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String secret) throws Exception {
    String timestamp = Signatures.timestamp(Instant.now());
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(secret, timestamp, path, ""))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

}
