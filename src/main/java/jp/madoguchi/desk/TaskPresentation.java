package jp.madoguchi.desk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import jp.madoguchi.calendar.DeskCalendar;
import jp.madoguchi.engine.EveryUserTask;
import jp.madoguchi.process.RequestFacts;
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
  private static final int MAX_NAME = 255;

  private final DeskCalendar calendar;

  TaskPresentation(@Lazy DeskCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.afterEngine(configuration, TaskListener.EVENTNAME_CREATE, this);
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = RequestFacts.REFERENCE.get(task);
    if (reference == null) {
      return;
    }
    String type = RequestFacts.REQUEST_TYPE.get(task);
    String typeLabel = type == null ? "苦情・相談 / Complaint" : TYPE_LABELS.getOrDefault(type, type);
    String step = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    String shortType = typeLabel.substring(0, typeLabel.indexOf(" /") > 0 ? typeLabel.indexOf(" /") : typeLabel.length());
    task.setName(limit(step + " - " + reference + " (" + shortType + ")"));
    task.setDescription(description(task, reference, typeLabel));
  }

  private String description(DelegateTask task, String reference, String typeLabel) {
    ZoneId zone = calendar.timeZone();
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    Date due = task.getDueDate();
    String kind = "SPECIFIC".equals(RequestFacts.PERSONAL_INFORMATION_KIND.get(task))
        ? "特定個人情報(マイナンバー) / Specific personal information (My Number)"
        : "個人情報 / Personal information";
    return String.join("\n",
        "受付番号 / Reference: " + reference,
        "種別 / Type: " + typeLabel,
        "情報の区分 / Kind: " + kind,
        "到着日 / Arrived: " + nullToDash(RequestFacts.ARRIVED_ON.get(task)),
        "期限 / Due: " + (due == null ? "-" : format.format(due.toInstant()) + " (" + zone.getId() + ")"),
        "請求ファイル / Request file: /desk/requests/" + reference);
  }

  private static String nullToDash(String value) {
    return value == null ? "-" : value;
  }

  private static String limit(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
