package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark's generated section of a report page: replaced between its markers, or added at the end. */
public final class ReportSection {

  private ReportSection() {}

  /** Writes {@code section} (which starts with {@code begin} and ends with {@code end}) into the page. */
  public static void write(Path file, String begin, String end, String section) throws IOException {
    String page = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Performance\n";
    int from = page.indexOf(begin);
    int to = page.indexOf(end);
    String updated = from >= 0 && to > from
        ? page.substring(0, from) + section.strip() + page.substring(to + end.length())
        : page.stripTrailing() + "\n\n" + section;
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
