package jp.madoguchi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's generated part of a report page, between its markers: replaced where the page has them, added at the
 * end of a page without them (nothing else of the page is lost), or a new page with its title.
 */
public final class ReportSection {

  private ReportSection() {}

  /** Writes {@code begin + generated + end} into the page (a new one starts with {@code title}). */
  public static void write(Path file, String begin, String end, String title, String generated) throws IOException {
    String block = begin + generated + end;
    String updated;
    if (!Files.exists(file)) {
      updated = title + "\n\n" + block;
    } else {
      String page = Files.readString(file, StandardCharsets.UTF_8);
      int from = page.indexOf(begin);
      int to = page.indexOf(end);
      updated = from >= 0 && to > from
          ? page.substring(0, from) + block + page.substring(to + end.length())
          : page.stripTrailing() + "\n\n" + block;
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  /** The same for a section that carries its markers ({@code begin} first, {@code end} last) on a page of results. */
  public static void write(Path file, String begin, String end, String section) throws IOException {
    String stripped = section.strip();
    if (!stripped.startsWith(begin) || !stripped.endsWith(end)) {
      throw new IllegalArgumentException("A section starts with " + begin + " and ends with " + end);
    }
    write(file, begin, end, "# Performance",
        stripped.substring(begin.length(), stripped.length() - end.length()));
  }
}
