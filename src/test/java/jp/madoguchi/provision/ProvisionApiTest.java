package jp.madoguchi.provision;

import static jp.madoguchi.provision.ProvisionFixtures.person;
import static jp.madoguchi.provision.ProvisionFixtures.persons;
import static jp.madoguchi.provision.ProvisionFixtures.provided;
import static jp.madoguchi.provision.ProvisionFixtures.received;
import static jp.madoguchi.provision.ProvisionFixtures.sourceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/provision-records} as a company's system calls it: single and bulk records stored with their
 * persons; every bad input refused with an RFC 9457 problem naming the record and the field, nothing of the batch
 * stored; a retry answered as the first time; an id reused with other content a conflict; a body over the limit
 * refused; a basis that needs no record refused as such; only recorders and managers may call it.
 */
@DeskTest
class ProvisionApiTest {

  static final String API = "/api/provision-records";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired DeskCalendar calendar;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }


  LocalDate today;

  @BeforeEach
  void recorder() {
    ProvisionFixtures.ensureRecorder(identity);
    today = calendar.today();
  }

  @Test
  void aSingleRecordAndABulkRecordAreStoredWithTheirPersons() throws Exception {
    String single = sourceId("single");
    ResponseEntity<String> one = post(provided(single, "OTHER", today.minusDays(3),
        List.of(person("山田 一郎", "ヤマダ イチロウ", "1980-04-01", "03-9999-0001", "ichiro@example.jp"))));

    assertThat(one.getStatusCode()).as(one.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode stored = json.readTree(one.getBody()).get("records").get(0);
    assertThat(stored.get("sourceId").asText()).isEqualTo(single);
    assertThat(stored.get("keepUntil").asText()).isEqualTo(today.minusDays(3).plusYears(3).toString());
    assertThat(stored.get("persons").asInt()).isEqualTo(1);

    String bulk = sourceId("bulk");
    String receipt = sourceId("receipt");
    ResponseEntity<String> many = post(List.of(provided(bulk, "BULK_CONTINUING", today.minusDays(1),
        persons(250, bulk)), received(receipt, today, persons(2, receipt))));

    assertThat(many.getStatusCode()).as(many.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(personsOf(bulk)).isEqualTo(250);
    assertThat(personsOf(receipt)).isEqualTo(2);
    assertThat(jdbc.sql("SELECT acquisition FROM provision_record WHERE source_id = ?").param(receipt)
        .query(String.class).single()).isEqualTo("公開情報から収集");
  }

  @Test
  void aRetryWithTheSameContentGetsTheFirstAnswerAndOtherContentUnderTheSameIdIsAConflict() throws Exception {
    String id = sourceId("retry");
    Map<String, Object> record = provided(id, "CONTRACT_FOR_PERSON", today.minusDays(10),
        List.of(person("佐藤 花子", null, "1990-01-01", null, "hanako@example.jp")));

    ResponseEntity<String> first = post(record);
    ResponseEntity<String> retry = post(record);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
    assertThat(count(id)).isEqualTo(1);

    Map<String, Object> other = new LinkedHashMap<>(record);
    other.put("dataItems", List.of("氏名", "住所", "年収"));
    String fresh = sourceId("fresh");
    ResponseEntity<String> conflict = post(List.of(provided(fresh, "OTHER", today, persons(1, fresh)), other));

    assertProblem(conflict, HttpStatus.CONFLICT, "provision-record-id-reused", id, "sourceId");
    assertThat(count(fresh)).as("nothing of the batch is stored").isZero();
    assertThat(jdbc.sql("SELECT data_items FROM provision_record WHERE source_id = ?").param(id)
        .query(String.class).single()).isEqualTo("氏名、電話番号、購入履歴");
  }

  @Test
  void eachBadInputIsRefusedWithAProblemNamingTheRecordAndTheFieldAndNothingIsStored() throws Exception {
    String good = sourceId("good");

    String receipt = sourceId("no-acquisition");
    Map<String, Object> withoutAcquisition = received(receipt, today, persons(1, receipt));
    withoutAcquisition.remove("acquisition");
    assertBatchRefused(good, withoutAcquisition, receipt, "acquisition", "required");

    String future = sourceId("future");
    assertBatchRefused(good, provided(future, "OTHER", today.plusDays(1), persons(1, future)), future,
        "recordedOn", "future-date");

    String unknown = sourceId("unknown");
    Map<String, Object> sideways = provided(unknown, "OTHER", today, persons(1, unknown));
    sideways.put("direction", "SIDEWAYS");
    assertBatchRefused(good, sideways, unknown, "direction", "unknown-value");

    String optOut = sourceId("opt-out");
    Map<String, Object> undated = provided(optOut, "OTHER", today, persons(1, optOut));
    undated.put("basis", "OPT_OUT");
    undated.remove("providedOn");
    assertBatchRefused(good, undated, optOut, "providedOn", "required");

    String nobody = sourceId("nobody");
    assertBatchRefused(good, provided(nobody, "OTHER", today, List.of(person(null, null, "1980-01-01", null, null))),
        nobody, "persons[0]", "no-identifier");
  }

  @Test
  void theInventorysCodesAreCheckedAndARecipientTheInventoryProvidesToWithoutARecordIsRefused() throws Exception {
    String good = sourceId("good-codes");

    String category = sourceId("unknown-category");
    Map<String, Object> unknownCategory = provided(category, "OTHER", today, persons(1, category));
    unknownCategory.put("categoryCode", "NO_SUCH_CATEGORY");
    assertBatchRefused(good, unknownCategory, category, "categoryCode", "unknown-value");

    String recipient = sourceId("unknown-recipient");
    Map<String, Object> unknownRecipient = provided(recipient, "OTHER", today, persons(1, recipient));
    unknownRecipient.put("recipientCode", "NO_SUCH_RECIPIENT");
    assertBatchRefused(good, unknownRecipient, recipient, "recipientCode", "unknown-value");

    // the inventory says the data goes to this contractor under entrustment: Art 29 asks no record of it
    if (inventory.entry(jp.madoguchi.inventory.InventoryKind.PROVISIONS, "DELIVERY-CONTRACTOR").isEmpty()) {
      inventory.create(new jp.madoguchi.inventory.Provision("DELIVERY-CONTRACTOR", "CUSTOMERS", "配送委託先",
          "Delivery contractor", jp.madoguchi.inventory.LegalBasis.ENTRUSTMENT, null, null), "test");
    }
    String entrusted = sourceId("entrusted-recipient");
    Map<String, Object> toContractor = provided(entrusted, "OTHER", today, persons(1, entrusted));
    toContractor.put("recipientCode", "DELIVERY-CONTRACTOR");
    ResponseEntity<String> refused = post(toContractor);
    assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "provision-record-not-required", entrusted,
        "recipientCode");
    assertThat(count(entrusted)).isZero();
  }

  @Test
  void aRecordWhoseBasisNeedsNoRecordIsRefusedSayingSo() throws Exception {
    for (String basis : List.of("ENTRUSTMENT", "JOINT_USE", "LAWS_AND_REGULATIONS", "COOPERATION_WITH_AUTHORITIES")) {
      String id = sourceId("no-record");
      Map<String, Object> record = provided(id, "OTHER", today, persons(1, id));
      record.put("basis", basis);

      ResponseEntity<String> refused = post(record);

      assertProblem(refused, HttpStatus.UNPROCESSABLE_ENTITY, "provision-record-not-required", id, "basis");
      assertThat(json.readTree(refused.getBody()).get("errors").get(0).get("message").asText())
          .contains("記録を要しません", "第29条第1項ただし書");
      assertThat(count(id)).isZero();
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
    String id = sourceId("large");
    Map<String, Object> record = provided(id, "BULK_CONTINUING", today, persons(1, id));
    record.put("padding", "x".repeat(10 * 1024 * 1024));

    ResponseEntity<String> refused = post(record);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(json.readTree(refused.getBody()).get("type").asText())
        .isEqualTo("urn:madoguchi:problem:provision-records-too-large");
    assertThat(count(id)).isZero();
  }

  @Test
  void onlyRecordersAndManagersMayCallTheApi() throws Exception {
    String id = sourceId("who");
    String body = json.writeValueAsString(provided(id, "OTHER", today, persons(1, id)));

    assertThat(exchange(API, body, null, null).getStatusCode()).as("anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(exchange(API, body, "desk", "desk-demo-2026").getStatusCode()).as("desk staff")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count(id)).isZero();
    assertThat(exchange(API, body, "manager", "manager-demo-2026").getStatusCode()).as("a manager")
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aFurtherProvisionIsStoredOnceByItsIdAndMovesTheLastProvision() throws Exception {
    String id = sourceId("continuing");
    post(provided(id, "BULK_CONTINUING", today.minusYears(1), persons(3, id)));
    String path = API + "/" + id + "/provisions";
    String further = json.writeValueAsString(Map.of("provisionId", id + "-2", "providedOn",
        today.minusDays(5).toString()));

    ResponseEntity<String> first = exchange(path, further, ProvisionFixtures.RECORDER,
        ProvisionFixtures.RECORDER_PASSWORD);
    ResponseEntity<String> retry = exchange(path, further, ProvisionFixtures.RECORDER,
        ProvisionFixtures.RECORDER_PASSWORD);

    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
    assertThat(json.readTree(first.getBody()).get("keepUntil").asText())
        .isEqualTo(today.minusDays(5).plusYears(3).toString());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provision_further WHERE provision_id = ?").param(id + "-2")
        .query(Integer.class).single()).isEqualTo(1);

    String otherDate = json.writeValueAsString(Map.of("provisionId", id + "-2", "providedOn",
        today.minusDays(4).toString()));
    assertProblem(exchange(path, otherDate, ProvisionFixtures.RECORDER, ProvisionFixtures.RECORDER_PASSWORD),
        HttpStatus.CONFLICT, "provision-record-id-reused", id, "provisionId");
    assertProblem(exchange(API + "/no-such-record/provisions", further, ProvisionFixtures.RECORDER,
        ProvisionFixtures.RECORDER_PASSWORD), HttpStatus.NOT_FOUND, "provision-record-not-found",
        "no-such-record", "sourceId");
  }

  // ------------------------------------------------------------------------------------------------------------

  private void assertBatchRefused(String goodPrefix, Map<String, Object> bad, String badId, String field,
      String code) throws Exception {
    String good = sourceId(goodPrefix);
    ResponseEntity<String> refused = post(List.of(provided(good, "OTHER", today, persons(1, good)), bad));
    JsonNode error = assertProblem(refused, HttpStatus.BAD_REQUEST, "invalid-provision-records", badId, field);
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(count(good)).as("the good record of the batch is not stored either").isZero();
    assertThat(count(badId)).isZero();
  }

  private JsonNode assertProblem(ResponseEntity<String> response, HttpStatus status, String type, String record,
      String field) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("type").asText()).isEqualTo("urn:madoguchi:problem:" + type);
    assertThat(problem.get("errors")).anySatisfy(error -> {
      assertThat(error.get("record").asText()).isEqualTo(record);
      assertThat(error.get("field").asText()).isEqualTo(field);
    });
    for (JsonNode error : problem.get("errors")) {
      if (error.get("record").asText().equals(record) && error.get("field").asText().equals(field)) {
        return error;
      }
    }
    throw new AssertionError("no error for " + record + " " + field);
  }

  private ResponseEntity<String> post(Object body) throws Exception {
    return exchange(API, json.writeValueAsString(body), ProvisionFixtures.RECORDER,
        ProvisionFixtures.RECORDER_PASSWORD);
  }

  private ResponseEntity<String> exchange(String path, String body, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "ja");
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private int count(String sourceId) {
    return jdbc.sql("SELECT COUNT(*) FROM provision_record WHERE source_id = ?").param(sourceId)
        .query(Integer.class).single();
  }

  private int personsOf(String sourceId) {
    return jdbc.sql("SELECT COUNT(*) FROM provision_person p JOIN provision_record r ON r.id = p.record_id "
            + "WHERE r.source_id = ?").param(sourceId).query(Integer.class).single();
  }
}
