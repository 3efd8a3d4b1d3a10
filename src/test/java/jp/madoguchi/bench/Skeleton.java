package jp.madoguchi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.impl.ModelInstanceImpl;
import org.camunda.bpm.model.xml.impl.util.ModelUtil;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The skeleton of our models, derived when the benchmark runs from {@code processes/*.bpmn} (no copy is kept): the
 * same processes, call activities, gateways, timers, decisions, asynchronous points and user tasks, deployed under
 * other keys ({@value #KEY_PREFIX}...), with every delegate, listener and bean expression of ours replaced by
 * {@link SkeletonStub}, which does nothing but give the model what it needs to take the same path: fixed dates for
 * timers and due dates, fixed routing values. No letter is composed, nothing is written to our tables.
 *
 * <p>What counts as "ours" is found, not listed: an expression naming a bean of the application context
 * ({@code ${sendLetterDelegate}}, {@code ${deadlineService.targetDueDate(requestId)}}), or a class of
 * {@code jp.madoguchi}. Expressions over process variables only ({@code ${feeAmount > 0}},
 * {@code ${execution.setVariable('feeOutcome', 'NOT_REQUIRED')}}) are the model's own and stay. A bean expression in
 * a place the skeleton does not know how to stub fails the derivation, so that a new kind of use is noticed rather
 * than measured as engine cost.
 *
 * <p>The engine plugins' listeners on every user task (task presentation, case notes; ADR 0010, 0014) are ours too,
 * but they are put there by the engine's configuration, which the skeleton shares. They act on a request's
 * {@code requestId} and {@code reference}; the skeleton carries the same values under other names
 * ({@value #RENAMED_PREFIX}...), so that those listeners find no request and return at once. The candidate-group guard
 * (an authorization check) runs for both.
 */
final class Skeleton {

  static final String KEY_PREFIX = "skeleton-";
  static final String RENAMED_PREFIX = "skeleton_";
  /** The variables the engine plugins' task listeners act on: carried under other names in the skeleton. */
  static final Set<String> RENAMED_VARIABLES = Set.of("requestId", "reference");
  static final String STUB = "${" + SkeletonStub.BEAN + "}";
  static final String NO_SYSTEMS_TO_SEARCH = "${" + SkeletonStub.BEAN + ".systemsToSearch()}";

  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final List<String> DELEGATE_ATTRIBUTES = List.of("delegateExpression", "expression", "class");

  private final Predicate<String> isOurBean;
  private final String fixedDate;
  /** What was replaced, by kind, for the report. */
  private final Map<String, Integer> replaced = new TreeMap<>();

  private Skeleton(Predicate<String> isOurBean, String fixedDate) {
    this.isOurBean = isOurBean;
    this.fixedDate = fixedDate;
  }

  /** The skeleton models by resource name, derived from the {@code .bpmn} files of {@code processes}. */
  record Derived(Map<String, BpmnModelInstance> models, Map<String, Integer> replaced, Set<String> processKeys) {}

  static Derived derive(Path processes, Predicate<String> isOurBean, String fixedDate) {
    Skeleton skeleton = new Skeleton(isOurBean, fixedDate);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> bpmn = Files.newDirectoryStream(processes, "*.bpmn")) {
      bpmn.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    Set<String> ourKeys = new java.util.TreeSet<>();
    Map<String, BpmnModelInstance> read = new LinkedHashMap<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        model.getModelElementsByType(Process.class).forEach(process -> ourKeys.add(process.getId()));
        read.put(file.getFileName().toString(), model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, BpmnModelInstance> derived = new LinkedHashMap<>();
    for (Map.Entry<String, BpmnModelInstance> entry : read.entrySet()) {
      derived.put(KEY_PREFIX + entry.getKey(), skeleton.strip(entry.getValue(), ourKeys));
    }
    Set<String> skeletonKeys = new java.util.TreeSet<>();
    ourKeys.forEach(key -> skeletonKeys.add(KEY_PREFIX + key));
    return new Derived(derived, skeleton.replaced, skeletonKeys);
  }

  private BpmnModelInstance strip(BpmnModelInstance model, Set<String> ourKeys) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      process.setId(KEY_PREFIX + process.getId());
      process.setName("Skeleton: " + process.getName());
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (ourKeys.contains(call.getCalledElement())) {
        call.setCalledElement(KEY_PREFIX + call.getCalledElement());
      } else if (call.getCalledElement() != null && call.getCalledElement().startsWith("${owningGroupAccess.")) {
        // an owning group's copy, chosen when the call is made (ADR 0037): the skeleton calls the model copied
        String template = call.getCalledElement().contains("searchByHand")
            ? jp.madoguchi.security.OwningGroupModels.SEARCH_BY_HAND
            : jp.madoguchi.security.OwningGroupModels.ACTION_BY_HAND;
        call.setCalledElement(KEY_PREFIX + template);
      }
    }
    walk(model, model.getDocumentElement());
    Bpmn.validateModel(model);
    return model;
  }

  private void walk(BpmnModelInstance model, ModelElementInstance element) {
    stripAttributes(element);
    stripText(element);
    for (DomElement child : element.getDomElement().getChildElements()) {
      walk(model, ModelUtil.getModelElement(child, (ModelInstanceImpl) model));
    }
  }

  private void stripAttributes(ModelElementInstance element) {
    String type = element.getElementType().getTypeName();
    for (String attribute : DELEGATE_ATTRIBUTES) {
      String value = element.getAttributeValueNs(CAMUNDA, attribute);
      if (value != null && (attribute.equals("class") ? value.startsWith("jp.madoguchi.") : namesOurBean(value))) {
        DELEGATE_ATTRIBUTES.forEach(each -> element.removeAttributeNs(CAMUNDA, each));
        element.setAttributeValueNs(CAMUNDA, "delegateExpression", STUB);
        count(type + " " + attribute + " -> stub");
      }
    }
    // a bean's value in an attribute of the engine's: dates, groups, collections
    for (String attribute : List.of("dueDate", "followUpDate", "candidateGroups", "candidateUsers", "assignee",
        "collection", "topic", "calledElementVersion", "resultVariable", "decisionRefVersion")) {
      String value = element.getAttributeValueNs(CAMUNDA, attribute);
      if (value == null || !namesOurBean(value)) {
        continue;
      }
      String replacement = switch (attribute) {
        case "dueDate", "followUpDate" -> fixedDate;
        case "candidateGroups" -> "${deskGroup}";
        case "collection" -> NO_SYSTEMS_TO_SEARCH;
        default -> throw new IllegalStateException("the skeleton cannot stub camunda:" + attribute + "=\"" + value
            + "\" of " + element.getAttributeValue("id") + ": teach it");
      };
      element.setAttributeValueNs(CAMUNDA, attribute, replacement);
      count(type + " camunda:" + attribute + " -> " + (replacement.equals(fixedDate) ? "fixed date" : replacement));
    }
    // the request's identity, which our engine plugins' task listeners act on, under other names
    if (type.equals("in") || type.equals("out")) {
      for (String attribute : List.of("source", "target")) {
        String value = element.getAttributeValue(attribute);
        if (value != null && RENAMED_VARIABLES.contains(value)) {
          element.setAttributeValue(attribute, RENAMED_PREFIX + value);
        }
      }
    }
  }

  private void stripText(ModelElementInstance element) {
    if (!element.getDomElement().getChildElements().isEmpty()) {
      return;
    }
    String text = element.getTextContent();
    if (text == null || !namesOurBean(text)) {
      return;
    }
    String type = element.getElementType().getTypeName();
    switch (type) {
      case "timeDate" -> element.setTextContent(fixedDate);
      default -> throw new IllegalStateException("the skeleton cannot stub <" + type + ">" + text.strip() + ": teach it");
    }
    count(type + " -> fixed date");
  }

  /** Whether an expression names a bean of the application: our code, which the skeleton replaces. */
  boolean namesOurBean(String value) {
    Matcher expression = EXPRESSION.matcher(value);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
      while (identifier.find()) {
        if (isOurBean.test(identifier.group(1))) {
          return true;
        }
      }
    }
    return false;
  }

  private void count(String what) {
    replaced.merge(what, 1, Integer::sum);
  }
}
