package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    recording.setToDisk(true);
    recording.start();
  }

  static JfrProfile start(Path file) {
    return new JfrProfile(file);
  }

  /** The top frames of ours, with the samples counted. */
  record Frames(long samples, long samplesInOurCode, List<Map.Entry<String, Long>> top) {
    String percent(long count) {
      return String.format(Locale.ROOT, "%.1f%%", samples == 0 ? 0 : 100.0 * count / samples);
    }
  }

  Frames stopAndRead(int top) throws IOException {
    recording.stop();
    Files.createDirectories(file.toAbsolutePath().getParent());
    recording.dump(file);
    Map<String, Long> byFrame = new HashMap<>();
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
    List<Map.Entry<String, Long>> sorted = byFrame.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top).toList();
    return new Frames(samples, ours, sorted);
  }

  static boolean isOurs(String type) {
    return type.startsWith("jp.madoguchi.") && !type.startsWith("jp.madoguchi.bench.")
        && !type.startsWith("jp.madoguchi.support.");
  }

  @Override
  public void close() {
    recording.close();
  }
}
