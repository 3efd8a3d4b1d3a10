package jp.madoguchi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Intake on a real PostgreSQL server: a submission with its process, a document in a bytea column, an idempotent
 * retry, a refused submission, and a database failure half-way that leaves nothing (same context configuration as
 * {@code PostgresApplicationTest}, so both share one cached context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresIntakeTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired RequestSubmission intake;

  @Test
  void aSubmissionWithADocumentAndAnIdempotentRetryOnPostgresql() throws Exception {
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    String key = UUID.randomUUID().toString();
    long requestsBefore = count("desk_request");

    ResponseEntity<String> first = submit(request("山田 花子"), key);
    ResponseEntity<String> retry = submit(request("山田 花子"), key);

    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(count("desk_request")).isEqualTo(requestsBefore + 1);
    JsonNode answer = json.readTree(first.getBody());
    String reference = answer.get("reference").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isOne();

    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ResponseEntity<String> uploaded = upload(reference, answer.get("statusToken").asText(), pdf);
    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(jdbc.sql("SELECT content FROM request_document WHERE id = ?")
        .param(json.readTree(uploaded.getBody()).get("id").asLong()).query((rs, n) -> rs.getBytes(1)).single())
        .isEqualTo(pdf);

    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Status-Token", answer.get("statusToken").asText());
    ResponseEntity<String> status = rest.exchange("/api/requests/{reference}/status", HttpMethod.GET,
        new HttpEntity<>(headers), String.class, reference);
    assertThat(json.readTree(status.getBody()).get("stage").asText()).isEqualTo("RECEIVED");
  }

  @Test
  void theSameFileUploadedTwiceAtOnceIsKeptOnceOnPostgresql() throws Exception {
    JsonNode answer = json.readTree(submit(request("山田 花子"), null).getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    byte[] pdf = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<ResponseEntity<String>>> uploads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        uploads.add(clients.submit(() -> upload(reference, token, pdf)));
      }
      List<HttpStatus> statuses = new ArrayList<>();
      for (var upload : uploads) {
        statuses.add(HttpStatus.valueOf(upload.get().getStatusCode().value()));
      }
      assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK)
          .filteredOn(status -> status == HttpStatus.CREATED).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM request_document d JOIN desk_request r ON r.id = d.request_id "
        + "WHERE r.reference = ?").param(reference).query(Long.class).single()).isOne();
  }

  @Test
  void aRefusedSubmissionStoresNothingOnPostgresql() throws Exception {
    long requests = count("desk_request");
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    Map<String, Object> body = request("山田\u0000花子");

    ResponseEntity<String> response = submit(body, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).at("/errors/0/field").asText()).isEqualTo("principal.name");
    assertThat(count("desk_request")).isEqualTo(requests);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aDatabaseFailureHalfWayLeavesNeitherARegisterRowNorAProcessInstanceOnPostgresql() {
    SubmissionRollback rollback = new SubmissionRollback(intake, jdbc, historyService, runtimeService);
    rollback.whenTheProcessStartFails();
    rollback.whenTheLastDocumentFails();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static Map<String, Object> request(String name) {
    Map<String, Object> principal = new LinkedHashMap<>();
    principal.put("name", name);
    principal.put("postalCode", "1000001");
    principal.put("email", "pg.requester@example.jp");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "THIRD_PARTY_RECORDS_DISCLOSURE");
    body.put("principal", principal);
    body.put("disclosureMethod", "PAPER");
    body.put("details", "第三者提供の記録");
    return body;
  }

  private ResponseEntity<String> submit(Map<String, Object> body, String key) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return rest.exchange("/api/requests", HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers),
        String.class);
  }

  private ResponseEntity<String> upload(String reference, String token, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set("X-Status-Token", token);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "record.pdf";
      }
    });
    return rest.exchange("/api/requests/{reference}/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class, reference);
  }
}
