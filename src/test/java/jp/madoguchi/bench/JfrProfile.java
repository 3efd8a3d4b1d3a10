package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of one phase (the JDK's {@code jdk.jfr} API: CPU samples of the threads running
 * Java code every 10 ms), read back with {@code jdk.jfr.consumer}: which frames of our own code the samples were in.
 * A sample counts for the frame of ours nearest its top (the code of ours that was running, or that called the
 * engine or library code that was): the desk's main code ({@code jp.madoguchi}), not the benchmark's driver.
 */
final class JfrProfile implements AutoCloseable {

  private final Recording recording = new Recording();
  private final Path file;

  private JfrProfile(Path file) {
    this.file = file;
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
    // what the JIT compiler did in the phase (a phase that still compiles measures the compiler too), for reading
    // the recording afterwards: each compilation and each time compiled code was thrown away
    recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
    recording.enable("jdk.Deoptimization");
    recording.setToDisk(true);
    recording.start();
  }

  /**
   * Starts recording. The JVM's first recording costs more than its samples: Flight Recorder redefines the JDK's
   * I/O and exception classes it instruments, and HotSpot (JDK 17) throws away every compiled method at a JVM's
   * first class redefinition. Seen in the intake (session 24, {@code jcmd Compiler.codecache}): the compiled code
   * fell from 10 to 1 MB and 2,000 methods queued for the compiler when the warm-up's profile began. A harness
   * starts its first recording before its warm-up, so that the warm-up compiles the code its phases run.
   */
  static JfrProfile start(Path file) {
    return new JfrProfile(file);
  }

  /**
   * The libraries a phase's CPU goes to beside the engine, each by the package prefixes of its classes. With the
   * desk's own features ({@code jp.madoguchi.<feature>}) they make up {@link Frames#parts()}.
   */
  static final Map<String, List<String>> LIBRARIES = Map.ofEntries(
      Map.entry("PDFBox, FontBox (the letters' and annexes' PDFs)",
          List.of("org.apache.pdfbox.", "org.apache.fontbox.")),
      Map.entry("Thymeleaf, SpEL (the letters' text)",
          List.of("org.thymeleaf.", "org.springframework.expression.")),
      Map.entry("Jakarta Mail (sending)", List.of("jakarta.mail.", "org.eclipse.angus.", "com.sun.mail.")),
      Map.entry("GreenMail (the benchmark's SMTP server, in this JVM)", List.of("com.icegreen.")),
      Map.entry("DMN, FEEL (the decisions)", List.of("org.camunda.bpm.dmn.", "org.camunda.feel.")),
      Map.entry("the engine's history", List.of("org.camunda.bpm.engine.impl.history.")),
      Map.entry("MyBatis (the engine's SQL)", List.of("org.apache.ibatis.")),
      Map.entry("PostgreSQL's JDBC driver", List.of("org.postgresql.")),
      Map.entry("Tomcat, Spring MVC (HTTP)", List.of("org.apache.catalina.", "org.apache.coyote.",
          "org.apache.tomcat.", "org.springframework.web.")),
      Map.entry("the benchmark's HTTP clients", List.of("jdk.internal.net.http.")),
      Map.entry("the benchmark's code (its driver; the bare endpoint)",
          List.of("jp.madoguchi.bench.", "jp.madoguchi.support.")));

  /**
   * The top frames of ours, with the samples counted, and the samples of each part: a library of {@link #LIBRARIES}
   * or a feature of ours ({@code ours: correspondence}), counted once for every sample with a frame of it anywhere on
   * its stack (inclusive: the parts overlap).
   */
  record Frames(long samples, long samplesInOurCode, List<Map.Entry<String, Long>> top, Map<String, Long> parts) {

    /** No samples: what {@link #plus} starts from. */
    static final Frames NONE = new Frames(0, 0, List.of(), Map.of());

    /**
     * These samples and another profile's as one (several rounds of one phase); to be read with every frame
     * ({@code stopAndRead(Integer.MAX_VALUE)}) and cut with {@link #top(int)} when all are in.
     */
    Frames plus(Frames other) {
      Map<String, Long> byFrame = new HashMap<>();
      top.forEach(frame -> byFrame.merge(frame.getKey(), frame.getValue(), Long::sum));
      other.top().forEach(frame -> byFrame.merge(frame.getKey(), frame.getValue(), Long::sum));
      Map<String, Long> allParts = new HashMap<>(parts);
      other.parts().forEach((part, count) -> allParts.merge(part, count, Long::sum));
      return new Frames(samples + other.samples(), samplesInOurCode + other.samplesInOurCode(),
          sorted(byFrame, Integer.MAX_VALUE), allParts);
    }

    /** The same samples with only the {@code count} frames of ours with the most. */
    Frames top(int count) {
      return new Frames(samples, samplesInOurCode, top.stream().limit(count).toList(), parts);
    }

    String percent(long count) {
      return String.format(Locale.ROOT, "%.1f%%", samples == 0 ? 0 : 100.0 * count / samples);
    }
  }

  Frames stopAndRead(int top) throws IOException {
    recording.stop();
    Files.createDirectories(file.toAbsolutePath().getParent());
    recording.dump(file);
    Map<String, Long> byFrame = new HashMap<>();
    Map<String, Long> parts = new HashMap<>();
    long samples = 0;
    long ours = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      samples++;
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null) {
        continue;
      }
      partsOf(stack).forEach(part -> parts.merge(part, 1L, Long::sum));
      for (RecordedFrame frame : stack.getFrames()) {
        if (!frame.isJavaFrame() || frame.getMethod() == null) {
          continue;
        }
        String type = frame.getMethod().getType().getName();
        if (isOurs(type)) {
          byFrame.merge(type.replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "") + "." + frame.getMethod().getName(), 1L,
              Long::sum);
          ours++;
          break;
        }
      }
    }
    return new Frames(samples, ours, sorted(byFrame, top), parts);
  }

  /** The frames with the most samples first, at most {@code top} of them. */
  static List<Map.Entry<String, Long>> sorted(Map<String, Long> byFrame, int top) {
    return byFrame.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
        .map(frame -> Map.entry(frame.getKey(), frame.getValue())).toList();
  }

  /**
   * The samples of each part per unit of work (a lifecycle, a request), ours beside another phase's: where the
   * difference between the two goes.
   */
  static String partsTable(String unit, String otherName, Frames ours, double ourUnits, Frames other,
      double otherUnits) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "CPU samples per %s (JFR's, every 10 ms from "
        + "a few running threads at a time: compare the rows, not the totals with CPU time; ours %.1f, %s %.1f in "
        + "all), counted for every part with a frame on the sample's "
        + "stack: the rows overlap (a letter's PDF is in `ours: correspondence` and in PDFBox), and the engine's own "
        + "work is in the row of whatever called it.%n%n| part | ours | %s |%n|---|---|---|%n", unit,
        ours.samples() / ourUnits, otherName, other.samples() / otherUnits, otherName));
    Set<String> parts = new HashSet<>(ours.parts().keySet());
    parts.addAll(other.parts().keySet());
    parts.stream()
        .sorted(Comparator.comparingLong((String part) -> ours.parts().getOrDefault(part, 0L)).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .forEach(part -> table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", part,
            ours.parts().getOrDefault(part, 0L) / ourUnits, other.parts().getOrDefault(part, 0L) / otherUnits)));
    return table.append('\n').toString();
  }

  static Set<String> partsOf(RecordedStackTrace stack) {
    Set<String> parts = new HashSet<>();
    for (RecordedFrame frame : stack.getFrames()) {
      if (!frame.isJavaFrame() || frame.getMethod() == null) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      LIBRARIES.forEach((part, prefixes) -> {
        if (prefixes.stream().anyMatch(type::startsWith)) {
          parts.add(part);
        }
      });
      if (isOurs(type)) {
        parts.add("ours: " + type.split("\\.")[2]);
      }
    }
    return parts;
  }

  /**
   * Whether a frame is the desk's own code. The job threads' wrapper that yields to the intake
   * ({@code JobsYieldToIntake}) is at the bottom of every job's stack and only runs the batch it wraps (its pause is
   * a sleep, which JFR does not sample): counting it would name it the frame of every job the engine runs. The same
   * holds for the wrapper of the engine's SQL executor ({@code EngineQueryPlans$PlannedEachTime}, ADR 44), on the
   * stack of every statement the engine runs: its own work (under 1% of our phase's samples) goes to the frame of
   * ours that asked the engine, as the engine's SQL does. And for the engine's command interceptor that tells a
   * task's second completion as a conflict ({@code TaskCompletedMeanwhile$Interceptor}, ADR 51), on the stack of
   * every command the engine runs: a {@code try} around the command, it does nothing unless a completion fails.
   */
  static boolean isOurs(String type) {
    return type.startsWith("jp.madoguchi.") && !type.startsWith("jp.madoguchi.bench.")
        && !type.startsWith("jp.madoguchi.support.") && !type.startsWith("jp.madoguchi.intake.JobsYieldToIntake")
        && !type.startsWith("jp.madoguchi.engine.EngineQueryPlans$PlannedEachTime")
        && !type.startsWith("jp.madoguchi.engine.TaskCompletedMeanwhile$Interceptor");
  }

  @Override
  public void close() {
    recording.close();
  }
}
