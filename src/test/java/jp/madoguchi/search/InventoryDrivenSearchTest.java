package jp.madoguchi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jp.madoguchi.correspondence.ConfirmedAddresses;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.Relationship;
import jp.madoguchi.inventory.SearchKind;
import jp.madoguchi.inventory.UsePurpose;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.VerifiedAddresses;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The investigation driven by the data inventory, end to end: a manager adds a category with a new system and a new
 * purpose, and with no deployment or restart the next request's search lists the system, its owning group gets a
 * search task in its own Tasklist filter, opens the search sheet (the view is recorded), records a finding, the
 * investigation page shows it, and the purpose notification names the new purpose; the finding never reaches the
 * engine. A My Number request never gives a search task to a group not entitled to it.
 */
@DeskTest
class InventoryDrivenSearchTest {

  private static final String PASSWORD = "searcher-pass-2026";

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired VerifiedAddresses verifiedAddresses;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired Inventory inventory;
  @Autowired SystemSearches searches;
  @Autowired SearchSheets sheets;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  private String suffix;

  @BeforeEach
  void unique() {
    init(engine);
    suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @AfterEach
  void realClock() {
    ProcessDriver.resetClock();
  }

  @Test
  void aSystemAddedToTheInventoryIsSearchedByItsOwningGroupAndItsPurposeIsNotified() throws Exception {
    String group = "archive-team-" + suffix.toLowerCase();
    String user = "archivist-" + suffix.toLowerCase();
    member(user, group);
    String category = "ARCHIVE_" + suffix;
    String system = "ARCHIVE_BOXES_" + suffix;
    String purposeJa = "保管文書の照会への回答のため(" + suffix + ")";
    inventory.create(category(category, true, Relationship.CUSTOMER), "manager");
    inventory.create(new HoldingSystem(system, "書庫の紙ファイル" + suffix, "Archive boxes " + suffix, group, false,
        SearchKind.MANUAL, List.of(category)), "manager");
    inventory.create(new UsePurpose("ARCHIVE_ANSWERS_" + suffix, purposeJa,
        "To answer queries about archived documents (" + suffix + ")", true, List.of(category)), "manager");

    DeskRequest request = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    TestRequests.checkedAsCustomerAndVerified(desk, verifiedAddresses, request);
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));

    // the rule: the relationship gives the new category, which gives the new system; its group has a search task
    SystemSearches.Plan plan = searches.plan(request.id());
    assertThat(plan.relationship()).isEqualTo(Relationship.CUSTOMER);
    assertThat(plan.categories()).extracting(row -> row.category().code()).contains(category);
    assertThat(plan.systems()).filteredOn(row -> row.code().equals(system)).singleElement()
        .satisfies(row -> assertThat(row.becauseOf()).extracting(DataCategory::code).containsExactly(category));
    List<Task> searchTasks = desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM);
    Task ours = searchTasks.stream().filter(task -> system.equals(engine.getTaskService()
        .getVariable(task.getId(), SearchSheets.SYSTEM_CODE))).findFirst().orElseThrow();
    assertThat(ours.getName()).startsWith("「書庫の紙ファイル" + suffix + "」を検索 / Search Archive boxes " + suffix)
        .contains(request.reference());
    assertThat(ours.getDueDate()).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(ours.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(group);
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.INVESTIGATE)).isEmpty();

    // the owning group sees it in its own Tasklist filter (the engine's REST API, as Tasklist calls it)
    TestRestTemplate archivist = rest.withBasicAuth(user, PASSWORD);
    String filterId = filters(archivist).stream()
        .filter(f -> OwningGroupAccess.filterName(group).equals(f.get("name"))).map(f -> (String) f.get("id"))
        .findFirst().orElseThrow();
    ResponseEntity<List<Map<String, Object>>> listed = archivist.exchange(
        "/engine-rest/filter/{id}/list?maxResults=100", HttpMethod.POST, new HttpEntity<>(Map.of()),
        new ParameterizedTypeReference<>() {}, filterId);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).extracting(t -> t.get("id")).containsExactly(ours.getId());

    // ADR 37: the task is in the group's own copy of the search model, which the group reads through one grant; the
    // engine wrote no authorization row for the task, and the group reads no other task through the REST API (here:
    // another request's check)
    assertThat(engine.getRepositoryService().getProcessDefinition(ours.getProcessDefinitionId()).getKey())
        .isEqualTo(jp.madoguchi.security.OwningGroupModels.copyKey(
            jp.madoguchi.security.OwningGroupModels.SEARCH_BY_HAND, group));
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(ours.getId()).count())
        .as("authorization rows of the search task").isZero();
    DeskRequest another = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(another);
    assertThat(new ProcessDriver(engine, another.reference()).runJobs().openTasks(
        PersonalDataRequestProcess.Elements.CHECK_REQUEST)).as("a task the group may not read").hasSize(1);
    ResponseEntity<List<Map<String, Object>>> readable = archivist.exchange("/engine-rest/task?maxResults=1000",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(readable.getBody()).extracting(t -> t.get("id")).containsExactly(ours.getId());

    // the search sheet: the identifiers only, the view recorded; the finding recorded completes the task
    PageClient page = PageClient.loggedIn(port, user, PASSWORD);
    String sheetPath = "/desk/requests/" + request.reference() + "/search/" + system;
    PageClient.Page sheet = page.get(sheetPath);
    assertThat(sheet.status()).isEqualTo(200);
    assertThat(sheet.document().select("#search-identifiers").text()).contains(request.principal().name());
    assertThat(sheet.html()).doesNotContain(request.principal().address());
    assertThat(events(request)).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo(SearchSheets.VIEWED);
      assertThat(event.actor()).isEqualTo(user);
      assertThat(event.detail()).isEqualTo(system);
    });
    assertThat(page.get("/desk/requests/" + request.reference() + "/search-plan").status())
        .as("the owning group sees its sheet, not the desk's pages").isEqualTo(403);
    String finding = "書庫B-12の箱に2019年の申込書原本あり " + suffix;
    PageClient.Page missing = page.postForm(sheetPath, Map.of("_csrf", PageClient.csrf(sheet), "found", "true"));
    assertThat(missing.response().headers().firstValue("Location").orElse(missing.html()))
        .contains("search.error.findingNeeded");
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(system))
        .singleElement().satisfies(row -> assertThat(row.searched()).isFalse());
    sheet = page.get(sheetPath);
    page.postForm(sheetPath, Map.of("_csrf", PageClient.csrf(sheet), "found", "true", "finding", finding));
    assertThat(engine.getTaskService().createTaskQuery().taskId(ours.getId()).count()).isZero();

    // every other system of the rule is searched by its own group (here recorded for them by the desk)
    for (String other : searches.tasked(request.id())) {
      if (!other.equals(system)) {
        sheets.record(request.reference(), other, false, null, "desk", List.of(DeskGroups.PRIVACY_DESK));
      }
    }
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM)).isEmpty();

    // the investigation page shows the rule, the finding, and takes the category found
    PageClient staff = PageClient.loggedIn(port, "desk", "desk-demo-2026");
    String planPath = "/desk/requests/" + request.reference() + "/search-plan";
    PageClient.Page planPage = staff.get(planPath);
    assertThat(planPage.status()).isEqualTo(200);
    assertThat(planPage.document().select("#search-rule").text()).contains("当社のお客様");
    assertThat(planPage.document().select("tr[data-system=" + system + "]").text())
        .contains(finding, "保管文書 " + category);
    PageClient.Page noReason = staff.postForm(planPath + "/systems", Map.of("_csrf", PageClient.csrf(planPage),
        "systemCode", system, "reason", "", "action", "remove"));
    assertThat(noReason.response().headers().firstValue("Location").orElse(noReason.html()))
        .contains("search.error.reasonNeeded");
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(system)).singleElement()
        .satisfies(row -> assertThat(row.removed()).isFalse());
    staff.postForm(planPath + "/categories", Map.of("_csrf", PageClient.csrf(planPage), "categoryCode", category,
        "found", "true"));
    assertThat(searches.foundCategories(request.id())).containsExactly(category);

    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true));
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));

    OutboundLetter letter = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.kind() == LetterKind.PURPOSE_NOTIFICATION).findFirst().orElseThrow();
    String text = pdfText(letter.id());
    assertThat(text).contains(purposeJa.replaceAll("\\s", ""));
    // only the purposes of the categories found: none of the sample's purposes of other categories
    assertThat(text).doesNotContain("委託元");

    // the finding is in our tables only
    assertThat(inEngineTables(suffix)).as("the finding in the engine's tables").isEmpty();
    assertThat(jdbc.sql("SELECT finding FROM search_system WHERE request_id = ? AND system_code = ?")
        .params(request.id(), system).query(String.class).single()).isEqualTo(finding);
  }

  @Test
  void aMyNumberRequestGivesNoSearchTaskToAGroupNotEntitledAndThePageSaysWhoMustSearch() throws Exception {
    String category = "MN_FILES_" + suffix;
    String entitled = "MN_VAULT_" + suffix;
    String notEntitled = "MN_SHARED_DRIVE_" + suffix;
    String entitledGroup = "mn-vault-" + suffix.toLowerCase();
    String otherGroup = "shared-drive-" + suffix.toLowerCase();
    inventory.create(category(category, true, Relationship.EMPLOYEE_OR_APPLICANT), "manager");
    inventory.create(new HoldingSystem(entitled, "マイナンバー保管庫" + suffix, "My Number vault " + suffix,
        entitledGroup, true, SearchKind.MANUAL, List.of(category)), "manager");
    inventory.create(new HoldingSystem(notEntitled, "共有ドライブ" + suffix, "Shared drive " + suffix, otherGroup,
        false, SearchKind.MANUAL, List.of(category)), "manager");

    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).specific().register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "NONE", "requesterRelationship", "EMPLOYEE_OR_APPLICANT"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    if (!desk.openTasks(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT).isEmpty()) {
      desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
          "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    }

    List<String> groups = desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM).stream()
        .flatMap(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream())
        .map(IdentityLink::getGroupId).toList();
    assertThat(groups).contains(entitledGroup).doesNotContain(otherGroup);
    assertThat(searches.tasked(request.id())).contains(entitled).doesNotContain(notEntitled);
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(notEntitled))
        .singleElement().satisfies(row -> assertThat(row.withheld()).isTrue());
    // the group not entitled cannot open the sheet either; the entitled desk sees why on the page
    assertThat(sheets.open(request.reference(), notEntitled, "someone", List.of(otherGroup))).isEmpty();
    PageClient specificDesk = PageClient.loggedIn(port, "specialist", "specialist-demo-2026");
    PageClient.Page planPage = specificDesk.get("/desk/requests/" + request.reference() + "/search-plan");
    assertThat(planPage.status()).isEqualTo(200);
    assertThat(planPage.document().select("tr[data-system=" + notEntitled + "]").attr("data-withheld"))
        .isEqualTo("true");
    assertThat(planPage.document().select("tr[data-system=" + notEntitled + "]").text())
        .contains("取扱いを認められたグループ");
    assertThat(PageClient.loggedIn(port, "desk", "desk-demo-2026")
        .get("/desk/requests/" + request.reference() + "/search-plan").status())
        .as("the ordinary desk does not see a My Number request's search").isEqualTo(404);
  }

  @Test
  void staffAddAndRemoveASystemOnlyWithAReasonAndNothingIsWrittenWithoutOne() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    searches.chooseRelationship(request.id(), Relationship.CUSTOMER, "desk");
    String some = "NOTEBOOK_" + suffix;
    inventory.create(category("NOTES_" + suffix, true, Relationship.BUSINESS_CONTACT), "manager");
    inventory.create(new HoldingSystem(some, "メモ帳", "Notebook", "notes-team", false, SearchKind.MANUAL,
        List.of("NOTES_" + suffix)), "manager");

    assertThatThrownBy(() -> searches.addSystem(request.id(), some, " ", "desk"))
        .isInstanceOf(InvalidSearchInput.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> searches.addSystem(request.id(), "NO_SUCH_SYSTEM", "見つからない", "desk"))
        .hasMessageContaining("systemCode");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM search_system WHERE request_id = ?").param(request.id())
        .query(Integer.class).single()).isZero();

    searches.addSystem(request.id(), some, "本人が以前に書面で問い合わせたと述べている", "desk");
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(some)).singleElement()
        .satisfies(row -> assertThat(row.reason()).contains("書面"));
    searches.removeSystem(request.id(), some, "本人の申出により対象外", "desk");
    assertThat(searches.tasked(request.id())).doesNotContain(some);
    assertThatThrownBy(() -> searches.recordFinding(request.id(), some, true, "", "desk"))
        .hasMessageContaining("finding");

    // a finding's text goes with the request's personal data when its retention ends
    searches.addSystem(request.id(), some, "再度対象に加える", "desk");
    searches.recordFinding(request.id(), some, true, "旧住所の記録あり", "desk");
    context.publishEvent(new jp.madoguchi.request.PersonalDataErased(request.id(), java.time.Instant.now()));
    assertThat(searches.plan(request.id()).systems()).filteredOn(row -> row.code().equals(some)).singleElement()
        .satisfies(row -> {
          assertThat(row.finding()).isNull();
          assertThat(row.reason()).isNull();
          assertThat(row.found()).isTrue();
        });
  }

  @Test
  void theInventoryAnswersWhetherTheDataIsHeldForAClientAndNamesTheClientUnlessStaffAnswer() throws Exception {
    if (inventory.categoriesFor(Relationship.CLIENT_CUSTOMER).stream().noneMatch(DataCategory::entrusted)) {
      inventory.create(new DataCategory("CLIENT_FILES_" + suffix, "委託元の顧客ファイル", "Client's customer files",
          "氏名", "name", false, "委託元" + suffix, "privacy@client.example.jp", false, "契約期間", "contract term",
          "委託元から", "from the client", List.of(Relationship.CLIENT_CUSTOMER)), "manager");
    }
    SystemSearches.EntrustedShare share = searches.entrustedShare(Relationship.CLIENT_CUSTOMER).orElseThrow();
    assertThat(share.answer()).isIn("ALL", "PART");
    assertThat(share.clientName()).isNotBlank();

    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    // no entrustedData: the relationship's categories answer it
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "requesterRelationship", "CLIENT_CUSTOMER"));
    String instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(request.reference()).processDefinitionKey(PersonalDataRequestProcess.KEY)
        .singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("entrustedData").singleResult().getValue()).isEqualTo(share.answer());
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    desk.runJobs();

    OutboundLetter referral = outbox.lettersOf(request.id()).stream()
        .filter(l -> l.kind() == LetterKind.ENTRUSTED_REFERRAL).findFirst().orElseThrow();
    assertThat(pdfText(referral.id())).contains(share.clientName().replaceAll("\\s", ""));
    assertThat(outbox.lettersOf(request.id())).extracting(OutboundLetter::kind)
        .contains(LetterKind.CLIENT_NOTIFICATION);

    // staff's answer stands where they know better than the inventory
    DeskRequest own = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(own);
    ProcessDriver ownDesk = new ProcessDriver(engine, own.reference()).runJobs();
    ownDesk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "requesterRelationship", "CLIENT_CUSTOMER", "entrustedData", "NONE"));
    String ownInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(own.reference()).processDefinitionKey(PersonalDataRequestProcess.KEY)
        .singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ownInstance)
        .variableName("entrustedData").singleResult().getValue()).isEqualTo("NONE");
    // neither a relationship nor an answer: refused, naming the field
    DeskRequest unanswered = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(unanswered);
    ProcessDriver unansweredDesk = new ProcessDriver(engine, unanswered.reference()).runJobs();
    assertThatThrownBy(() -> unansweredDesk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true))).hasMessageContaining("entrustedData");
    assertThatThrownBy(() -> unansweredDesk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "NONE", "requesterRelationship", "FRIEND")))
        .hasMessageContaining("requesterRelationship");
  }

  @Test
  void aDisclosureListsTheCategoriesFoundAndAPersonWithNoRetainedDataIsToldSo() throws Exception {
    String found = "LOYALTY_" + suffix;
    String other = "SURVEYS_" + suffix;
    inventory.create(category(found, true, Relationship.BUSINESS_CONTACT), "manager");
    inventory.create(category(other, true, Relationship.BUSINESS_CONTACT), "manager");

    DeskRequest disclosure = throughTheSearch(RequestType.DISCLOSURE);
    searches.recordCategory(disclosure.id(), found, true, "desk");
    searches.recordCategory(disclosure.id(), other, false, "desk");
    ProcessDriver desk = new ProcessDriver(engine, disclosure.reference());
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true));
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
    String letter = pdfText(outbox.lettersOf(disclosure.id()).stream()
        .filter(l -> l.kind() == LetterKind.DISCLOSURE).findFirst().orElseThrow().id());
    assertThat(letter).contains("開示する個人情報の区分", "保管文書" + found).doesNotContain("保管文書" + other);

    DeskRequest purposes = throughTheSearch(RequestType.PURPOSE_NOTIFICATION);
    searches.recordCategory(purposes.id(), found, false, "desk");
    ProcessDriver purposesDesk = new ProcessDriver(engine, purposes.reference());
    purposesDesk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("dataFound", true));
    purposesDesk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL"));
    String notification = pdfText(outbox.lettersOf(purposes.id()).stream()
        .filter(l -> l.kind() == LetterKind.PURPOSE_NOTIFICATION).findFirst().orElseThrow().id());
    assertThat(notification).contains("保有個人データは保有しておりませんでした").doesNotContain("##利用目的");
  }

  /** A request checked with a business contact's relationship, verified, paid, every search task done. */
  private DeskRequest throughTheSearch(RequestType type) {
    DeskRequest request = TestRequests.request(register).type(type).register();
    new ConfirmedAddresses(context).confirm(request.id());
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", true,
        "entrustedData", "NONE", "requesterRelationship", "BUSINESS_CONTACT"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    for (String system : searches.tasked(request.id())) {
      sheets.record(request.reference(), system, false, null, "desk", List.of(DeskGroups.PRIVACY_DESK));
    }
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.INVESTIGATE)).hasSize(1);
    return request;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * ADR 37: a group whose copy of the search model is not deployed (a group added a moment before its first search,
   * or a copy removed by hand) is still offered its search, through the designers' model itself, where the engine
   * gives the group its task with an authorization row of its own, as before the copies.
   */
  @Test
  void aGroupWithoutItsCopyIsStillOfferedItsSearchThroughTheModelItself() {
    String group = "late-team-" + suffix.toLowerCase();
    String user = "late-searcher-" + suffix.toLowerCase();
    member(user, group);
    String category = "LATE_" + suffix;
    String system = "LATE_LEDGER_" + suffix;
    inventory.create(category(category, true, Relationship.CUSTOMER), "manager");
    inventory.create(new HoldingSystem(system, "遅れて加わった台帳" + suffix, "Late ledger " + suffix, group, false,
        SearchKind.MANUAL, List.of(category)), "manager");
    String copy = jp.madoguchi.security.OwningGroupModels.copyKey(
        jp.madoguchi.security.OwningGroupModels.SEARCH_BY_HAND, group);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(copy).count())
        .as("the inventory change deployed the group's copy").isEqualTo(1);
    engine.getRepositoryService().createDeploymentQuery().deploymentName(copy).list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));

    DeskRequest request = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION).register();
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    TestRequests.checkedAsCustomerAndVerified(desk, verifiedAddresses, request);
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));

    Task search = desk.openTasks(PersonalDataRequestProcess.Elements.SEARCH_SYSTEM).stream()
        .filter(task -> system.equals(engine.getTaskService().getVariable(task.getId(), SearchSheets.SYSTEM_CODE)))
        .findFirst().orElseThrow();
    assertThat(engine.getRepositoryService().getProcessDefinition(search.getProcessDefinitionId()).getKey())
        .isEqualTo(jp.madoguchi.security.OwningGroupModels.SEARCH_BY_HAND);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(search.getId())
        .groupIdIn(group).count()).as("the engine's row for the group").isEqualTo(1);
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).list())
          .extracting(Task::getId).containsExactly(search.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static DataCategory category(String code, boolean retained, Relationship relationship) {
    return new DataCategory(code, "保管文書 " + code, "Archived documents " + code, "氏名、申込書", "name, forms",
        retained, null, null, false, "5年", "5 years", "本人から", "from the person", List.of(relationship));
  }

  private void member(String user, String group) {
    var identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      var g = identity.newGroup(group);
      g.setName(group);
      identity.saveGroup(g);
    }
    User u = identity.newUser(user);
    u.setFirstName("Archivist");
    u.setLastName(user);
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    identity.createMembership(user, group);
  }

  private List<RequestEvent> events(DeskRequest request) {
    return register.events(request.id());
  }

  private List<Map<String, Object>> filters(TestRestTemplate user) {
    ResponseEntity<List<Map<String, Object>>> filters = user.exchange("/engine-rest/filter", HttpMethod.GET,
        HttpEntity.EMPTY, new ParameterizedTypeReference<>() {});
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    return filters.getBody();
  }

  private String pdfText(long letterId) throws Exception {
    byte[] pdf = jdbc.sql("SELECT pdf FROM letter_document WHERE letter_id = ?").param(letterId)
        .query(byte[].class).single();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s", "");
    }
  }

  /** Every cell of every engine table (ACT_*) that contains the marker, as in FreeTextStaysOutOfEngineTest. */
  private List<String> inEngineTables(String marker) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet all = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (all.next()) {
          if (all.getString("TABLE_NAME").toUpperCase().startsWith("ACT_")) {
            tables.add(all.getString("TABLE_NAME"));
          }
        }
      }
      assertThat(tables).isNotEmpty();
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String cell = text(rows.getObject(column));
              if (cell != null && cell.contains("書庫B-12")) {
                found.add(table + "." + rows.getMetaData().getColumnName(column));
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static String text(Object cell) throws Exception {
    if (cell == null) {
      return null;
    }
    if (cell instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (cell instanceof Blob blob) {
      try (InputStream in = blob.getBinaryStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    if (cell instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return cell.toString();
  }
}
