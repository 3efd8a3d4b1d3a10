package jp.madoguchi.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * The build's process test coverage gate, run by Maven after the tests: merges the coverage reports of all test
 * classes and fails when any executable process in {@code processes/} has less than the minimum share of its flow
 * nodes and sequence flows covered.
 *
 * <p>Arguments: the reports folder, the models folder, the minimum (e.g. {@code 0.9}).
 */
public final class ProcessCoverageGate {

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path models = Path.of(args[1]);
    double minimum = Double.parseDouble(args[2]);

    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        JsonNode root = json.readTree(report.toFile());
        for (JsonNode suite : root.path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(shippedKey(event.path("modelKey").asText()), k -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }

    Map<String, Double> coverage = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Set<String>> shipped : shippedElements(models).entrySet()) {
      String process = shipped.getKey();
      Set<String> reached = new HashSet<>(covered.getOrDefault(process, Set.of()));
      // tests may run changed versions of a model (a designer's change): only the shipped elements count
      reached.retainAll(shipped.getValue());
      double share = shipped.getValue().isEmpty() ? 1 : (double) reached.size() / shipped.getValue().size();
      coverage.put(process, share);
      if (share < minimum) {
        failures.add("%s: %.1f%% of flow nodes and sequence flows covered, %.0f%% required"
            .formatted(process, share * 100, minimum * 100));
      }
    }
    coverage.forEach((process, share) ->
        System.out.printf("process test coverage %-28s %5.1f%%%n", process, share * 100));
    if (!failures.isEmpty()) {
      throw new IllegalStateException("Process test coverage too low:\n  " + String.join("\n  ", failures));
    }
  }

  /**
   * The shipped model a run belongs to: an owning group's copy of a model ({@code system-search-by-hand--group},
   * deployed by the application, ADR 0037) counts for the model it copies.
   */
  static String shippedKey(String modelKey) {
    for (String template : jp.madoguchi.security.OwningGroupModels.TEMPLATES) {
      if (modelKey.startsWith(template + "--")) {
        return template;
      }
    }
    return modelKey;
  }

  /** Flow nodes and sequence flows of every executable process in the models folder, by process key. */
  private static Map<String, Set<String>> shippedElements(Path models) throws IOException {
    Map<String, Set<String>> elements = new TreeMap<>();
    try (Stream<Path> files = Files.walk(models)) {
      for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (!process.isExecutable()) {
            continue;
          }
          Set<String> ids = new HashSet<>();
          for (FlowElement element : process.getChildElementsByType(FlowElement.class)) {
            collect(element, ids);
          }
          elements.put(process.getId(), ids);
        }
      }
    }
    return elements;
  }

  private static void collect(FlowElement element, Set<String> ids) {
    if (element instanceof FlowNode || element instanceof SequenceFlow) {
      ids.add(element.getId());
    }
    if (element instanceof SubProcess subProcess) {
      for (FlowElement child : subProcess.getFlowElements()) {
        collect(child, ids);
      }
    }
  }

  private ProcessCoverageGate() {}
}
