package jp.madoguchi.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jp.madoguchi.complaint.ComplaintProcess;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.OutboundLetter;
import jp.madoguchi.correspondence.OutboundLetter.RecipientRole;
import jp.madoguchi.correspondence.Outbox;
import jp.madoguchi.fee.FeePaymentProcess;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.identity.IdentityVerificationProcess;
import jp.madoguchi.reply.ReplyProcess;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.DisclosureMethod;
import jp.madoguchi.request.RequestEvent;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.requester.AwaitRequesterProcess;
import jp.madoguchi.security.DeskGroups;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestInventory;
import jp.madoguchi.support.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Free text staff type about a request (refusal reasons, a manager's comment, a client's name, every case note)
 * stays in the register and out of the engine (ADR 0022). The free-text fields are found in the form files
 * themselves ({@code forms/*.form}: every {@code textfield} and {@code textarea} not marked a code), so a field a
 * designer adds is filled and checked here without a change to this test; a new form no request below reaches fails
 * the test until a path through it is added.
 */
@DeskTest
class FreeTextStaysOutOfEngineTest {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DESK = List.of(DeskGroups.PRIVACY_DESK);
  private static final List<String> MANAGERS = List.of(DeskGroups.PRIVACY_MANAGERS);

  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired jp.madoguchi.request.VerifiedAddresses verifiedAddresses;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired RequestProcessStarter starter;
  @Autowired Outbox outbox;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate rest;
  @Autowired jp.madoguchi.inventory.Inventory inventory;
  @Autowired jp.madoguchi.search.SystemSearches searches;

  /** Form id to its free-text fields, read from the form files. */
  final Map<String, List<FreeTextField>> forms = new LinkedHashMap<>();
  /** Every marker typed, with the form field it was typed into. */
  final Map<String, String> markers = new LinkedHashMap<>();
  /** The markers typed last, by field key (what a form that shows the field should show). */
  final Map<String, String> lastMarker = new HashMap<>();
  final Set<String> filledFields = new TreeSet<>();
  final List<DeskRequest> requests = new ArrayList<>();

  record FreeTextField(String form, String key, String pattern) {}

  @BeforeEach
  void readTheFormsAndStartTheClock() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        List<FreeTextField> fields = new ArrayList<>();
        collect(form.path("id").asText(), form, fields);
        forms.put(form.path("id").asText(), fields);
      }
    }
    assertThat(forms).as("the form files").isNotEmpty();
    at("2026-12-01T10:00");
  }

  @AfterEach
  void realClock() {
    engine.getIdentityService().clearAuthentication();
    ProcessDriver.resetClock();
  }

  @Test
  void everyFreeTextFieldOfEveryFormEndsInTheRegisterAndNowhereInTheEngine() throws Exception {
    refusalSentBackDecidedAgainApprovedAndPosted();
    erasureSentBackDecidedAgainApprovedAndCarriedOutByHand();
    incompleteRequestAnsweredByTheRequester();
    dataEntrustedByAClient();
    complaintReviewedWhenOverdueAndHandled();

    Set<String> discovered = new TreeSet<>();
    forms.forEach((form, fields) -> fields.forEach(field -> discovered.add(form + "/" + field.key())));
    assertThat(filledFields).as("free-text fields the requests below filled: a new form needs a path here")
        .containsAll(discovered);
    assertThat(discovered).as("the forms have free text").contains("decide-on-request/refusalReasons",
        "approve-refusal/managerComment", "check-request/clientCompanyName", "approve-action/approvalNote",
        "act-on-system/actionNote");

    assertThat(markersInEngineTables()).as("markers found in the engine's tables").isEmpty();
    List<RequestEvent> history = requests.stream().flatMap(r -> register.events(r.id()).stream()).toList();
    assertThat(history).filteredOn(event -> event.detail() != null && containsMarker(event.detail()))
        .as("register entries that hold typed text").allSatisfy(event -> assertThat(event.eventType())
            .isEqualTo("NOTE"));
    assertThat(markers.keySet()).as("every text is kept in the register as a note").allSatisfy(marker ->
        assertThat(history).anyMatch(event -> "NOTE".equals(event.eventType()) && event.detail().contains(marker)));
  }

  // ------------------------------------------------------------------------------------------------ the requests

  /**
   * A disclosure refused in part: the manager sends it back, the decider finds the reasons and the comment in the
   * form again, decides anew, the manager reads the new reasons and approves, the reply goes on paper and prints
   * the reasons. The target deadline passes on the way (the escalation reviews).
   */
  private void refusalSentBackDecidedAgainApprovedAndPosted() throws IOException {
    DeskRequest request = start(TestRequests.request(register).type(RequestType.DISCLOSURE)
        .method(DisclosureMethod.ELECTRONIC));
    // the requester confirmed their e-mail address with a link the desk mailed
    new jp.madoguchi.correspondence.ConfirmedAddresses(context).confirm(request.id());
    ProcessDriver desk = driver(request);
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    at(desk, "2026-12-15T17:00");
    assertThat(desk.openTasks(PersonalDataRequestProcess.Elements.REVIEW_OVERDUE)).hasSize(1);
    for (Task review : desk.openTasks()) {
      if (!review.getTaskDefinitionKey().equals(IdentityVerificationProcess.Elements.VERIFY_IDENTITY)) {
        work(desk, "manager", List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS),
            review.getTaskDefinitionKey(), Map.of());
      }
    }
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    work(desk, "desk", DESK, IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    work(desk, "desk", DESK, FeePaymentProcess.Elements.CONFIRM_FEE_PAYMENT, Map.of("feeAmountReceived", 1000L,
        "feePaymentMethod", "POSTAL_MONEY_ORDER", "feeReceivedOn", "2026-12-02"));
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("entrustedByClient", false,
        "dataFound", true, "dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\",\"CALL_RECORDINGS\"]")));
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "NONE",
        "refusalGrounds", Spin.JSON("[\"SIGNIFICANT_BUSINESS_HINDRANCE\"]")));
    String firstReasons = lastMarker.get("refusalReasons");
    Task approval = desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL);
    assertThat(formVariables("manager", approval)).as("the approver reads the reasons")
        .containsEntry("refusalReasons", firstReasons);
    ResponseEntity<String> designer = rest.withBasicAuth(user("designer"), password("designer"))
        .getForEntity("/engine-rest/engine/{engine}/task/{id}/form-variables", String.class, engine.getName(),
            approval.getId());
    assertThat(designer.getStatusCode()).as("who may not read the task").isNotEqualTo(HttpStatus.OK);
    assertThat(String.valueOf(designer.getBody())).doesNotContain(firstReasons);
    work(desk, "manager", MANAGERS, PersonalDataRequestProcess.Elements.APPROVE_REFUSAL,
        Map.of("managerApproval", "SENT_BACK"));

    assertThat(formVariables("desk", desk.task(PersonalDataRequestProcess.Elements.DECIDE)))
        .as("the decision sent back keeps its reasons to edit, with the manager's comment")
        .containsEntry("refusalReasons", firstReasons)
        .containsEntry("managerComment", lastMarker.get("managerComment"));
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "PARTIAL",
        "refusalGrounds", Spin.JSON("[\"HARM_TO_PERSON_OR_THIRD_PARTY\"]"), "changeToPaper", true));
    String secondReasons = lastMarker.get("refusalReasons");
    assertThat(formVariables("manager", desk.task(PersonalDataRequestProcess.Elements.APPROVE_REFUSAL)))
        .containsEntry("refusalReasons", secondReasons);
    work(desk, "manager", MANAGERS, PersonalDataRequestProcess.Elements.APPROVE_REFUSAL,
        Map.of("managerApproval", "APPROVED"));
    work(desk, "desk", DESK, ReplyProcess.Elements.DISPATCH_BY_REGISTERED_MAIL,
        Map.of("trackingNumber", "1234-5678-9012", "dispatchedOn", "2026-12-16"));

    OutboundLetter reply = outbox.lettersOf(request.id()).stream()
        .filter(letter -> letter.kind() == LetterKind.PARTIAL_DISCLOSURE).findFirst().orElseThrow();
    ResponseEntity<byte[]> pdf = rest.withBasicAuth(user("desk"), password("desk"))
        .getForEntity("/desk/letters/{id}.pdf", byte[].class, reply.id());
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(text(pdf.getBody())).as("the refusal letter prints the reasons decided last")
        .contains(secondReasons).doesNotContain(firstReasons);
  }

  /**
   * An erasure decided in full (ADR 0034): the manager sends the action back with a note the decider reads, approves
   * the decision made anew, and the owning group of the system where the data was found carries it out by hand,
   * with a note.
   */
  private void erasureSentBackDecidedAgainApprovedAndCarriedOutByHand() {
    String group = "free-text-owners";
    TestInventory.membersDatabaseSearchedByHand(inventory, "FREE_TEXT", group);
    DeskRequest request = start(TestRequests.request(register).type(RequestType.SUSPENSION_OF_USE));
    ProcessDriver desk = driver(request);
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "NONE"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    work(desk, "desk", DESK, IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));
    searches.addSystem(request.id(), "FREE_TEXT_MEMBERS_DB", "会員DBも確認", "desk");
    searches.recordFinding(request.id(), "FREE_TEXT_MEMBERS_DB", true, "会員レコード1件", "searcher");
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.INVESTIGATE, Map.of("entrustedByClient", false,
        "dataFound", true, "dataLocations", Spin.JSON("[\"CUSTOMER_DATABASE\"]")));
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL",
        "actionMeasure", "ERASURE"));
    work(desk, "manager", MANAGERS, PersonalDataRequestProcess.Elements.APPROVE_ACTION,
        Map.of("managerApproval", "SENT_BACK"));
    assertThat(formVariables("desk", desk.task(PersonalDataRequestProcess.Elements.DECIDE)))
        .as("the decision sent back shows the manager's note")
        .containsEntry("approvalNote", lastMarker.get("approvalNote"));
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.DECIDE, Map.of("decision", "FULL",
        "actionMeasure", "SUSPENSION"));
    work(desk, "manager", MANAGERS, PersonalDataRequestProcess.Elements.APPROVE_ACTION,
        Map.of("managerApproval", "APPROVED"));
    // a member of the owning group who also works the desk: the coverage listener reads the process definition as
    // the logged-in user, which an owning group alone may not (in production it reads nothing)
    work(desk, "member", List.of(group, DeskGroups.PRIVACY_DESK), PersonalDataRequestProcess.Elements.ACT_ON_SYSTEM_BY_HAND,
        Map.of("actionTaken", "DONE"));
    assertThat(searches.actions(request.id())).singleElement().satisfies(done -> {
      assertThat(done.action()).isEqualTo("SUSPENSION");
      assertThat(done.outcome()).isEqualTo("DONE");
      assertThat(done.actedBy()).isEqualTo("member");
    });
  }

  private void incompleteRequestAnsweredByTheRequester() {
    DeskRequest request = start(TestRequests.request(register).type(RequestType.CORRECTION));
    ProcessDriver desk = driver(request);
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.CHECK_REQUEST, Map.of("requestFormComplete", false,
        "missingRequestDetails", Spin.JSON("[\"DATA_CONCERNED\"]")));
    work(desk, "desk", DESK, AwaitRequesterProcess.Elements.RECORD_REQUESTER_REPLY,
        Map.of("requesterRepliedOn", "2026-12-03"));
  }

  private void dataEntrustedByAClient() {
    DeskRequest request = start(TestRequests.request(register).type(RequestType.DISCLOSURE));
    ProcessDriver desk = driver(request);
    // the client's name and contact are typed in the check of the request (all of the data is the client's)
    work(desk, "desk", DESK, PersonalDataRequestProcess.Elements.CHECK_REQUEST,
        Map.of("requestFormComplete", true, "entrustedData", "ALL"));
    TestRequests.addressOnTheVerifiedDocument(verifiedAddresses, request);
    work(desk, "desk", DESK, IdentityVerificationProcess.Elements.VERIFY_IDENTITY,
        Map.of("identityDocumentType", "PASSPORT", "identityMismatch", false));

    assertThat(outbox.lettersOf(request.id())).as("the client is told, from what the register kept")
        .anySatisfy(letter -> {
          assertThat(letter.kind()).isEqualTo(LetterKind.CLIENT_NOTIFICATION);
          assertThat(letter.recipientRole()).isEqualTo(RecipientRole.CLIENT);
          assertThat(letter.recipientName()).isEqualTo(lastMarker.get("clientCompanyName"));
          assertThat(letter.recipientEmail()).isEqualTo(lastMarker.get("clientContactEmail"));
        });
  }

  private void complaintReviewedWhenOverdueAndHandled() {
    at("2026-12-01T10:00");
    DeskRequest complaint = start(TestRequests.request(register).type(RequestType.COMPLAINT)
        .arrivedOn(java.time.LocalDate.of(2026, 12, 1)));
    ProcessDriver desk = driver(complaint);
    at(desk, "2026-12-15T17:00");
    work(desk, "manager", List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_MANAGERS),
        ComplaintProcess.Elements.REVIEW_OVERDUE, Map.of());
    work(desk, "desk", DESK, ComplaintProcess.Elements.HANDLE_COMPLAINT, Map.of("complaintResolved", true));
  }

  // ------------------------------------------------------------------------------------------------ the desk's work

  private DeskRequest start(TestRequests requests) {
    DeskRequest request = requests.register();
    starter.start(request);
    this.requests.add(request);
    return request;
  }

  private ProcessDriver driver(DeskRequest request) {
    return new ProcessDriver(engine, request.reference()).runJobs();
  }

  /**
   * Submits the task's form as Tasklist does (form service, logged in), with the given values and a new marker in
   * every free-text field the form file has.
   */
  private void work(ProcessDriver desk, String user, List<String> groups, String taskKey,
      Map<String, Object> values) {
    Task task = desk.task(taskKey);
    String form = formId(task);
    assertThat(forms).as("form %s of %s is a form file", form, taskKey).containsKey(form);
    Map<String, Object> submitted = new HashMap<>(values);
    for (FreeTextField field : forms.get(form)) {
      String marker = marker(field);
      submitted.put(field.key(), marker);
      markers.put(marker, form + "/" + field.key());
      lastMarker.put(field.key(), marker);
      filledFields.add(form + "/" + field.key());
    }
    desk.submitForm(task, user, groups, submitted);
  }

  private String formId(Task task) {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return JSON.readTree(form).path("id").asText();
    } catch (IOException unreadable) {
      throw new AssertionError(unreadable);
    }
  }

  /** A text found nowhere else; where the field takes a pattern (an e-mail address), one that matches it. */
  private String marker(FreeTextField field) {
    String token = "FT" + (markers.size() + 10) + "x" + UUID.randomUUID().toString().substring(0, 8);
    for (String candidate : List.of(token, token + "@client.example.jp")) {
      if (field.pattern() == null || candidate.matches(field.pattern())) {
        return candidate;
      }
    }
    throw new AssertionError("No marker fits " + field + ": teach this test one");
  }

  /** Free-text fields: text fields and text areas, unless the designer marked the field a code (with a pattern). */
  private static void collect(String form, JsonNode container, List<FreeTextField> fields) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      if (type.equals("textfield") || type.equals("textarea")) {
        String pattern = component.path("validate").path("pattern").asText(null);
        boolean code = "code".equals(component.path("properties").path("valueKind").asText(null));
        assertThat(!code || pattern != null).as("%s/%s: a code has a pattern", form, component.path("key"))
            .isTrue();
        if (!code) {
          fields.add(new FreeTextField(form, component.path("key").asText(), pattern));
        }
      }
      collect(form, component, fields);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> formVariables(String role, Task task) {
    ResponseEntity<Map> answer = rest.withBasicAuth(user(role), password(role))
        .getForEntity("/engine-rest/engine/{engine}/task/{id}/form-variables", Map.class, engine.getName(),
            task.getId());
    assertThat(answer.getStatusCode()).as("form variables of %s: %s", task.getTaskDefinitionKey(), answer.getBody())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> values = new HashMap<>();
    ((Map<String, Map<String, Object>>) answer.getBody()).forEach((name, value) -> values.put(name,
        value.get("value")));
    return values;
  }

  /** Who logs in to the REST API and the webapps in a role ({@code desk}, {@code manager}, {@code designer}). */
  String user(String role) {
    return role;
  }

  String password(String role) {
    return role + "-demo-2026";
  }

  private void at(String tokyoLocalDateTime) {
    ClockUtil.setCurrentTime(java.util.Date.from(instant(tokyoLocalDateTime)));
  }

  private static void at(ProcessDriver desk, String tokyoLocalDateTime) {
    desk.clockAt(instant(tokyoLocalDateTime));
  }

  private static Instant instant(String tokyoLocalDateTime) {
    return LocalDateTime.parse(tokyoLocalDateTime).atZone(TOKYO).toInstant();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
    }
  }

  // ------------------------------------------------------------------------------------------------ the search

  private boolean containsMarker(String text) {
    return markers.keySet().stream().anyMatch(marker -> text.contains(token(marker)));
  }

  private static String token(String marker) {
    int at = marker.indexOf('@');
    return at < 0 ? marker : marker.substring(0, at);
  }

  /**
   * Every cell of every engine table ({@code ACT_*}: runtime and historic variables, history details, the operation
   * log, byte arrays and the rest), as text and as bytes, searched for every marker.
   */
  private Set<String> markersInEngineTables() throws SQLException, IOException {
    Set<String> found = new LinkedHashSet<>();
    Set<String> searched = new TreeSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet all = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (all.next()) {
          String table = all.getString("TABLE_NAME");
          if (table.toUpperCase().startsWith("ACT_")) {
            tables.add(table);
          }
        }
      }
      for (String table : tables) {
        searched.add(table.toUpperCase());
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String cell = cellText(rows.getObject(column));
              if (cell != null && containsMarker(cell)) {
                found.add(table + "." + rows.getMetaData().getColumnName(column) + ": " + cell);
              }
            }
          }
        }
      }
    }
    assertThat(searched).contains("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG",
        "ACT_GE_BYTEARRAY");
    return found;
  }

  private static String cellText(Object cell) throws SQLException, IOException {
    if (cell == null) {
      return null;
    }
    if (cell instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (cell instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
    }
    if (cell instanceof Clob clob) {
      try (Reader reader = clob.getCharacterStream()) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read; (read = reader.read(buffer)) > 0; ) {
          text.append(buffer, 0, read);
        }
        return text.toString();
      }
    }
    return cell.toString();
  }
}
