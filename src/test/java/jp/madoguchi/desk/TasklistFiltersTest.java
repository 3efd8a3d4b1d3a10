package jp.madoguchi.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.handling.RequestProcessStarter;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.support.DeskTest;
import jp.madoguchi.support.ProcessDriver;
import jp.madoguchi.support.TestRequests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What each group sees in Tasklist: its filters, and tasks that say which request they belong to. */
@DeskTest
class TasklistFiltersTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RequestRegister register;
  @Autowired RequestProcessStarter starter;
  @Autowired TasklistFilters tasklistFilters;

  @Test
  void everyStartKeepsOneFilterOfEachNameAndRemovesCopiesLeftBefore() {
    // a copy, as starts before the lookup by the task filters' resource type left them
    org.camunda.bpm.engine.filter.Filter copy =
        engine.getFilterService().newTaskFilter(TasklistFilters.filters().get(0).name());
    copy.setQuery(engine.getTaskService().createTaskQuery());
    engine.getFilterService().saveFilter(copy);

    tasklistFilters.postProcessEngineBuild(engine);
    tasklistFilters.postProcessEngineBuild(engine);

    for (TasklistFilters.DeskFilter filter : TasklistFilters.filters()) {
      assertThat(engine.getFilterService().createFilterQuery().filterName(filter.name()).count())
          .as(filter.name()).isEqualTo(1);
    }
  }

  @Test
  void theManagersFilterHoldsTheReviewsEscalatedToThemAndReplacesTheOldApprovalsFilter() {
    org.camunda.bpm.engine.filter.Filter old =
        engine.getFilterService().newTaskFilter(TasklistFilters.REPLACED_FILTERS.get(0));
    old.setQuery(engine.getTaskService().createTaskQuery());
    engine.getFilterService().saveFilter(old);
    org.camunda.bpm.engine.task.Task review = engine.getTaskService().newTask();
    review.setName("filters test: a review escalated to the managers");
    engine.getTaskService().saveTask(review);
    engine.getTaskService().addCandidateGroup(review.getId(), "privacy-managers");
    try {
      tasklistFilters.postProcessEngineBuild(engine);

      assertThat(engine.getFilterService().createFilterQuery()
          .filterName(TasklistFilters.REPLACED_FILTERS.get(0)).count()).isZero();
      String managers = engine.getFilterService().createFilterQuery().filterName("管理者のタスク / Managers' tasks")
          .singleResult().getId();
      assertThat(engine.getFilterService().<org.camunda.bpm.engine.task.Task>list(managers))
          .extracting(org.camunda.bpm.engine.task.Task::getId).contains(review.getId());
    } finally {
      engine.getTaskService().deleteTask(review.getId(), true);
    }
  }

  @Test
  void eachGroupSeesTheFiltersItNeeds() {
    assertThat(filterNames("desk", "desk-demo-2026")).containsExactly("自分のタスク / My tasks",
        "窓口の未処理タスク / Desk's open tasks", "2営業日以内に期限 / Due within 2 business days", "期限超過 / Overdue");
    assertThat(filterNames("manager", "manager-demo-2026")).contains("管理者のタスク / Managers' tasks")
        .doesNotContain("特定個人情報(マイナンバー) / My Number tasks");
    assertThat(filterNames("specialist", "specialist-demo-2026"))
        .contains("特定個人情報(マイナンバー) / My Number tasks")
        .doesNotContain("管理者のタスク / Managers' tasks");
  }

  @Test
  void theDesksFilterListsTheRequestsTasksNamedAfterStepReferenceAndType() {
    DeskRequest request = TestRequests.request(register).type(RequestType.DISCLOSURE).register();
    starter.start(request);
    new ProcessDriver(engine, request.reference()).runJobs();
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.reference())
        .singleResult();
    assertThat(task.getName()).isEqualTo("請求内容を確認 / Check the request - " + request.reference() + " (開示)");
    assertThat(task.getDescription()).contains("受付番号 / Reference: " + request.reference())
        .contains("到着日 / Arrived: 2026年12月1日(火) / Tue 1 December 2026").contains("/desk/requests/" + request.reference());

    TestRestTemplate desk = rest.withBasicAuth("desk", "desk-demo-2026");
    String open = filterId(desk, "窓口の未処理タスク / Desk's open tasks");
    ResponseEntity<List<Map<String, Object>>> listed = desk.exchange("/engine-rest/filter/{id}/list?maxResults=1000",
        HttpMethod.POST, new HttpEntity<>(Map.of()), new ParameterizedTypeReference<>() {}, open);

    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).extracting(t -> t.get("name")).contains(task.getName());
    // sorted by due date; where a task without one (left open by another test) goes depends on the database
    assertThat(listed.getBody()).extracting(t -> (String) t.get("due")).filteredOn(java.util.Objects::nonNull)
        .isNotEmpty().isSorted();
    for (String filter : List.of("2営業日以内に期限 / Due within 2 business days", "期限超過 / Overdue",
        "自分のタスク / My tasks")) {
      assertThat(desk.postForEntity("/engine-rest/filter/{id}/count", Map.of(), String.class,
          filterId(desk, filter)).getStatusCode()).as(filter).isEqualTo(HttpStatus.OK);
    }
    assertThat(PersonalDataRequestProcess.Elements.CHECK_REQUEST).isEqualTo(task.getTaskDefinitionKey());
  }

  private List<String> filterNames(String user, String password) {
    return filters(rest.withBasicAuth(user, password)).stream().map(f -> (String) f.get("name")).toList();
  }

  private String filterId(TestRestTemplate user, String name) {
    return filters(user).stream().filter(f -> name.equals(f.get("name"))).map(f -> (String) f.get("id"))
        .findFirst().orElseThrow();
  }

  private List<Map<String, Object>> filters(TestRestTemplate user) {
    ResponseEntity<List<Map<String, Object>>> filters = user.exchange("/engine-rest/filter?sortBy=name&sortOrder=asc",
        HttpMethod.GET, HttpEntity.EMPTY, new ParameterizedTypeReference<>() {});
    assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
    return filters.getBody().stream()
        .sorted(java.util.Comparator.comparing(f -> ((Number) ((Map<?, ?>) f.get("properties")).get("priority"))
            .intValue()))
        .toList();
  }
}
