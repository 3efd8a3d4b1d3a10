package jp.madoguchi.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Approved actions on the company's systems (issue 19, ADR 0034), against real systems: an erasure decided in full
 * waits for a manager's approval, with nothing done on any system before; once approved, the SQL system (a
 * PostgreSQL database of its own with two people of similar names) loses the person's rows and keeps the namesake's,
 * the HTTP system served in this JVM answers "done", the manual system's owning group carries it out in its task,
 * the external-task system's worker fetches the action with its one-time handle and reports it through the desk's
 * signed endpoint, and the result letter lists every system with what was done. A failing system and an accepted action whose
 * signed callback never comes become incidents without personal data; a callback that comes ends the wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorActionsInTheProcessTest {

  private static final String SHOP_SECRET = "act-shop-secret-2026";
  private static final String PAPER_GROUP = "act-paper-team";
  private static final String WORKER_SECRET = "act-worker-secret-2026";
  private static final String WORKER_TOPIC = "act-loyalty";

  private static SampleCrm crm;
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
  @Autowired ConnectorCalls calls;
  @Autowired ConnectorHandles handles;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  private static final String ARCHIVIST_PASSWORD = "archivist-2026";

  @DynamicPropertySource
  static void connectors(DynamicPropertyRegistry properties) throws Exception {
    crm = SampleCrm.create("madoguchi_act_");
    shop = SignedShop.start(SHOP_SECRET, "{\"records\":{\"ACT_ORDERS\":[{\"order\":\"B-2002\",\"total\":4800}]}}",
        "{\"status\":\"done\",\"count\":1}");
    TestConnectors connectors = TestConnectors.of(properties, "connectorActionsInTheProcess");
    connectors.sql("act-crm", crm, "ACT_TEST_CRM_PASSWORD")
        .access("ACT_CUSTOMER", "SELECT id, name, email FROM customers WHERE lower(email) = :email ORDER BY id")
        .access("ACT_CONTACTS", SampleCrm.CONTACTS_BY_EMAIL)
        .action("ERASURE", SampleCrm.ERASURE_BY_EMAIL);
    connectors.http("act-shop", shop, "ACT_TEST_SHOP_SECRET", SHOP_SECRET);
    connectors.http("act-shop-hasty", shop, "ACT_TEST_SHOP_SECRET", SHOP_SECRET).set("http.callback-within", "PT1S");
    connectors.worker("act-worker", WORKER_TOPIC, "ACT_TEST_WORKER_SECRET", WORKER_SECRET);
  }

  @AfterAll
  static void dropTheSystems() throws SQLException {
    TestConnectors.takeDown(shop, crm);
  }

  @BeforeAll
  void theInventory() {
    for (String category : List.of("ACT_CUSTOMER", "ACT_CONTACTS", "ACT_ORDERS", "ACT_LOYALTY", "ACT_PAPER")) {
      if (inventory.entry(InventoryKind.CATEGORIES, category).isEmpty()) {
        inventory.create(new DataCategory(category, "顧客情報 " + category, "Customer data " + category, "氏名",
            "Name", true, null, null, false, "5年", "Five years", "申込", "Applications",
            List.of(Relationship.CUSTOMER)), "manager");
      }
    }
    system("ACT_CRM", "顧客管理システム", "Customer database", List.of("ACT_CUSTOMER", "ACT_CONTACTS"),
        "customer-service", "act-crm");
    system("ACT_SHOP", "通販システム", "Online shop", List.of("ACT_ORDERS"), "customer-service", "act-shop");
    system("ACT_LOYALTY", "ポイントシステム", "Loyalty points", List.of("ACT_LOYALTY"), "customer-service",
        "act-worker");
    system("ACT_PAPER", "申込書の保管庫", "Paper archive", List.of("ACT_PAPER"), PAPER_GROUP, null);
    org.camunda.bpm.engine.IdentityService identities = engine.getIdentityService();
    if (identities.createGroupQuery().groupId(PAPER_GROUP).count() == 0) {
      org.camunda.bpm.engine.identity.Group group = identities.newGroup(PAPER_GROUP);
      group.setName("Paper archive team");
      identities.saveGroup(group);
    }
    if (identities.createUserQuery().userId("archivist").count() == 0) {
      org.camunda.bpm.engine.identity.User archivist = identities.newUser("archivist");
      archivist.setPassword(ARCHIVIST_PASSWORD);
      identities.saveUser(archivist);
      identities.createMembership("archivist", PAPER_GROUP);
    }
  }

  private void system(String code, String nameJa, String nameEn, List<String> categories, String group,
      String connector) {
    if (inventory.entry(InventoryKind.SYSTEMS, code).isEmpty()) {
      inventory.create(new HoldingSystem(code, nameJa, nameEn, group, false, SearchKind.MANUAL, categories),
          "manager");
    }
    systems.choose(code, connector, "manager");
  }

  @BeforeEach
  void theSystemsAsTheyWere() throws SQLException {
    init(engine);
    crm.reset();
    shop.mode("normal");
    systems.choose("ACT_SHOP", "act-shop", "manager");
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void anApprovedErasureRemovesThePersonsRowsGetsDoneFromTheShopAndTheLetterListsEverySystem() throws Exception {
    DeskRequest request = decidedErasure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());

    // four eyes: while the manager has not approved, nothing is done on any system
    Task approval = desk.task(PersonalDataRequestProcess.Elements.APPROVE_ACTION);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("privacy-managers");
    assertThat(crm.rowsOf("customers", 1)).isEqualTo(1);
    assertThat(crm.rowsOf("contact_history", 1)).isEqualTo(2);
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::operation).containsOnly("SEARCH");
    assertThat(searches.actions(request.id())).isEmpty();

    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));

    // the SQL system: the person's rows are gone, his namesake's stay
    assertThat(crm.rowsOf("customers", 1)).isZero();
    assertThat(crm.rowsOf("contact_history", 1)).isZero();
    assertThat(crm.rowsOf("opt_outs", 1)).isZero();
    assertThat(crm.rowsOf("customers", 2)).isEqualTo(1);
    assertThat(crm.rowsOf("contact_history", 2)).isEqualTo(1);
    assertThat(crm.rowsOf("opt_outs", 2)).isEqualTo(1);
    // the HTTP system was asked to erase, signed, with the action's code
    assertThat(shop.lastRequest().path("action").asText()).isEqualTo("ERASURE");
    // every call recorded, without the data
    assertThat(calls.of(request.id())).filteredOn(call -> !call.operation().equals("SEARCH"))
        .extracting(ConnectorCalls.Call::systemCode, ConnectorCalls.Call::operation, ConnectorCalls.Call::outcome)
        .containsExactlyInAnyOrder(tuple("ACT_CRM", "ERASURE", "DONE"), tuple("ACT_SHOP", "ERASURE", "DONE"),
            tuple("ACT_LOYALTY", "ERASURE", "HANDED_OUT"));

    // the external-task system: its worker fetches the action with its handle, the identifiers once, and reports
    LockedExternalTask work = workerTask(request, true);
    assertThat(work.getVariables()).containsEntry("connectorAction", "ERASURE").containsKey("connectorHandle");
    SampleCrm.assertNoPersonalData(work.getVariables().toString());
    String handle = (String) work.getVariables().get("connectorHandle");
    HttpResponse<String> identifiers = signedByTheWorker("GET", "/api/connectors/worker/identifiers/" + handle, "");
    assertThat(identifiers.statusCode()).isEqualTo(200);
    assertThat(identifiers.body()).contains("taro.yamada@example.jp");
    assertThat(signedByTheWorker("POST", "/api/connectors/worker/results/" + handle, "{\"records\":{}}")
        .statusCode()).as("an action's handle posts no search results").isEqualTo(401);
    assertThat(signedByTheWorker("POST", "/api/connectors/worker/outcomes/" + handle,
        "{\"status\":\"done\",\"count\":1}").statusCode()).isEqualTo(204);
    engine.getExternalTaskService().complete(work.getId(), "act-worker");
    desk.runJobs();

    // the manual system: its owning group carries it out in its task
    Task byHand = desk.task(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND);
    assertThat(byHand.getName()).startsWith("「申込書の保管庫」で対応(消去) / Carry out in Paper archive (erase)");
    assertThat(engine.getTaskService().getIdentityLinksForTask(byHand.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly(PAPER_GROUP);
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.APPROVE_ACTION)).isEmpty();
    // a member of the group takes the task (the engine checks the group), then answers it; without an answer the
    // task stays open. (Completed without a login: the coverage listener of this test reads the process
    // definition as the logged-in user, which an owning group may not.)
    engine.getIdentityService().setAuthentication("archivist", List.of(PAPER_GROUP));
    try {
      engine.getTaskService().claim(byHand.getId(), "archivist");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThatThrownBy(() -> engine.getTaskService().complete(byHand.getId(), Map.of()))
        .hasMessageContaining("NOT_POSSIBLE");
    engine.getTaskService().complete(byHand.getId(), Map.of("actionTaken", "DONE",
        "actionNote", "申込書1枚をシュレッダーで廃棄"));
    desk.runJobs();

    // what was done, per system, in the search (its owner's record)
    assertThat(searches.actions(request.id()))
        .extracting(SystemSearches.SystemAction::code, SystemSearches.SystemAction::action,
            SystemSearches.SystemAction::outcome, SystemSearches.SystemAction::count,
            SystemSearches.SystemAction::actedBy)
        .containsExactly(tuple("ACT_CRM", "ERASURE", "DONE", 4, "connector:act-crm"),
            tuple("ACT_LOYALTY", "ERASURE", "DONE", 1, "connector:act-worker"),
            tuple("ACT_PAPER", "ERASURE", "DONE", null, "archivist"),
            tuple("ACT_SHOP", "ERASURE", "DONE", 1, "connector:act-shop"));

    // the search page shows it per system
    jp.madoguchi.intake.PageClient.Page page = jp.madoguchi.intake.PageClient.loggedIn(port, "desk",
        "desk-demo-2026").get("/desk/requests/" + request.reference() + "/search-plan");
    assertThat(page.document().select("[data-system=ACT_CRM] .system-action").text())
        .contains("消去: 実施済み", "4 件", "connector:act-crm");
    assertThat(page.document().select("[data-system=ACT_PAPER] .system-action").text())
        .contains("消去: 実施済み", "archivist");

    // the result letter lists every system with what was done, read from the search, not from the engine
    OutboundLetter letter = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.kind() == LetterKind.SUSPENSION_RESULT).findFirst().orElseThrow();
    String text = pdfText(letter.id());
    assertThat(text).contains("各システムでの対応", "顧客管理システム:ご本人に関する保有個人データを消去いたしました(対象4件)",
        "通販システム:ご本人に関する保有個人データを消去いたしました(対象1件)",
        "ポイントシステム:ご本人に関する保有個人データを消去いたしました(対象1件)",
        "申込書の保管庫:ご本人に関する保有個人データを消去いたしました");
    // nothing of the person, nor the group's note, in the engine's variables
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(approval.getProcessInstanceId())
        .list().forEach(variable -> {
          SampleCrm.assertNoPersonalData(String.valueOf(variable.getValue()));
          assertThat(String.valueOf(variable.getValue())).doesNotContain("シュレッダー");
        });
  }

  @Test
  void aFailingActionBecomesAnIncidentWithoutPersonalDataAfterItsRetries() throws Exception {
    DeskRequest request = decidedErasure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    shop.mode("failing");
    engine.getTaskService().complete(desk.task(PersonalDataRequestProcess.Elements.APPROVE_ACTION).getId(),
        Map.of("managerApproval", "APPROVED"));
    firstAttempts(desk);

    ManagementService management = engine.getManagementService();
    Job failing = management.createJobQuery().processInstanceId(instanceOf(request))
        .activityId(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_CONNECTOR).withException().singleResult();
    assertThat(failing.getRetries()).isEqualTo(2);
    for (int retry = 0; retry < 2; retry++) {
      assertThatThrownBy(() -> management.executeJob(failing.getId())).isInstanceOf(RuntimeException.class);
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(failing.getProcessInstanceId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_CONNECTOR);
    assertThat(incident.getIncidentMessage()).contains("ACT_SHOP");
    SampleCrm.assertNoPersonalData(incident.getIncidentMessage());
    SampleCrm.assertNoPersonalData(management.getJobExceptionStacktrace(failing.getId()));
    assertThat(calls.of(request.id())).filteredOn(call -> call.systemCode().equals("ACT_SHOP")
        && call.operation().equals("ERASURE")).extracting(ConnectorCalls.Call::outcome).containsOnly("FAILED");
    assertThat(searches.actions(request.id())).extracting(SystemSearches.SystemAction::code)
        .doesNotContain("ACT_SHOP");
  }

  @Test
  void anAcceptedActionWhoseCallbackNeverComesBecomesAnIncident() throws Exception {
    systems.choose("ACT_SHOP", "act-shop-hasty", "manager");
    DeskRequest request = decidedErasure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    shop.mode("accepting");
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));
    assertThat(searches.actions(request.id())).filteredOn(done -> done.code().equals("ACT_SHOP"))
        .extracting(SystemSearches.SystemAction::outcome).containsExactly("ACCEPTED");

    // five minutes later the desk looks: no callback within the connector's second
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(6))));
    firstAttempts(desk);
    ManagementService management = engine.getManagementService();
    Job overdue = management.createJobQuery().processInstanceId(instanceOf(request))
        .activityId(PersonalDataRequestProcess.Elements.CHECK_ACTION_OUTCOME).withException().singleResult();
    for (int retry = 0; retry < 2; retry++) {
      assertThatThrownBy(() -> management.executeJob(overdue.getId())).isInstanceOf(RuntimeException.class);
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(overdue.getProcessInstanceId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(PersonalDataRequestProcess.Elements.CHECK_ACTION_OUTCOME);
    assertThat(incident.getIncidentMessage()).contains("ACT_SHOP", "no callback");
    SampleCrm.assertNoPersonalData(incident.getIncidentMessage());
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::outcome).contains("CALLBACK_OVERDUE");
  }

  @Test
  void anAcceptedActionEndsWhenTheSystemsSignedCallbackCame() throws Exception {
    DeskRequest request = decidedErasure();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    shop.mode("accepting");
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));
    assertThat(register.find(request.id()).status()).as("no longer waiting for the approval")
        .isEqualTo(RequestEnums.RequestStatus.CARRYING_OUT);
    String handle = (String) engine.getRuntimeService().createVariableInstanceQuery()
        // the request's own instance: the action by hand runs in the owning group's copy of its model (ADR 0037)
        .processInstanceIdIn(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(request.reference()).processDefinitionKey(PersonalDataRequestProcess.KEY)
            .singleResult().getId())
        .variableName(ConnectorVariables.CONNECTOR_HANDLE.name()).list().stream()
        .map(variable -> (String) variable.getValue()).filter(value -> value != null
            && handles.find(value).orElseThrow().systemCode().equals("ACT_SHOP")).findFirst().orElseThrow();

    // a first look finds no callback yet: the desk waits again
    Instant now = Instant.now();
    desk.clockAt(now.plus(Duration.ofMinutes(6)));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceOf(request))
        .activityId(PersonalDataRequestProcess.Elements.ACTION_OUTCOME_AWAITED).count()).isEqualTo(1);
    // a callback signed with another secret is refused; the shop's own is taken
    assertThat(callback("act-shop", handle, "{\"status\":\"done\",\"count\":2}", "not-the-secret"))
        .isEqualTo(401);
    assertThat(callback("act-shop", handle, "{\"status\":\"done\",\"count\":2}", SHOP_SECRET)).isEqualTo(204);
    desk.clockAt(now.plus(Duration.ofMinutes(12)));

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instanceOf(request))
        .activityId(PersonalDataRequestProcess.Elements.ACTION_OUTCOME_AWAITED).count()).isZero();
    assertThat(searches.actions(request.id())).filteredOn(done -> done.code().equals("ACT_SHOP"))
        .extracting(SystemSearches.SystemAction::outcome, SystemSearches.SystemAction::count)
        .containsExactly(tuple("DONE", 2));
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND)).hasSize(1);
  }

  @Test
  void aDecisionInPartIsCarriedOutByTheOwningGroupOfEverySystemOnceItsRefusalIsApproved() throws Exception {
    DeskRequest request = investigated();
    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "PARTIAL", "actionMeasure",
        "ERASURE", "refusalGrounds", List.of("STATUTORY_CONDITION_NOT_MET"), "refusalReasons",
        "ご利用中の契約に必要な情報は消去の要件に当たりません", "actionTakenNote", "契約に関係しない連絡先だけを消去します"));
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.APPROVE_ACTION)).isEmpty();
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL, Map.of("managerApproval", "APPROVED"));

    // connectors act on the whole person: the approved part is carried out by each system's owning group
    List<Task> byHand = desk.openTasks(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND);
    assertThat(byHand).extracting(task -> engine.getTaskService().getVariable(task.getId(), "systemCode"))
        .containsExactlyInAnyOrder("ACT_CRM", "ACT_SHOP", "ACT_LOYALTY", "ACT_PAPER");
    assertThat(crm.rowsOf("customers", 1)).isEqualTo(1);
    assertThat(calls.of(request.id())).extracting(ConnectorCalls.Call::operation).containsOnly("SEARCH");
    Task crmTask = byHand.stream().filter(task -> "ACT_CRM".equals(
        engine.getTaskService().getVariable(task.getId(), "systemCode"))).findFirst().orElseThrow();
    engine.getTaskService().complete(crmTask.getId(), Map.of("actionTaken", "NOT_POSSIBLE",
        "actionNote", "契約中のため対象外"));
    assertThat(searches.actions(request.id())).singleElement().satisfies(done -> {
      assertThat(done.code()).isEqualTo("ACT_CRM");
      assertThat(done.outcome()).isEqualTo("NOT_POSSIBLE");
    });
    // the owning group cannot open the request file: its search sheet says what to do, and what not
    jp.madoguchi.intake.PageClient archivist = jp.madoguchi.intake.PageClient.loggedIn(port, "archivist",
        ARCHIVIST_PASSWORD);
    String sheetPath = "/desk/requests/" + request.reference() + "/search/ACT_PAPER";
    org.jsoup.nodes.Document sheet = archivist.get(sheetPath).document();
    assertThat(sheet.select("#sheet-action-measure").text()).isEqualTo("本人のデータを、このシステムから消去してください。");
    assertThat(sheet.select("#sheet-action").text()).contains("一部対応の決定です");
    assertThat(sheet.select("#sheet-action-not-carried-out").text())
        .isEqualTo("ご利用中の契約に必要な情報は消去の要件に当たりません");
    assertThat(sheet.select("#sheet-action-requested").text()).isEqualTo(request.details());
    assertThat(archivist.get("/desk/requests/" + request.reference()).status()).isEqualTo(403);
    for (Task task : desk.openTasks(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND)) {
      engine.getTaskService().complete(task.getId(), Map.of("actionTaken", "DONE"));
    }
    assertThat(archivist.get(sheetPath).document().select("#sheet-action"))
        .as("once done, the sheet asks nothing more").isEmpty();
    desk.runJobs();

    OutboundLetter letter = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.kind() == LetterKind.SUSPENSION_RESULT).findFirst().orElseThrow();
    assertThat(pdfText(letter.id())).contains("ご請求のうち対応することといたしました部分について",
        "顧客管理システム:措置を講じることができませんでした", "通販システム:ご本人に関する保有個人データを消去いたしました");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * A suspension-of-use request of the CRM's person, checked as a customer, verified, searched in the four systems
   * (the worker's by its worker, the paper archive by its group) and investigated: the decision is open.
   */
  private DeskRequest investigated() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE)
        .principal(SampleCrm.TARO).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    TestRequests.checkedAsCustomerAndVerified(desk, verifiedAddresses, request);
    for (Task search : desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM)) {
      String system = (String) engine.getTaskService().getVariable(search.getId(), SearchSheets.SYSTEM_CODE);
      boolean paper = system.equals("ACT_PAPER");
      sheets.record(request.reference(), system, paper, paper ? "申込書 1枚" : null, "archivist",
          List.of(searches.owningGroup(system)));
    }
    LockedExternalTask search = workerTask(request, false);
    String handle = (String) search.getVariables().get("connectorHandle");
    assertThat(signedByTheWorker("GET", "/api/connectors/worker/identifiers/" + handle, "").statusCode())
        .isEqualTo(200);
    assertThat(signedByTheWorker("POST", "/api/connectors/worker/outcomes/" + handle, "{\"status\":\"done\"}")
        .statusCode()).as("a search's handle reports no action").isEqualTo(401);
    assertThat(signedByTheWorker("POST", "/api/connectors/worker/results/" + handle,
        "{\"records\":{\"ACT_LOYALTY\":[{\"points\":50}]}}").statusCode()).isEqualTo(204);
    engine.getExternalTaskService().complete(search.getId(), "act-worker");
    desk.runJobs();
    assertThat(searches.withFindings(request.id())).contains("ACT_CRM", "ACT_SHOP", "ACT_LOYALTY", "ACT_PAPER");
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true));
    return request;
  }

  /** {@link #investigated()}, decided in full as an erasure: the manager's approval is open. */
  private DeskRequest decidedErasure() throws Exception {
    DeskRequest request = investigated();
    new ProcessDriver(engine, request.reference()).complete(PersonalDataRequestProcess.Elements.DECIDE,
        Map.of("decision", "FULL", "actionMeasure", "ERASURE", "actionTakenNote", "各システムから会員データを消去します"));
    return request;
  }

  private String instanceOf(DeskRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(request.reference())
        .processDefinitionKey(PersonalDataRequestProcess.KEY).singleResult().getId();
  }

  /** The job executor's first attempt of every due job; a failing one is left for its retries. */
  private void firstAttempts(ProcessDriver desk) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = desk.dueJobs().stream().filter(job -> job.getExceptionMessage() == null).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException failed) {
          // left for its retries
        }
      }
    }
  }

  /** The worker fetches its topic: the request's search, or the approved action handed to it. */
  private LockedExternalTask workerTask(DeskRequest request, boolean action) {
    return engine.getExternalTaskService().fetchAndLock(20, "act-worker").topic(WORKER_TOPIC, 60_000).execute()
        .stream().filter(task -> request.reference().equals(task.getBusinessKey())
            && action == (task.getVariables().get("connectorAction") != null))
        .findFirst().orElseThrow();
  }

  private HttpResponse<String> signedByTheWorker(String method, String path, String body) throws Exception {
    String timestamp = Signatures.timestamp(RequestRegister.now());
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(WORKER_SECRET, timestamp, path, body))
        .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int callback(String connector, String handle, String body, String secret) throws Exception {
    String path = "/api/connectors/" + connector + "/callbacks/" + handle;
    String timestamp = Signatures.timestamp(RequestRegister.now());
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .header(Signatures.TIMESTAMP, timestamp)
        .header(Signatures.SIGNATURE, Signatures.sign(secret, timestamp, path, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String pdfText(long letterId) throws Exception {
    byte[] pdf = jdbc.sql("SELECT pdf FROM letter_document WHERE letter_id = ?").param(letterId)
        .query(byte[].class).single();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
    }
  }
}
