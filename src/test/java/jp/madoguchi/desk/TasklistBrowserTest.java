package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.madoguchi.request.RequestEnums;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.Chromium;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestInventory;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A desk user's day in Camunda Tasklist, in a real browser set to Japanese and Tokyo time: log in, see the desk's
 * filters, open a request's task, work its form, complete it; open the request file from the form's link.
 */
@DeskTest
@Tag("browser")
class TasklistBrowserTest {

  /** Screenshots for the staff guide (copied to docs/images by hand when the screens change). */
  static final Path IMAGES = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired RequestDocuments documents;
  @Autowired RequestProcessStarter starter;
  @Autowired jp.madoguchi.inventory.Inventory inventory;
  @Autowired jp.madoguchi.search.SystemSearches searches;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium(@TempDir Path profile) {
    browser = Chromium.start(profile, "ja", "Asia/Tokyo");
    // Tasklist loads several megabytes of scripts: on a busy two-core machine the first load takes a while
    wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    // Tasklist redraws its pages as its requests answer: an element read while it is replaced is read again
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stopChromium(org.junit.jupiter.api.TestInfo test) throws Exception {
    if (browser != null) {
      // what the browser showed last, for the report of a failing run
      Chromium.screenshot(browser, IMAGES.resolve("last-" + test.getTestMethod().orElseThrow().getName() + ".png"));
      browser.quit();
    }
  }

  /** The question of "Check the request" about entrusted data (issue 15). */
  static final String ENTRUSTED_QUESTION = "お求めのデータは委託元から預かっているものですか";

  @Test
  void aDeskUserWorksATaskInJapaneseTasklistAndTheRequestMovesOn() throws Exception {
    DeskRequest request = startedRequest();
    logIntoTasklist("desk", "desk-demo-2026");

    waitForText("窓口の未処理タスク / Desk's open tasks");
    String page = bodyText();
    assertThat(page).contains("自分のタスク / My tasks", "2営業日以内に期限 / Due within 2 business days",
        "期限超過 / Overdue").doesNotContain("特定個人情報(マイナンバー)").doesNotContain("管理者のタスク");
    click(By.xpath("//*[contains(text(), \"窓口の未処理タスク / Desk's open tasks\")]"));
    wait.until(driver -> java.net.URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8)
        .contains("\"sortBy\":\"dueDate\""));
    click(By.xpath("//a[contains(., '" + request.reference() + "')]"));

    waitForText("請求の内容はそろっている");
    Chromium.screenshot(browser, IMAGES.resolve("tasklist-task-ja.png"));
    // the list's columns and the form's text show words and dates as Japanese offices write them, not codes
    assertThat(bodyText()).contains("受付番号 / Reference: " + request.reference())
        .contains("種別 / Type: 開示 / Disclosure", "到着日 / Arrived: 2026年12月1日(火) / Tue 1 December 2026")
        .doesNotContain("DISCLOSURE", "2026-12-01");
    claim();
    assertThat(bodyText()).as("asked once the request is complete").doesNotContain(ENTRUSTED_QUESTION);
    click(By.cssSelector(".fjs-form input[type='checkbox']"));
    waitForText(ENTRUSTED_QUESTION);
    // the requester's relationship to the company, a list the data inventory reads (issue 16)
    click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
    click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '当社のお客様')]"));
    click(By.xpath("//label[contains(., '委託元から預かっているものはない')]"));
    click(By.xpath("//button[normalize-space(.)='完了']"));

    ProcessDriver desk = new ProcessDriver(engine, request.reference());
    waitUntil(() -> !desk.openTasks(IdentityVerificationProcess.Elements.VERIFY_IDENTITY).isEmpty());
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.CHECK_REQUEST)).isEmpty();
    String handling = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PersonalDataRequestProcess.KEY).processInstanceBusinessKey(request.reference())
        .singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(handling, "entrustedData")).isEqualTo("NONE");
  }

  @Test
  void theFormsLinkOpensTheRequestFileWithItsDocuments() throws Exception {
    DeskRequest request = startedRequest();
    documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "運転免許証.pdf",
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII), "desk");
    logIntoTasklist("desk", "desk-demo-2026");
    waitForText("窓口の未処理タスク / Desk's open tasks");
    click(By.xpath("//*[contains(text(), \"窓口の未処理タスク / Desk's open tasks\")]"));
    click(By.xpath("//a[contains(., '" + request.reference() + "')]"));
    waitForText("請求ファイルを開く");

    String link = browser.findElement(By.xpath("//a[contains(., '請求ファイルを開く')]")).getAttribute("href");
    assertThat(link).endsWith("/desk/requests/" + request.reference());
    browser.get(link);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("desk");
    browser.findElement(By.name("password")).sendKeys("desk-demo-2026", Keys.ENTER);

    waitForText("請求ファイル");
    assertThat(browser.getCurrentUrl()).contains("/desk/requests/" + request.reference());
    assertThat(bodyText()).contains(TestRequests.PRINCIPAL.name(), "運転免許証.pdf", "請求ファイルを閲覧");
    Chromium.screenshot(browser, IMAGES.resolve("request-file-ja.png"));
  }

  @Test
  void aPurposeNotificationRefusalIsOfferedTheArticle32GroundsAndNoOthers() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.PURPOSE_NOTIFICATION).register();
    ProcessDriver desk = checkedAndVerified(request);
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of(
        "dataFound", true, "dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\"]")));
    logIntoTasklist("desk", "desk-demo-2026");
    waitForText("窓口の未処理タスク / Desk's open tasks");
    click(By.xpath("//*[contains(text(), \"窓口の未処理タスク / Desk's open tasks\")]"));
    click(By.xpath("//a[contains(., '" + request.reference() + "')]"));
    waitForText("対応の決定 / Decide on the request");
    claim();

    click(By.xpath("//label[contains(., '対応しない / Not at all')]"));
    waitForText("公表事項により利用目的が明らか");
    Chromium.screenshot(browser, IMAGES.resolve("decide-purpose-notification-ja.png"));
    assertThat(bodyText()).contains("利用目的の通知(第32条第2項)", "第32条第2項第1号", "第21条第4項第3号")
        .doesNotContain("第33条第2項第1号").doesNotContain("事実と相違しない");
    click(By.xpath("//label[contains(., '公表事項により利用目的が明らか')]"));
    WebElement reasons = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//label[contains(., '請求者への回答に記載')]/following::textarea[1]")));
    reasons.sendKeys("ご本人の個人データの利用目的は、当社ウェブサイトで公表しているとおりです。");
    click(By.xpath("//button[normalize-space(.)='完了']"));

    waitUntil(() -> !desk.openTasks(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL).isEmpty());
    assertThat(register.events(request.id())).anySatisfy(event -> {
      assertThat(event.eventType()).isEqualTo("DECISION_NONE");
      assertThat(event.detail()).contains("[PURPOSES_ALREADY_CLEAR]");
    });
  }

  /**
   * The reasons a decider wrote are in the register only (ADR 22), yet Tasklist shows them: to the manager in the
   * approval form, and, with the manager's comment, back in the decider's field when the refusal is sent back.
   */
  @Test
  void aRefusalsReasonsReachTheManagerAndComeBackToTheDeciderFromTheRegister() throws Exception {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    ProcessDriver desk = checkedAndVerified(request);
    desk.complete(FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("entrustedByClient", false,
        "dataFound", true, "dataLocations", Spin.JSON("[\"CALL_RECORDINGS\"]")));
    String reasons = "通話録音に第三者の発言が含まれるため " + request.reference();
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "NONE",
        "refusalGrounds", Spin.JSON("[\"HARM_TO_PERSON_OR_THIRD_PARTY\"]"), "refusalReasons", reasons));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("refusalReasons").count())
        .isZero();

    logIntoTasklist("manager", "manager-demo-2026");
    openTask(desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL).getId());
    waitForText("不開示等の承認 / Approve refusal");
    waitForText(reasons);
    Chromium.screenshot(browser, IMAGES.resolve("approve-refusal-reasons-ja.png"));
    claim();
    click(By.xpath("//label[contains(., '差し戻し / Send back')]"));
    String comment = "一部開示を検討してください " + request.reference();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//label[contains(., 'コメント / Comment')]/following::textarea[1]"))).sendKeys(comment);
    click(By.xpath("//button[normalize-space(.)='完了']"));
    waitUntil(() -> !desk.openTasks(PersonalDataRequestProcess.Elements.DECIDE).isEmpty());

    browser.manage().deleteAllCookies();
    logIntoTasklist("desk", "desk-demo-2026");
    openTask(desk.task(PersonalDataRequestProcess.Elements.DECIDE).getId());
    waitForText(comment);
    claim();
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//label[contains(., '請求者への回答に記載')]/following::textarea[1]")));
    wait.until(driver -> reasons.equals(field.getDomProperty("value")));
    Chromium.screenshot(browser, IMAGES.resolve("decide-sent-back-ja.png"));
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("managerComment").count())
        .isZero();
  }

  /**
   * The owning group of a system searched by hand carries out an approved stop of use in Tasklist: its own filter
   * shows the task, the form says what to do, and the outcome reaches the register with who did it; the request
   * stands at its own stage meanwhile and moves on to the reply.
   */
  @Test
  void theOwningGroupCarriesOutAnApprovedActionInTasklist() throws Exception {
    String group = "tasklist-owners";
    TestInventory.membersDatabaseSearchedByHand(inventory, "TASKLIST", group);
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      Group owners = identity.newGroup(group);
      owners.setName("会員DBの担当 / Members database owners");
      identity.saveGroup(owners);
      User owner = identity.newUser("members-owner");
      owner.setFirstName("花子");
      owner.setLastName("会員");
      owner.setPassword("members-owner-2026");
      identity.saveUser(owner);
      identity.createMembership("members-owner", group);
      // the test's process coverage listener reads the process definition as the logged-in user, which an owning
      // group alone may not (in production nothing reads it): the owner also works the desk here
      identity.createMembership("members-owner", DeskGroups.PRIVACY_DESK);
    }

    DeskRequest request = TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE).register();
    ProcessDriver desk = checkedAndVerified(request);
    searches.addSystem(request.id(), "TASKLIST_MEMBERS_DB", "会員DBも確認", "desk");
    searches.recordFinding(request.id(), "TASKLIST_MEMBERS_DB", true, "会員レコード1件", "searcher");
    desk.complete(PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("entrustedByClient", false,
        "dataFound", true, "dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\"]")));
    desk.complete(PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL",
        "actionMeasure", "SUSPENSION", "actionTakenNote", "会員DBでの利用を停止します"));
    desk.complete(PersonalDataRequestProcess.Elements.APPROVE_ACTION, Map.of("managerApproval", "APPROVED"));
    assertThat(register.find(request.id()).status()).isEqualTo(RequestEnums.RequestStatus.CARRYING_OUT);

    logIntoTasklist("members-owner", "members-owner-2026");
    waitForText(jp.madoguchi.search.OwningGroupAccess.filterName(group));
    openTask(desk.task(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND).getId());
    waitForText("システムでの対応 / Carry out in a system");
    assertThat(bodyText()).contains("受付番号 / Reference: " + request.reference(),
        "措置 / Action: 利用停止・提供停止 / Suspend").doesNotContain("措置 / Action: 消去 / Erase");
    claim();
    click(By.xpath("//label[contains(., '実施しました / Done')]"));
    click(By.xpath("//button[normalize-space(.)='完了']"));

    waitUntil(() -> desk.openTasks(PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND).isEmpty());
    assertThat(searches.actions(request.id())).singleElement().satisfies(done -> {
      assertThat(done.action()).isEqualTo("SUSPENSION");
      assertThat(done.outcome()).isEqualTo("DONE");
      assertThat(done.actedBy()).isEqualTo("members-owner");
    });
    waitUntil(() -> register.find(request.id()).status() != RequestEnums.RequestStatus.CARRYING_OUT);
  }

  // ------------------------------------------------------------------------------------------------------------

  private void openTask(String taskId) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
  }

  /** Starts the request's process and works its first two steps: the request complete, the identity verified. */
  private ProcessDriver checkedAndVerified(DeskRequest request) {
    starter.start(request);
    ProcessDriver desk = new ProcessDriver(engine, request.reference()).runJobs();
    desk.complete(PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    desk.complete(IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    return desk;
  }

  private DeskRequest startedRequest() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    return request;
  }

  private void logIntoTasklist(String user, String password) throws Exception {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[type='text'], input[ng-model='username']")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password, Keys.ENTER);
    waitForText("ログアウト", "自分のタスク");
    Chromium.screenshot(browser, IMAGES.resolve("tasklist-filters-ja.png"));
  }

  /** Tasklist shows the form disabled until the user claims the task. */
  private void claim() {
    click(By.xpath("//*[normalize-space(text())='担当する']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private void click(By target) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
    // Tasklist's fixed footer may cover an element at the bottom of the window: bring it to the middle first
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void waitForText(String... texts) {
    wait.until(driver -> {
      String body = bodyText();
      for (String text : texts) {
        if (body.contains(text)) {
          return true;
        }
      }
      return false;
    });
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    wait.until(driver -> condition.getAsBoolean());
  }
}
