package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.LetterStatus;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.deadline.SlaClock;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.fee.FeePayments;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.intake.PageClient.Page;
import jp.madoguchi.intake.PageClient;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.DocumentKind;
import jp.madoguchi.request.RequestDocument;
import jp.madoguchi.request.RequestDocuments;
import jp.madoguchi.request.RequestEnums;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.request.StatusTokens;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.OurRoutes;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import jp.madoguchi.inventory.DataCategory;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.inventory.Relationship;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What people read is words, never our codes or ISO dates: every page of our controllers (found in the application's
 * handler mappings, so a page added later is walked without changing this test) as a requester, a member of the desk
 * and a manager, in Japanese and English; the Tasklist's task names, descriptions and list columns; and the text of
 * every form as it is shown with the variables of a task.
 */
@DeskTest
class WordsNotCodesTest {

  private static final byte[] PDF = """
      %PDF-1.4
      1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
      trailer << /Root 1 0 R >>
      %%EOF
      """.getBytes(StandardCharsets.US_ASCII);

  /** The codes of our vocabularies, as the register, the outbox and the processes store them. */
  private static final List<Class<? extends Enum<?>>> VOCABULARIES = List.of(RequestType.class,
      RequestEnums.RequestStatus.class, RequestEnums.Channel.class, RequestEnums.DisclosureMethod.class,
      RequestEnums.PersonalInformationKind.class, RequestEnums.AgentKind.class, DocumentKind.class, LetterKind.class,
      LetterKind.Audience.class, LetterStatus.class, OutboundLetter.Delivery.class, OutboundLetter.RecipientRole.class,
      RequestFacts.RequesterKind.class, PersonalDataRequestProcess.Decision.class,
      PersonalDataRequestProcess.RefusalGround.class, PersonalDataRequestProcess.ManagerApproval.class,
      FeePaymentProcess.FeeOutcome.class, FeePayments.PaymentMethod.class,
      IdentityVerificationProcess.IdentityOutcome.class);
  private static final Pattern CODE_LIKE =
      Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
  /** 2026-12-21, 2026-12-21T17:00, 2026-12-21 17:00 (and anything longer). */
  private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestDocuments documents;
  @Autowired RequestProcessStarter starter;
  @Autowired StatusTokens statusTokens;
  @Autowired Outbox outbox;
  @Autowired SlaClock clock;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired Inventory inventory;
  @Autowired jp.madoguchi.search.SystemSearches searches;

  /** A category of the inventory, so that its page (with its history) is read too. */
  private String wordsCategory() {
    String code = "WORDS_CALL_NOTES";
    if (inventory.entry(InventoryKind.CATEGORIES, code).isEmpty()) {
      inventory.create(new DataCategory(code, "通話メモ", "Call notes", "メモ", "Notes", true, null, null, false,
          "1年", "One year", "通話", "Calls", List.of(Relationship.CUSTOMER)), "manager");
    }
    return code;
  }

  /** A system in the request's search, so that its search sheet and the search page are read too. */
  private String searchedSystem(DeskRequest request) {
    searches.chooseRelationship(request.id(), Relationship.CUSTOMER, "desk");
    String code = "WORDS_NOTEBOOK";
    if (inventory.entry(InventoryKind.SYSTEMS, code).isEmpty()) {
      inventory.create(new jp.madoguchi.inventory.HoldingSystem(code, "応対メモ帳", "Call notebook", "call-desk", false,
          jp.madoguchi.inventory.SearchKind.MANUAL, List.of(wordsCategory())), "manager");
    }
    searches.addSystem(request.id(), code, "本人が以前に問い合わせたと述べている", "desk");
    return code;
  }

  @Test
  void everyPageOfOursShowsWordsAndDatesNeverCodesOrIsoDates() throws Exception {
    DeskRequest request = TestRequests.request(register).byAgent(RequestEnums.AgentKind.AUTHORISED)
        .method(RequestEnums.DisclosureMethod.ELECTRONIC).register();
    RequestDocument document =
        documents.store(request.id(), DocumentKind.IDENTITY_DOCUMENT, "免許証.pdf", PDF, "desk");
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    DeskRequest onPaper = TestRequests.request(register).withoutEmail().type(RequestType.CORRECTION).register();
    starter.start(onPaper);
    new ProcessDriver(engine, onPaper.reference()).runJobs();
    long letterId = outbox.lettersOf(request.id()).stream().filter(OutboundLetter::hasPdf).findFirst()
        .orElseThrow().id();
    Map<String, String> values = Map.of("reference", request.reference(), "documents/id",
        Long.toString(document.id()), "letters/id", Long.toString(letterId),
        "token", "NoSuchDownloadTokenNoSuchDownloadTokenNoSuch", "kind", "categories", "code", wordsCategory(),
        "systemCode", searchedSystem(request), "items/id", "0", "withholdings/id", "0", "handle", "no-such-handle");
    List<String> routes = OurRoutes.get(mappings);
    assertThat(routes).contains("/request", "/desk/requests", "/desk/reports", "/desk/letters/paper")
        .anyMatch(route -> route.startsWith("/desk/requests/{reference"));

    Set<String> codes = codes();
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> checked = new LinkedHashMap<>();
    Map<String, PageClient> users = new LinkedHashMap<>();
    users.put("requester", new PageClient(port));
    users.put("desk", PageClient.loggedIn(port, "desk", "desk-demo-2026"));
    users.put("manager", PageClient.loggedIn(port, "manager", "manager-demo-2026"));
    // twice: the second round sees the history entries that the first round's looks left behind
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, PageClient> user : users.entrySet()) {
        if (round == 1 && user.getKey().equals("requester")) {
          continue;
        }
        for (String route : routes) {
          String path = OurRoutes.fill(route, values);
          for (String language : List.of("ja", "en")) {
            Page page = user.getValue().get(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
            if (page.status() != 200 || !page.response().headers().firstValue("Content-Type").orElse("")
                .startsWith("text/html")) {
              continue;
            }
            checked.computeIfAbsent(user.getKey(), key -> new TreeSet<>()).add(route);
            problems.addAll(problems(user.getKey() + " " + language + " " + path, visibleText(page.document()),
                codes));
          }
        }
      }
    }
    String token = statusTokens.issue(request.id());
    for (String language : List.of("ja", "en")) {
      PageClient requester = new PageClient(port);
      Page form = requester.get("/status?lang=" + language);
      Page status = requester.postForm("/status", Map.of("_csrf", PageClient.csrf(form), "reference",
          request.reference(), "statusToken", token));
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.document().selectFirst("#status-target")).isNotNull();
      problems.addAll(problems("requester " + language + " POST /status", visibleText(status.document()), codes));
    }

    assertThat(checked.get("requester")).contains("/request", "/status", "/status/new-key");
    assertThat(checked.get("desk")).contains("/desk/requests", "/desk/requests/new", "/desk/reports",
        "/desk/letters/paper").anyMatch(route -> route.startsWith("/desk/requests/{reference"));
    assertThat(checked.get("manager")).contains("/desk/reports")
        .anyMatch(route -> route.startsWith("/desk/requests/{reference"));
    assertThat(problems).as("codes or ISO dates in what people read").isEmpty();

    // the words really are there: the request file names the method, the language and the letters in words
    Document file = users.get("desk").get("/desk/requests/" + request.reference() + "?lang=ja").document();
    assertThat(visibleText(file)).contains("電磁的記録(ダウンロード)", "日本語", "受付のお知らせ", "請求ファイルを閲覧",
        "2026年12月1日(火)");
    Document english = users.get("desk").get("/desk/requests/" + request.reference() + "?lang=en").document();
    assertThat(visibleText(english)).contains("Electronic record (download)", "Japanese",
        "Acknowledgement of receipt", "Request file viewed", "Tue 1 December 2026");
  }

  @Test
  void tasklistShowsTaskNamesDescriptionsAndColumnsInWords() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    Set<String> codes = codes();
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.reference())
        .list();
    assertThat(tasks).isNotEmpty();

    List<String> problems = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
      Object variables = filter.getProperties() == null ? null : filter.getProperties().get("variables");
      if (variables instanceof Collection<?> list) {
        list.forEach(column -> columns.add(String.valueOf(((Map<?, ?>) column).get("name"))));
      }
    }
    assertThat(columns).isNotEmpty();
    for (Task task : tasks) {
      problems.addAll(problems("name of " + task.getTaskDefinitionKey(), task.getName(), codes));
      problems.addAll(problems("description of " + task.getTaskDefinitionKey(), task.getDescription(), codes));
      for (String column : columns) {
        Object value = engine.getTaskService().getVariable(task.getId(), column);
        assertThat(value).as("Tasklist column %s of %s", column, task.getTaskDefinitionKey()).isNotNull();
        problems.addAll(problems("column " + column, rendered(value), codes));
      }
    }
    assertThat(problems).isEmpty();
    Task check = tasks.get(0);
    assertThat(check.getDescription()).contains("到着日 / Arrived: 2026年12月1日(火) / Tue 1 December 2026");
    assertThat(engine.getTaskService().getVariable(check.getId(), "requestTypeLabel")).isEqualTo("開示 / Disclosure");

    // when the SLA clock moves the target (as ClockTimers does: the variable, then the task's due date), the words
    // on the open task follow, and its name stays as it was
    Date moved = Date.from(Instant.parse("2026-12-25T08:00:00Z"));
    engine.getRuntimeService().setVariable(check.getProcessInstanceId(), "targetDueDate", moved);
    engine.getTaskService().setDueDate(check.getId(), moved);

    assertThat(engine.getTaskService().getVariable(check.getId(), "targetDueDateText"))
        .isEqualTo("2026年12月25日(金) 17:00 / Fri 25 December 2026, 17:00");
    assertThat(engine.getTaskService().createTaskQuery().taskId(check.getId()).singleResult().getName())
        .isEqualTo(check.getName());
  }

  @Test
  void everyFormReadsInWordsWithTheVariablesOfATask() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> codes = codes();
    List<String> problems = new ArrayList<>();
    Set<String> forms = new TreeSet<>();
    List<String> started = new ArrayList<>();
    for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list()) {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        if (userTask.getCamundaFormRef() == null) {
          continue;
        }
        Task task = taskOfARealRequestAt(definition, userTask.getId());
        started.add(task.getProcessInstanceId());
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        JsonNode form;
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
          form = json.readTree(deployed);
        }
        forms.add(userTask.getCamundaFormRef());
        for (String text : texts(form, new ArrayList<>())) {
          Matcher variable = TEMPLATE_VARIABLE.matcher(text);
          StringBuilder shown = new StringBuilder();
          while (variable.find()) {
            String name = variable.group(1);
            if (name.endsWith("Label") || name.endsWith("Text")) {
              assertThat(variables.get(name)).as("display variable %s of %s", name, userTask.getId()).isNotNull();
            }
            variable.appendReplacement(shown, Matcher.quoteReplacement(rendered(variables.get(name))));
          }
          variable.appendTail(shown);
          problems.addAll(problems("form " + userTask.getCamundaFormRef() + " of " + userTask.getId(),
              shown.toString(), codes));
        }
      }
    }
    // the instances started at single steps leave no tasks behind for the tests that list the desk's tasks
    started.forEach(id -> engine.getRuntimeService().deleteProcessInstance(id, "shown its form", true, true));
    assertThat(forms).hasSizeGreaterThanOrEqualTo(11);
    assertThat(problems).isEmpty();
  }

  /** A task of a request at one step, with the variables the process holds there. */
  private Task taskOfARealRequestAt(ProcessDefinition definition, String activityId) {
    DeskRequest request = TestRequests.request(register).register();
    clock.start(request.id(), 10, "test");
    DeskRequest started = register.find(request.id());
    Map<String, Object> variables = new HashMap<>();
    variables.put("requestId", request.id());
    variables.put("reference", request.reference());
    variables.put("requestType", request.type().name());
    variables.put("personalInformationKind", request.personalInformationKind().name());
    variables.put("requesterKind", "PRINCIPAL");
    variables.put("disclosureMethod", request.disclosureMethod().name());
    variables.put("arrivedOn", request.arrivedOn().toString());
    variables.put("deskGroup", DeskGroups.PRIVACY_DESK);
    variables.put("targetDueDate", Date.from(started.deadlines().targetDueOn().atTime(17, 0)
        .atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant()));
    variables.put("legalRiskDate", Date.from(Instant.parse("2026-12-14T15:00:00Z")));
    variables.put("reminderDate", new Date());
    variables.put("awaitedLetter", "MISSING_DOCUMENTS");
    variables.put("feeAmount", 1000L);
    variables.put("decision", "PARTIAL");
    variables.put("refusalGrounds", List.of("HARM_TO_PERSON_OR_THIRD_PARTY", "VIOLATION_OF_LAWS"));
    variables.put("managerApproval", "APPROVED");
    variables.put("replyDelivery", "PAPER");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceById(definition.getId())
        .businessKey(request.reference()).setVariables(variables).startBeforeActivity(activityId).execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).singleResult();
  }

  private static List<String> texts(JsonNode node, List<String> texts) {
    if ("text".equals(node.path("type").asText()) && node.has("text")) {
      texts.add(node.get("text").asText());
    }
    node.path("components").forEach(child -> texts(child, texts));
    return texts;
  }

  /** A value as Tasklist hands it to a form (dates as the REST API writes them). */
  private static String rendered(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date);
    }
    return String.valueOf(value);
  }

  /** What a person reads on a page: its text and the texts of its attributes that are shown, not form values. */
  static String visibleText(Document page) {
    Document copy = page.clone();
    copy.select("script, style, template, textarea, input, [hidden]").remove();
    StringBuilder text = new StringBuilder(copy.text());
    for (Element element : copy.select("[placeholder], [title], [alt], [aria-label]")) {
      for (String attribute : List.of("placeholder", "title", "alt", "aria-label")) {
        text.append(' ').append(element.attr(attribute));
      }
    }
    return text.toString();
  }

  private static List<String> problems(String where, String text, Set<String> codes) {
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return problems;
    }
    Matcher code = CODE_LIKE.matcher(text);
    while (code.find()) {
      if (codes.contains(code.group())) {
        problems.add(where + ": code " + code.group() + " in \"" + around(text, code.start()) + "\"");
      }
    }
    if (text.contains("??")) {
      problems.add(where + ": a message without its text in \"" + around(text, text.indexOf("??")) + "\"");
    }
    Matcher date = ISO_DATE.matcher(text);
    while (date.find()) {
      problems.add(where + ": ISO date " + date.group() + " in \"" + around(text, date.start()) + "\"");
    }
    return problems;
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60));
  }

  private static Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    for (Class<? extends Enum<?>> vocabulary : VOCABULARIES) {
      for (Enum<?> code : vocabulary.getEnumConstants()) {
        codes.add(code.name());
      }
    }
    return codes;
  }
}
