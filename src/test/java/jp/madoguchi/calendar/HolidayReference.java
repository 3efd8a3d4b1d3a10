package jp.madoguchi.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The holiday_jp list in {@code shared/reference/jp-holidays.yml}, which stays outside the repository (it is
 * someone else's data under its own licence): found through the system property {@value #PROPERTY}, which must then
 * name an existing file, or by walking up from the working directory, so that it is found both from a checkout
 * beside {@code shared/} and from a CI clone.
 */
final class HolidayReference {

  static final String PROPERTY = "madoguchi.holidays.reference";
  private static final Path RELATIVE_PATH = Path.of("shared", "reference", "jp-holidays.yml");

  private HolidayReference() {}

  static Optional<Path> locate() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      // a path given on purpose that is wrong must not turn the comparison into a silent skip
      if (!Files.isRegularFile(path)) {
        throw new IllegalStateException(PROPERTY + " names " + path.toAbsolutePath() + ", which is not a file");
      }
      return Optional.of(path);
    }
    // walking up covers both <root>/shared/... and <root>/../shared/...
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE_PATH);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The lines {@code YYYY-MM-DD: name}; the YAML document marker and blank lines are skipped. */
  static SortedMap<LocalDate, String> read(Path file) {
    SortedMap<LocalDate, String> holidays = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
          continue;
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
          throw new IllegalStateException("Unexpected line in " + file + ": " + line);
        }
        holidays.put(LocalDate.parse(trimmed.substring(0, colon)), trimmed.substring(colon + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return holidays;
  }
}
