package jp.madoguchi.designer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The checks a model must pass before the desk runs it. Each problem names the process and the element, so that a
 * broken model fails the build with a message a designer can act on.
 */
final class ModelChecks {

  /** What every called process of the desk reads: task names and forms, deadlines, the register's request. */
  static final List<String> REQUEST_FACTS = List.of("requestId", "reference", "requestType",
      "personalInformationKind", "requesterKind", "disclosureMethod", "deskGroup", "arrivedOn", "targetDueDate");

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");
  /** A called element chosen by a bean when the call is made: {@code ${bean.method(execution)}}. */
  private static final Pattern CHOSEN_MODEL = Pattern.compile("^\\$\\{(\\w+)\\.\\w+\\(execution\\)}$");

  /** What the running application offers a model. */
  record Environment(Predicate<String> beanExists, Set<String> decisionKeys, Set<String> processKeys,
      Set<String> formIds) {}

  static List<String> check(BpmnModelInstance model, Environment environment) {
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      String where = process.getId() + "/";
      if (process.getCamundaHistoryTimeToLiveString() == null
          || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(where + process.getId() + ": no history time-to-live (camunda:historyTimeToLive)");
      }
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        bean(task.getCamundaDelegateExpression(), where + task.getId(), environment, problems);
        if (task.getCamundaClass() != null) {
          problems.add(where + task.getId() + ": camunda:class is not used here; use a delegate expression");
        }
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        bean(listener.getCamundaDelegateExpression(), where + owner(listener), environment, problems);
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        bean(listener.getCamundaDelegateExpression(), where + owner(listener), environment, problems);
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (!environment.decisionKeys().contains(task.getCamundaDecisionRef())) {
          problems.add(where + task.getId() + ": decisionRef '" + task.getCamundaDecisionRef()
              + "' is no deployed decision");
        }
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        java.util.regex.Matcher chosen = CHOSEN_MODEL.matcher(call.getCalledElement() == null ? ""
            : call.getCalledElement());
        if (chosen.matches()) {
          // the model chosen when the call is made (an owning group's copy, ADR 0037): its bean must exist
          if (!environment.beanExists().test(chosen.group(1))) {
            problems.add(where + call.getId() + ": calledElement '" + call.getCalledElement()
                + "' names no bean of the desk");
          }
        } else if (!environment.processKeys().contains(call.getCalledElement())) {
          problems.add(where + call.getId() + ": calledElement '" + call.getCalledElement()
              + "' is no deployed process");
        }
        List<CamundaIn> ins = call.getExtensionElements() == null ? List.of()
            : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        if (ins.stream().anyMatch(in -> "all".equals(in.getCamundaVariables()))) {
          problems.add(where + call.getId() + ": passes all variables (camunda:in variables=\"all\"); pass the "
              + "request's facts and what the called process reads, one camunda:in each");
        }
        Set<String> passed = ins.stream().map(CamundaIn::getCamundaTarget).filter(Objects::nonNull)
            .collect(Collectors.toSet());
        List<String> missing = REQUEST_FACTS.stream().filter(fact -> !passed.contains(fact)).toList();
        if (!missing.isEmpty()) {
          problems.add(where + call.getId() + ": does not pass the request's facts " + missing
              + " (tasks, forms and letters of the called process need them)");
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null && task.getCamundaFormKey() == null) {
          problems.add(where + task.getId() + ": user task without a form");
        } else if (formRef != null && !environment.formIds().contains(formRef)) {
          problems.add(where + task.getId() + ": formRef '" + formRef + "' is no form in forms/");
        }
        if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
          problems.add(where + task.getId() + ": user task without a candidate group");
        }
      }
      labelled(model.getModelElementsByType(Task.class), where, problems);
      labelled(model.getModelElementsByType(CallActivity.class), where, problems);
      labelled(model.getModelElementsByType(SubProcess.class), where, problems);
      labelled(model.getModelElementsByType(StartEvent.class), where, problems);
      labelled(model.getModelElementsByType(EndEvent.class), where, problems);
      labelled(model.getModelElementsByType(BoundaryEvent.class), where, problems);
      labelled(model.getModelElementsByType(ExclusiveGateway.class).stream()
          .filter(gateway -> gateway.getOutgoing().size() > 1).toList(), where, problems);
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getConditionExpression() != null && blank(flow.getName())) {
          problems.add(where + flow.getId() + ": a conditional flow needs a label saying when it is taken");
        }
      }
    }
    return problems;
  }

  private static void bean(String expression, String where, Environment environment, List<String> problems) {
    if (expression == null) {
      return;
    }
    Matcher matcher = BEAN_EXPRESSION.matcher(expression.trim());
    if (!matcher.matches()) {
      problems.add(where + ": delegate expression " + expression + " is not of the form ${beanName}");
    } else if (!environment.beanExists().test(matcher.group(1))) {
      problems.add(where + ": delegate expression names '" + matcher.group(1) + "', which is no bean");
    }
  }

  /** A listener sits in the extension elements of the element it listens to. */
  private static String owner(ModelElementInstance listener) {
    ModelElementInstance element = listener.getParentElement().getParentElement();
    return element instanceof BaseElement base ? base.getId() : "?";
  }

  private static void labelled(Collection<? extends FlowNode> nodes, String where, List<String> problems) {
    for (FlowNode node : nodes) {
      if (blank(node.getName())) {
        problems.add(where + node.getId() + ": no label (name) for people to read");
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private ModelChecks() {}
}
