package jp.madoguchi.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.madoguchi.support.DeskTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two members of staff complete the same task: the first completion to commit wins, the other is told in words that
 * someone else was quicker (409), and a task that is already gone is "not found" (404), not the engine's 500; neither
 * is an error in the log.
 */
@DeskTest
class TaskCompletedTwiceThroughRestTest {

  static final String PROCESS = "test-task-completed-meanwhile";
  static final String COMPLETION =
      "{\"variables\": {\"requestFormComplete\": {\"value\": true, \"type\": \"Boolean\"}}}";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  final ObjectMapper json = new ObjectMapper();
  String deployment;

  /** Holds the first completion in its task's complete listener until the test lets it go on. */
  public static class HoldTheFirstCompletion implements TaskListener {
    static volatile AtomicBoolean first;
    static volatile CountDownLatch entered;
    static volatile CountDownLatch release;

    static void reset() {
      first = new AtomicBoolean(true);
      entered = new CountDownLatch(1);
      release = new CountDownLatch(1);
    }

    @Override
    public void notify(DelegateTask task) {
      if (first.getAndSet(false)) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Every event logged at ERROR meanwhile, by any logger (the engine's context logs ENGINE-16004 at ERROR). */
  final ListAppender<ILoggingEvent> errors = new ListAppender<>();

  @BeforeEach
  void holdNothingYet() {
    HoldTheFirstCompletion.reset();
    // logback's own filter: only ERROR and above reach the list
    ThresholdFilter errorsOnly = new ThresholdFilter();
    errorsOnly.setLevel(Level.ERROR.toString());
    errorsOnly.start();
    errors.addFilter(errorsOnly);
    errors.start();
    root().addAppender(errors);
  }

  @AfterEach
  void undeploy() {
    root().detachAppender(errors);
    HoldTheFirstCompletion.release.countDown();
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void theSecondOfTwoCompletionsAtOnceIsToldSomeoneElseWasQuicker() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Check").camundaCandidateGroups(DeskGroups.PRIVACY_DESK)
        .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, HoldTheFirstCompletion.class)
        .endEvent().done();
    deployment = engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model)
        .deploy().getId();
    String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    // the first member of staff: held in the task's complete listener, its transaction not yet written
    CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(() -> complete("desk", task));
    assertThat(HoldTheFirstCompletion.entered.await(30, TimeUnit.SECONDS)).isTrue();
    // the second completes the same task meanwhile, and commits first
    ResponseEntity<String> second = complete("manager", task);
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    HoldTheFirstCompletion.release.countDown();

    ResponseEntity<String> late = first.get(60, TimeUnit.SECONDS);
    assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = json.readTree(late.getBody());
    assertThat(body.get("type").asText()).isEqualTo("OptimisticLockingException");
    assertThat(body.get("message").asText()).isEqualTo(EngineRestConfiguration.TaskGoneMeanwhile.CHANGED_MEANWHILE)
        .contains("ほかの担当者", "someone else");
    assertThat(body.get("code").asInt()).isEqualTo(1);
    // the one completion that counts: the task done once, the process ended
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).finished().count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();

    // completing it once more: the task is gone
    ResponseEntity<String> again = complete("desk", task);
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(again.getBody()).get("message").asText())
        .isEqualTo(EngineRestConfiguration.TaskGoneMeanwhile.GONE);
    // a conflict is not an error: nothing logged at ERROR (the engine's context logs a concurrent change at DEBUG)
    assertThat(errors.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }

  @Test
  void otherErrorsOfACompletionKeepCamundasAnswer() throws Exception {
    // a form submitted with a value the engine cannot read: Camunda's 400 and its own words, unchanged
    String unknownType = "{\"variables\": {\"x\": {\"value\": \"1\", \"type\": \"NoSuchType\"}}}";
    ResponseEntity<String> response = rest.withBasicAuth("desk", "desk-demo-2026").postForEntity(
        "/engine-rest/task/" + UUID.randomUUID() + "/complete", jsonEntity(unknownType), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText()).contains("NoSuchType")
        .doesNotContain("someone else");
    // and an error that is not about a completion passes through the desk's mapper as Camunda answers it
    var mapper = new EngineRestConfiguration.TaskGoneMeanwhile();
    assertThat(mapper.toResponse(new RestException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY, "other"))
        .getStatus()).isEqualTo(502);
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  ResponseEntity<String> complete(String user, String task) {
    return rest.withBasicAuth(user, user + "-demo-2026").postForEntity("/engine-rest/task/" + task + "/complete",
        jsonEntity(COMPLETION), String.class);
  }

  static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
