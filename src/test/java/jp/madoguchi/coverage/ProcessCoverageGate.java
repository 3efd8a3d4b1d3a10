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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's process test coverage gate, run by Maven after the tests: merges the coverage reports of all test
 * classes and fails when any executable process in {@code processes/} has less than the minimum share of its flow
 * nodes and sequence flows covered.
 *
 * <p>Arguments: the reports folder, the models folder, the minimum (e.g. {@code 0.9}).
 */
public final class ProcessCoverageGate {

  private static final Pattern EXECUTABLE_PROCESS =
      Pattern.compile("<bpmn:process\\s[^>]*id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path models = Path.of(args[1]);
    double minimum = Double.parseDouble(args[2]);

    Map<String, Integer> totals = new HashMap<>();
    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        JsonNode root = json.readTree(report.toFile());
        for (JsonNode model : root.path("models")) {
          totals.put(model.path("key").asText(), model.path("totalElementCount").asInt());
        }
        for (JsonNode suite : root.path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }

    Map<String, Double> coverage = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (String process : executableProcesses(models)) {
      Integer total = totals.get(process);
      double share = total == null || total == 0
          ? 0
          : (double) covered.getOrDefault(process, Set.of()).size() / total;
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

  private static List<String> executableProcesses(Path models) throws IOException {
    List<String> processes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(models)) {
      for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = EXECUTABLE_PROCESS.matcher(Files.readString(bpmn));
        while (matcher.find()) {
          processes.add(matcher.group(1));
        }
      }
    }
    return processes;
  }

  private ProcessCoverageGate() {}
}
