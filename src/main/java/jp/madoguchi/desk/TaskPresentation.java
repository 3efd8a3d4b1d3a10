package jp.madoguchi.desk;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.calendar.DeskDates;
import jp.madoguchi.engine.EveryUserTask;
import jp.madoguchi.handling.PersonalDataRequestProcess;
import jp.madoguchi.process.ProcessVariable;
import jp.madoguchi.process.RequestFacts;
import jp.madoguchi.request.RegisterWords;
import jp.madoguchi.requester.AwaitRequesterProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Names every task after its step and its request, e.g. "本人確認 / Verify identity - MDG-2026-000123 (開示)", and
 * describes the request in the task's description, so that a task list says which request a task belongs to.
 * Designers need not do anything: a parse listener adds this to every user task.
 *
 * <p>Tasklist shows one text to every viewer and the forms show variables as they are, so the task also gets
 * display-only variables of its own (task-local, see {@link Display}): the codes and ISO dates of the request put
 * into words and dates as Japanese offices write them, in Japanese and English ("日本語 / English"). They hold no
 * personal data, only words for the request's codes and dates, and the forms and the Tasklist's columns show them
 * instead of the raw values, which keep their meaning for the models and integrators.
 */
@Component
class TaskPresentation extends AbstractProcessEnginePlugin implements TaskListener {

  static final Map<String, String> TYPE_LABELS = Map.of(
      "PURPOSE_NOTIFICATION", "利用目的の通知 / Purpose notification",
      "DISCLOSURE", "開示 / Disclosure",
      "THIRD_PARTY_RECORDS_DISCLOSURE", "第三者提供記録の開示 / Third-party records",
      "CORRECTION", "訂正等 / Correction",
      "SUSPENSION_OF_USE", "利用停止等 / Suspension of use",
      "SUSPENSION_OF_THIRD_PARTY_PROVISION", "第三者提供の停止 / Suspension of provision");
  static final String COMPLAINT_LABEL = "苦情・相談 / Complaint";
  private static final int MAX_NAME = 255;

  /** The display-only variables every task of a request carries (task-local; a contract addition, see docs). */
  static final class Display {
    static final ProcessVariable<String> REQUEST_TYPE_LABEL = ProcessVariable.string("requestTypeLabel");
    static final ProcessVariable<String> ARRIVED_ON_TEXT = ProcessVariable.string("arrivedOnText");
    static final ProcessVariable<String> TARGET_DUE_DATE_TEXT = ProcessVariable.string("targetDueDateText");
    static final ProcessVariable<String> ART39_DATE_TEXT = ProcessVariable.string("art39DateText");
    static final ProcessVariable<String> REQUESTER_KIND_LABEL = ProcessVariable.string("requesterKindLabel");
    static final ProcessVariable<String> DECISION_LABEL = ProcessVariable.string("decisionLabel");
    static final ProcessVariable<String> REFUSAL_GROUNDS_LABEL = ProcessVariable.string("refusalGroundsLabel");
    static final ProcessVariable<String> AWAITED_LETTER_LABEL = ProcessVariable.string("awaitedLetterLabel");

    static final List<ProcessVariable<String>> ALL = List.of(REQUEST_TYPE_LABEL, ARRIVED_ON_TEXT,
        TARGET_DUE_DATE_TEXT, ART39_DATE_TEXT, REQUESTER_KIND_LABEL, DECISION_LABEL, REFUSAL_GROUNDS_LABEL,
        AWAITED_LETTER_LABEL);

    /** Their names: the engine's history leaves them out ({@link VariableValuesWithoutTrail}, ADR 0046). */
    static final Set<String> NAMES = ALL.stream().map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());

    private Display() {}
  }

  private final DeskDates dates;
  private final RegisterWords words;

  TaskPresentation(@Lazy DeskDates dates, @Lazy RegisterWords words) {
    this.dates = dates;
    this.words = words;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.afterEngine(configuration, TaskListener.EVENTNAME_CREATE, this);
    // the SLA clock moves the target deadline of open tasks when a wait for the requester ends (a task update)
    EveryUserTask.afterEngine(configuration, TaskListener.EVENTNAME_UPDATE, this);
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = RequestFacts.REFERENCE.get(task);
    if (reference == null) {
      return;
    }
    String typeLabel = typeLabel(RequestFacts.REQUEST_TYPE.get(task));
    if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())) {
      // the words follow a moved target; a task created before the desk set them gets them now; the name stays
      displayVariables(task, typeLabel).forEach((variable, value) -> setLocal(task, variable, value));
      return;
    }
    String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    String shortType = typeLabel.substring(0, typeLabel.indexOf(" /") > 0 ? typeLabel.indexOf(" /") : typeLabel.length());
    task.setName(limit(step + " - " + reference + " (" + shortType + ")"));
    task.setDescription(description(task, reference, typeLabel));
    displayVariables(task, typeLabel).forEach((variable, value) -> setLocal(task, variable, value));
  }

  /** The words for the request's codes and dates, as the forms and the Tasklist's columns show them. */
  Map<ProcessVariable<String>, String> displayVariables(DelegateTask task, String typeLabel) {
    Map<ProcessVariable<String>, String> display = new LinkedHashMap<>();
    display.put(Display.REQUEST_TYPE_LABEL, typeLabel);
    display.put(Display.ARRIVED_ON_TEXT, dates.dateBoth(RequestFacts.ARRIVED_ON.get(task)));
    display.put(Display.TARGET_DUE_DATE_TEXT, dates.dateTimeBoth(RequestFacts.TARGET_DUE_DATE.get(task)));
    display.put(Display.ART39_DATE_TEXT, dates.dateBoth(RequestFacts.ART39_DATE.get(task)));
    display.put(Display.REQUESTER_KIND_LABEL,
        words.labelBoth("words.requesterKind.", RequestFacts.REQUESTER_KIND.get(task)));
    display.put(Display.DECISION_LABEL,
        words.labelBoth("words.decision.", PersonalDataRequestProcess.Variables.DECISION.get(task)));
    List<?> grounds = PersonalDataRequestProcess.Variables.REFUSAL_GROUNDS.get(task);
    display.put(Display.REFUSAL_GROUNDS_LABEL, grounds == null || grounds.isEmpty() ? null
        : grounds.stream().map(ground -> words.labelBoth("words.refusalGround.", String.valueOf(ground)))
            .collect(Collectors.joining("; ")));
    display.put(Display.AWAITED_LETTER_LABEL,
        words.labelBoth("letter.kind.", AwaitRequesterProcess.Variables.AWAITED_LETTER.get(task)));
    return display;
  }

  private String typeLabel(String type) {
    if (type == null) {
      return COMPLAINT_LABEL;
    }
    String label = TYPE_LABELS.get(type);
    return label != null ? label : words.labelBoth("intake.type.", type);
  }

  private String description(DelegateTask task, String reference, String typeLabel) {
    Date due = task.getDueDate();
    String kind = "SPECIFIC".equals(RequestFacts.PERSONAL_INFORMATION_KIND.get(task))
        ? "特定個人情報(マイナンバー) / Specific personal information (My Number)"
        : "個人情報 / Personal information";
    return String.join("\n",
        "受付番号 / Reference: " + reference,
        "種別 / Type: " + typeLabel,
        "情報の区分 / Kind: " + kind,
        "到着日 / Arrived: " + nullToDash(dates.dateBoth(RequestFacts.ARRIVED_ON.get(task))),
        "期限 / Due: " + nullToDash(dates.dateTimeBoth(due)),
        "請求ファイル / Request file: /desk/requests/" + reference);
  }

  private static void setLocal(DelegateTask task, ProcessVariable<String> variable, String value) {
    if (value != null) {
      task.setVariableLocal(variable.name(), value);
    }
  }

  private static String nullToDash(String value) {
    return value == null ? "-" : value;
  }

  private static String limit(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
