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
import java.util.List;
import java.util.Map;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The register on a real PostgreSQL server: its tables as the migration makes them there, a bulk record through the
 * API, a batch refused whole, matching through the normalised identifiers, a further provision, the verdicts, and
 * the purge (same context configuration as {@code PostgresApplicationTest}, so they share one cached context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresProvisionTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired ProvisionRegister register;
  @Autowired ProvisionMatches matches;
  @Autowired ProvisionPurge purge;
  @Autowired RequestRegister requests;

  @Autowired jp.madoguchi.inventory.Inventory inventory;

  /** The category and the recipient the fixtures' records name are in the data inventory. */
  @org.junit.jupiter.api.BeforeEach
  void recipientsInTheInventory() {
    ProvisionFixtures.inInventory(inventory, "CUSTOMERS", "POINT-PARTNER");
  }


  @AfterEach
  void realClock() {
    ProvisionFixtures.realClock();
  }

  @Test
  void recordsArriveAreMatchedDisclosedAndPurgedOnPostgresql() throws Exception {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    ProvisionFixtures.ensureRecorder(identity);
    LocalDate made = LocalDate.of(2026, 6, 1);
    String bulk = sourceId("pg-bulk");
    String receipt = sourceId("pg-receipt");
    List<Map<String, Object>> people = new java.util.ArrayList<>(persons(500, bulk));
    people.add(person(null, "ﾔﾏﾀﾞ ﾀﾛｳ", "1980-04-01", "0312345678", null));

    ResponseEntity<String> stored = post(List.of(provided(bulk, "BULK_CONTINUING", made, people),
        received(receipt, made, List.of(person(null, "ﾔﾏﾀﾞ ﾀﾛｳ", "1979-01-01", "03-1234-5678", null)))));
    String bad = sourceId("pg-bad");
    Map<String, Object> joint = provided(bad, "OTHER", made, persons(1, bad));
    joint.put("basis", "JOINT_USE");
    ResponseEntity<String> refused = post(List.of(provided(sourceId("pg-good"), "OTHER", made, persons(1, bad)),
        joint));

    assertThat(stored.getStatusCode()).as(stored.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json.readTree(stored.getBody()).get("records");
    long bulkId = answer.get(0).get("id").asLong();
    long receiptId = answer.get(1).get("id").asLong();
    assertThat(answer.get(0).get("persons").asInt()).isEqualTo(501);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provision_person WHERE record_id = ? AND norm_kana = ?")
        .params(bulkId, "ヤマダタロウ").query(Integer.class).single()).isEqualTo(1);

    DeskRequest request = TestRequests.request(requests).type(RequestType.THIRD_PARTY_RECORDS_DISCLOSURE)
        .principal(ProvisionCandidatesTest.PERSON).register();
    Map<Long, ProvisionMatches.Candidate> found = new java.util.HashMap<>();
    matches.candidates(request).forEach(candidate -> found.put(candidate.record().id(), candidate));
    assertThat(found).containsKeys(bulkId, receiptId);
    assertThat(found.get(bulkId).conflict()).isFalse();
    assertThat(found.get(receiptId).contradictions()).containsExactly(ProvisionMatches.Contradiction.BIRTH_DATE);

    matches.decide(request.id(), bulkId, ProvisionMatches.Verdict.CONFIRMED, "desk");
    matches.decide(request.id(), receiptId, ProvisionMatches.Verdict.REJECTED, "desk");
    matches.decide(request.id(), receiptId, ProvisionMatches.Verdict.CONFIRMED, "desk");
    register.markExistenceProtected(receiptId, ExistenceProtection.LIFE_BODY_OR_PROPERTY, "desk");
    assertThat(matches.disclosed(request.id())).extracting(ProvisionRecord::id).containsExactly(bulkId);

    ProvisionRegister.FurtherStored further = register.addProvision(bulk, bulk + "-2", "2026-09-01", "crm");
    assertThat(further.keepUntil()).isEqualTo(LocalDate.of(2029, 9, 1));

    ProvisionFixtures.today(LocalDate.of(2029, 9, 1));
    assertThat(purge.nextRun().due()).isGreaterThanOrEqualTo(2);
    purge.purgeExpired();
    assertThat(register.find(bulkId)).isPresent();
    assertThat(register.find(receiptId)).isEmpty();
    ProvisionFixtures.today(LocalDate.of(2029, 9, 2));
    purge.purgeExpired();
    assertThat(register.find(bulkId)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provision_person WHERE record_id = ?").param(bulkId)
        .query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM provision_match WHERE request_id = ?").param(request.id())
        .query(Integer.class).single()).isZero();
  }

  private ResponseEntity<String> post(Object body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(ProvisionFixtures.RECORDER, ProvisionFixtures.RECORDER_PASSWORD);
    return rest.exchange("/api/provision-records", HttpMethod.POST,
        new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }
}
