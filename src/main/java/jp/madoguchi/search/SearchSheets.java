package jp.madoguchi.search;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.connector.ConnectorVariables;
import jp.madoguchi.inventory.HoldingSystem;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.security.DeskGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search sheet of one system for one request: the identifiers the owning group needs to search (and nothing
 * else of the request), each view written to the request's history, and the group's finding, which completes its
 * search task. Open to the members of the system's owning group and to the desk; a My Number request only to an
 * entitled owning group and the entitled desk (ADR 0028).
 */
@Service
public class SearchSheets {

  /** The element variable of the multi-instance search task: the code of the system to search. */
  public static final String SYSTEM_CODE = "systemCode";
  /** The search task's id in the model. */
  public static final String SEARCH_TASK = "Task_SearchSystem";
  /** The owning group's "Carry out in X" task's id in the model (ADR 0034). */
  static final String ACT_TASK = "Task_ActOnSystemByHand";

  static final String VIEWED = "SEARCH_SHEET_VIEWED";
  /** The decider's reasons for what a decision does not grant, a note of the register (form {@code decide-on-request}). */
  private static final String REFUSAL_REASONS = "refusalReasons";
  static final String RECORDED = "SEARCH_FINDING_RECORDED";

  private final RequestRegister requests;
  private final SystemSearches searches;
  private final TaskService tasks;

  SearchSheets(RequestRegister requests, SystemSearches searches, TaskService tasks) {
    this.requests = requests;
    this.searches = searches;
    this.tasks = tasks;
  }

  /** The identifiers to search with, as the request gives them (the person whose data is sought). */
  public record Identifiers(String name, String nameKana, java.time.LocalDate birthDate, String email,
      String phone) {}

  /**
   * The approved action the owning group is to carry out in this system while its "Carry out in X" task is open
   * (ADR 0034): the measure, what the requester asked for (what to correct, which data), and for a decision in part
   * what is not carried out and why, as the decider wrote it. The group cannot open the request file; this is what
   * they need of it.
   *
   * @param action ERASURE, CORRECTION or SUSPENSION
   */
  public record ActionToCarryOut(String action, boolean inPart, String requested, String notCarriedOut) {}

  /** What the sheet shows; {@code action} only while the system's "Carry out in X" task is open. */
  public record Sheet(String reference, HoldingSystem system, Identifiers identifiers,
      SystemSearches.SystemRow row, ActionToCarryOut action) {}

  /** The step's name; the desk's task presentation adds the reference and type ("... - MDG-2026-000123 (開示)"). */
  static String taskName(HoldingSystem system, String reference) {
    return "「" + system.nameJa() + "」を検索 / Search " + system.nameEn();
  }

  /** Opens the sheet (the view is recorded); empty when the request, the system or the right to see it is not there. */
  @Transactional
  public Optional<Sheet> open(String reference, String systemCode, String userId, Collection<String> groups) {
    return allowed(reference, systemCode, groups).map(request -> {
      requests.recordEvent(request.id(), userId, VIEWED, systemCode);
      DeskRequest.Party person = request.principal();
      return new Sheet(request.reference(), searches.system(systemCode).orElseThrow(),
          new Identifiers(person.name(), person.nameKana(), person.birthDate(), person.email(), person.phone()),
          row(request.id(), systemCode), actionToCarryOut(request, systemCode));
    });
  }

  /** Records the owning group's finding and completes its open search task for this system, if any. */
  @Transactional
  public boolean record(String reference, String systemCode, boolean found, String finding, String userId,
      Collection<String> groups) {
    Optional<DeskRequest> allowed = allowed(reference, systemCode, groups);
    allowed.ifPresent(request -> {
      searches.recordFinding(request.id(), systemCode, found, finding, userId);
      requests.recordEvent(request.id(), userId, RECORDED, systemCode + (found ? " found" : " not found"));
      for (Task task : tasks.createTaskQuery().taskDefinitionKey(SEARCH_TASK)
          .processInstanceBusinessKey(request.reference()).list()) {
        if (systemCode.equals(tasks.getVariable(task.getId(), SYSTEM_CODE))) {
          tasks.complete(task.getId());
        }
      }
    });
    return allowed.isPresent();
  }

  private ActionToCarryOut actionToCarryOut(DeskRequest request, String systemCode) {
    for (Task task : tasks.createTaskQuery().taskDefinitionKey(ACT_TASK)
        .processInstanceBusinessKey(request.reference()).list()) {
      if (systemCode.equals(tasks.getVariable(task.getId(), SYSTEM_CODE))) {
        String action = (String) tasks.getVariable(task.getId(), ConnectorVariables.CONNECTOR_ACTION.name());
        boolean inPart = Boolean.TRUE.equals(tasks.getVariable(task.getId(),
            ConnectorVariables.ACTION_IN_PART.name()));
        return new ActionToCarryOut(action, inPart, request.details(),
            inPart ? requests.latestNote(request.id(), REFUSAL_REASONS).orElse(null) : null);
      }
    }
    return null;
  }

  private SystemSearches.SystemRow row(long requestId, String systemCode) {
    List<SystemSearches.SystemRow> rows = searches.plan(requestId).systems();
    return rows.stream().filter(r -> r.code().equals(systemCode)).findFirst().orElse(null);
  }

  private Optional<DeskRequest> allowed(String reference, String systemCode, Collection<String> groups) {
    Optional<HoldingSystem> system = searches.system(systemCode);
    if (system.isEmpty()) {
      return Optional.empty();
    }
    return requests.findByReference(reference).filter(request -> {
      SystemSearches.SystemRow row = row(request.id(), systemCode);
      if (row == null || row.removed()) {
        return false;
      }
      boolean specific = request.personalInformationKind() == PersonalInformationKind.SPECIFIC;
      boolean desk = specific
          ? groups.contains(DeskGroups.PRIVACY_DESK_SPECIFIC) || groups.contains(DeskGroups.PRIVACY_MANAGERS)
          : DeskGroups.REQUEST_STAFF.stream().anyMatch(groups::contains);
      boolean owner = groups.contains(system.get().owningGroup())
          && (!specific || system.get().specificInformationEntitled());
      return desk || owner;
    });
  }
}
