package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.madoguchi.connector.Signatures;
import jp.madoguchi.connector.SystemConnectors;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DeskRequest.Party;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.search.SearchSheets;
import jp.madoguchi.search.SystemSearches;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.SampleCrm;
import jp.madoguchi.support.SignedShop;
import jp.madoguchi.support.TestConnectors;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connectors in the personal-data-request model (ADR 0033): a disclosure request's investigation searches an SQL
 * system (a PostgreSQL database of its own with two people of similar names), an HTTP system served in this JVM, an
 * external-task system whose worker is this test, and a manual system whose group answers its task; the records go
 * into the disclosure package with their system and category, the findings into the search. A failing system is
 * retried, then an incident without personal data; retried after the fix, the investigation goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorsInTheInvestigationTest {

  private static SampleCrm crm;
  private static final String HTTP_SECRET = "wire-shop-secret-2026";
  private static final String WORKER_SECRET = "wire-worker-secret-2026";
  private static final String WORKER_TOPIC = "search-wire-loyalty";
  private static final String PAPER_GROUP = "wire-paper-team";

  private static final Party TARO = SampleCrm.TARO;

  private static SignedShop shop;

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired VerifiedAddresses verifiedAddresses;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired Inventory inventory;
  @Autowired SystemConnectors systems;
  @Autowired SystemSearches searches;
  @Autowired SearchSheets sheets;
  @Autowired DisclosurePackage disclosure;
  @Autowired DisclosurePackages packages;
  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void connectors(DynamicPropertyRegistry properties) throws Exception {
    crm = SampleCrm.create("madoguchi_wire_");
    shop = SignedShop.start(HTTP_SECRET,
        "{\"records\":{\"WIRE_ORDERS\":[{\"order\":\"A-1001\",\"total\":3200}]}}",
        "{\"status\":\"done\",\"count\":1}");
    TestConnectors connectors = TestConnectors.of(properties, "connectorsInTheInvestigation");
    connectors.sql("wire-crm", crm, "WIRE_TEST_CRM_PASSWORD").set("sql.max-rows", "20")
        .access("WIRE_CUSTOMER", "SELECT id, name, email FROM customers WHERE lower(email) = :email ORDER BY id")
        .access("WIRE_CONTACTS", SampleCrm.CONTACTS_BY_EMAIL);
    connectors.http("wire-shop", shop, "WIRE_TEST_SHOP_SECRET", HTTP_SECRET);
    connectors.worker("wire-worker", WORKER_TOPIC, "WIRE_TEST_WORKER_SECRET", WORKER_SECRET);
  }

  @AfterAll
  static void dropCrm() throws SQLException {
    TestConnectors.takeDown(shop, crm);
  }

  @BeforeAll
  void theInventory() {
    for (String category : List.of("WIRE_CUSTOMER", "WIRE_CONTACTS", "WIRE_ORDERS", "WIRE_LOYALTY", "WIRE_PAPER")) {
      inventory.create(new DataCategory(category, "顧客情報 " + category, "Customer data " + category, "氏名",
          "Name", true, null, null, false, "5年", "Five years", "申込", "Applications",
          List.of(Relationship.CUSTOMER)), "manager");
    }
    system("WIRE_CRM", List.of("WIRE_CUSTOMER", "WIRE_CONTACTS"), "customer-service", "wire-crm");
    system("WIRE_SHOP", List.of("WIRE_ORDERS"), "customer-service", "wire-shop");
    system("WIRE_LOYALTY", List.of("WIRE_LOYALTY"), "customer-service", "wire-worker");
    system("WIRE_PAPER", List.of("WIRE_PAPER"), PAPER_GROUP, null);
  }

  private void system(String code, List<String> categories, String group, String connector) {
    inventory.create(new HoldingSystem(code, code, code, group, false, SearchKind.MANUAL, categories), "manager");
    if (connector != null) {
      systems.choose(code, connector, "manager");
    }
  }

  @BeforeEach
  void engineAssertions() {
    init(engine);
    shop.mode("normal");
  }

  @Test
  void theInvestigationGathersThePersonsRowsFromEveryKindOfSystemIntoThePackage() throws Exception {
    DeskRequest request = paidDisclosure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    // the SQL and HTTP systems were searched by the asynchronous steps; the worker's system waits for its worker
    searchedByTheWorker(request);
    answerTheManualSearches(desk, request);
    desk.runJobs();
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.INVESTIGATE)).hasSize(1);

    // the package: one item per system and category, with exactly the person's rows
    assertThat(disclosure.items(request.id())).extracting(PackageItem::systemCode, PackageItem::categoryCode)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("WIRE_CRM", "WIRE_CUSTOMER"),
            org.assertj.core.groups.Tuple.tuple("WIRE_CRM", "WIRE_CONTACTS"),
            org.assertj.core.groups.Tuple.tuple("WIRE_SHOP", "WIRE_ORDERS"),
            org.assertj.core.groups.Tuple.tuple("WIRE_LOYALTY", "WIRE_LOYALTY"));
    String customers = content(request, "WIRE_CUSTOMER");
    assertThat(customers).contains("山田 太郎").doesNotContain("山田 太朗").doesNotContain("example.com");
    assertThat(content(request, "WIRE_CONTACTS")).contains("住所変更").doesNotContain("請求書再発行");
    assertThat(content(request, "WIRE_ORDERS")).contains("A-1001");
    assertThat(content(request, "WIRE_LOYALTY")).contains("\"points\":120");

    // the search: every system searched, with its hits; the manual one by its group
    SystemSearches.Plan plan = searches.plan(request.id());
    assertThat(plan.systems()).filteredOn(row -> row.code().startsWith("WIRE_"))
        .extracting(SystemSearches.SystemRow::code, SystemSearches.SystemRow::found,
            SystemSearches.SystemRow::recordedBy)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("WIRE_CRM", true, "connector:wire-crm"),
            org.assertj.core.groups.Tuple.tuple("WIRE_SHOP", true, "connector:wire-shop"),
            org.assertj.core.groups.Tuple.tuple("WIRE_LOYALTY", true, "connector:wire-worker"),
            org.assertj.core.groups.Tuple.tuple("WIRE_PAPER", true, "paper-clerk"));
    // the person's customer row and his two contacts; not the namesake's rows
    assertThat(plan.systems()).filteredOn(row -> row.code().equals("WIRE_CRM")).singleElement()
        .satisfies(row -> assertThat(row.finding()).contains("3 件"));
    assertThat(searches.foundCategories(request.id())).contains("WIRE_CUSTOMER", "WIRE_CONTACTS", "WIRE_ORDERS",
        "WIRE_LOYALTY");
    // nothing of the person in the engine's variables
    engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(desk.task(PersonalDataRequestProcess.Elements.INVESTIGATE).getProcessInstanceId())
        .list().forEach(variable -> SampleCrm.assertNoPersonalData(String.valueOf(variable.getValue())));
  }

  @Test
  void aFailingSystemBecomesAnIncidentWithoutPersonalDataAndTheRetryAfterTheFixCompletesTheInvestigation()
      throws Exception {
    shop.mode("failing");
    DeskRequest request = paidDisclosure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    ManagementService management = engine.getManagementService();
    Job failing = management.createJobQuery()
        .activityId(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM_BY_CONNECTOR).withException().singleResult();
    assertThat(failing.getRetries()).isEqualTo(2);
    for (int retry = 0; retry < 2; retry++) {
      assertThatThrownBy(() -> management.executeJob(failing.getId())).isInstanceOf(RuntimeException.class);
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(failing.getProcessInstanceId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM_BY_CONNECTOR);
    assertThat(incident.getIncidentMessage()).contains("WIRE_SHOP");
    SampleCrm.assertNoPersonalData(incident.getIncidentMessage());
    SampleCrm.assertNoPersonalData(management.getJobExceptionStacktrace(failing.getId()));

    searchedByTheWorker(request);
    answerTheManualSearches(desk, request);
    desk.runJobs();
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.INVESTIGATE)).as("waits for the failed system")
        .isEmpty();
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals("WIRE_SHOP"))
        .singleElement().satisfies(row -> assertThat(row.searched()).isFalse());
    // the search page says which system failed (and that it is not "nothing found")
    jp.madoguchi.intake.PageClient.Page page = jp.madoguchi.intake.PageClient.loggedIn(port, "desk",
        "desk-demo-2026").get("/desk/requests/" + request.reference() + "/search-plan");
    assertThat(page.document().select("[data-system=WIRE_SHOP] .connector-failed").text())
        .startsWith("コネクタによる検索に失敗しました").contains("WIRE_SHOP");
    assertThat(page.document().select("[data-system=WIRE_CRM] .connector-failed")).isEmpty();
    SampleCrm.assertNoPersonalData(page.document().select("#search-systems").text());

    // the shop is fixed; the operator sets the job's retries (Cockpit, REST or the engine's API)
    shop.mode("normal");
    management.setJobRetries(failing.getId(), 1);
    management.executeJob(failing.getId());
    desk.runJobs();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(failing.getProcessInstanceId())
        .count()).isZero();
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.INVESTIGATE)).hasSize(1);
    assertThat(disclosure.items(request.id())).extracting(PackageItem::systemCode).contains("WIRE_SHOP");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** A disclosure request of the CRM's person, checked as a customer, verified and paid: its search has started. */
  private DeskRequest paidDisclosure() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).principal(TARO).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    TestRequests.checkedAsCustomerAndVerified(desk, verifiedAddresses, request);
    engine.getTaskService().complete(desk.task(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT).getId(),
        Map.of("feeAmountReceived", 1000L, "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    // the job executor's first attempt of every asynchronous step (a failing one is then retried later)
    for (int round = 0; round < 10; round++) {
      List<Job> due = desk.dueJobs();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException failed) {
          // left for its retries
        }
      }
    }
    return request;
  }

  /** The external-task worker: fetches its topic, the identifiers with its handle, posts the records, completes. */
  private void searchedByTheWorker(DeskRequest request) throws Exception {
    List<LockedExternalTask> locked = engine.getExternalTaskService().fetchAndLock(10, "wire-worker")
        .topic(WORKER_TOPIC, 60_000).execute();
    LockedExternalTask task = locked.stream().filter(t -> request.reference().equals(t.getBusinessKey()))
        .findFirst().orElseThrow();
    SampleCrm.assertNoPersonalData(task.getVariables().toString());
    String handle = (String) task.getVariables().get("connectorHandle");
    HttpResponse<String> identifiers = get("/api/connectors/worker/identifiers/" + handle);
    assertThat(identifiers.statusCode()).isEqualTo(200);
    assertThat(json.readTree(identifiers.body()).path("identifiers").path("email").asText())
        .isEqualTo("taro.yamada@example.jp");
    assertThat(post("/api/connectors/worker/results/" + handle,
        "{\"records\":{\"WIRE_LOYALTY\":[{\"points\":120}]}}").statusCode()).isEqualTo(204);
    engine.getExternalTaskService().complete(task.getId(), "wire-worker");
  }

  /** Every manual system's owning group answers its search task; the paper archive's group finds a form. */
  private void answerTheManualSearches(ProcessDriver desk, DeskRequest request) {
    for (var task : desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM)) {
      String system = (String) engine.getTaskService().getVariable(task.getId(), SearchSheets.SYSTEM_CODE);
      String group = searches.owningGroup(system);
      boolean paper = system.equals("WIRE_PAPER");
      assertThat(sheets.record(request.reference(), system, paper, paper ? "申込書 1枚" : null,
          paper ? "paper-clerk" : "searcher", List.of(group))).isTrue();
    }
  }

  private String content(DeskRequest request, String category) throws IOException {
    PackageItem item = disclosure.items(request.id()).stream().filter(i -> i.categoryCode().equals(category))
        .findFirst().orElseThrow();
    try (InputStream in = packages.open(item.storageKey())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    String timestamp = Signatures.timestamp(Instant.now());
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(WORKER_SECRET, timestamp, path, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    String timestamp = Signatures.timestamp(Instant.now());
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(WORKER_SECRET, timestamp, path, ""))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

}
