package jp.madoguchi.provision;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV a manager imports: a header line with the column names below, then one line per person; the lines of one
 * record follow each other with the same {@code sourceId}, and its record columns are read from its first line.
 * Data items are separated by {@code |}. A problem is named by its line number (the header is line 1).
 */
final class ProvisionCsv {

  static final List<String> COLUMNS = List.of("sourceId", "direction", "basis", "recordForm", "recordedOn",
      "providedOn", "counterpartyName", "counterpartyAddress", "counterpartyRepresentative", "acquisition",
      "ppcNotificationConfirmed", "dataItems", "categoryCode", "recipientCode", "personName", "personNameKana",
      "birthDate", "email", "phone", "customerNumber", "postalCode");

  private static final Pattern PERSON = Pattern.compile("^persons\\[(\\d+)]");

  private ProvisionCsv() {}

  /** One problem of the file: the line, the column or field, and the code. */
  record LineProblem(long line, String field, String code) {}

  /** The file could not be read as records: every problem found, by line. */
  static class InvalidFile extends RuntimeException {
    private final transient List<LineProblem> problems;

    InvalidFile(List<LineProblem> problems) {
      super(problems.size() + " problem(s) in the file, first: " + problems.get(0));
      this.problems = List.copyOf(problems);
    }

    List<LineProblem> problems() {
      return problems;
    }
  }

  /** The records of the file, with the line where each begins and the line of each person. */
  record Parsed(List<ProvisionRecordInput> records, List<Long> firstLines, List<List<Long>> personLines) {

    /** The problems of the register's validation, named by line. */
    List<LineProblem> byLine(List<ProvisionProblem> problems) {
      List<LineProblem> lines = new ArrayList<>();
      for (ProvisionProblem problem : problems) {
        int index = index(problem.record());
        long line = index < 0 ? 1 : firstLines.get(index);
        Matcher person = problem.field() == null ? null : PERSON.matcher(problem.field());
        if (index >= 0 && person != null && person.find()) {
          int i = Integer.parseInt(person.group(1));
          if (i < personLines.get(index).size()) {
            line = personLines.get(index).get(i);
          }
        }
        lines.add(new LineProblem(line, problem.field(), problem.code()));
      }
      return lines;
    }

    private int index(String record) {
      if (record == null) {
        return -1;
      }
      if (record.startsWith("#")) {
        try {
          return Integer.parseInt(record.substring(1)) - 1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
      for (int i = 0; i < records.size(); i++) {
        if (record.equals(records.get(i).sourceId())) {
          return i;
        }
      }
      return -1;
    }
  }

  static Parsed parse(String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<LineProblem> problems = new ArrayList<>();
    Map<String, Integer> order = new LinkedHashMap<>();
    List<ProvisionRecordInput> records = new ArrayList<>();
    List<Long> firstLines = new ArrayList<>();
    List<List<Long>> personLines = new ArrayList<>();
    List<List<ProvisionRecordInput.Person>> persons = new ArrayList<>();
    try (Reader reader = new StringReader(content); CSVParser parser = CSVParser.builder().setReader(reader)
        .setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      if (!header.containsAll(COLUMNS)) {
        List<String> missing = new ArrayList<>(COLUMNS);
        missing.removeAll(header);
        throw new InvalidFile(List.of(new LineProblem(1, String.join(", ", missing), "missing-columns")));
      }
      for (CSVRecord row : parser) {
        long line = row.getParser().getCurrentLineNumber();
        if (!row.isConsistent()) {
          problems.add(new LineProblem(line, "", "column-count"));
          continue;
        }
        String sourceId = row.get("sourceId");
        Integer index = order.get(sourceId);
        if (index != null && index != records.size() - 1) {
          problems.add(new LineProblem(line, "sourceId", "lines-apart"));
          continue;
        }
        if (index == null) {
          order.put(sourceId, records.size());
          persons.add(new ArrayList<>());
          personLines.add(new ArrayList<>());
          firstLines.add(line);
          records.add(record(row, persons.get(persons.size() - 1)));
        }
        persons.get(persons.size() - 1).add(new ProvisionRecordInput.Person(blank(row.get("personName")),
            blank(row.get("personNameKana")), blank(row.get("birthDate")), blank(row.get("email")),
            blank(row.get("phone")), blank(row.get("customerNumber")), blank(row.get("postalCode"))));
        personLines.get(personLines.size() - 1).add(line);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new InvalidFile(List.of(new LineProblem(lineOf(e), "", "not-csv")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFile(problems);
    }
    if (records.isEmpty()) {
      throw new InvalidFile(List.of(new LineProblem(1, "", "empty")));
    }
    return new Parsed(records, firstLines, personLines);
  }

  private static ProvisionRecordInput record(CSVRecord row, List<ProvisionRecordInput.Person> persons) {
    String confirmed = blank(row.get("ppcNotificationConfirmed"));
    String items = blank(row.get("dataItems"));
    return new ProvisionRecordInput(blank(row.get("sourceId")), blank(row.get("direction")), blank(row.get("basis")),
        blank(row.get("recordForm")), blank(row.get("recordedOn")), blank(row.get("providedOn")),
        new ProvisionRecordInput.Counterparty(blank(row.get("counterpartyName")),
            blank(row.get("counterpartyAddress")), blank(row.get("counterpartyRepresentative"))),
        blank(row.get("acquisition")), confirmed == null ? null : Boolean.valueOf(confirmed),
        items == null ? null : Arrays.asList(items.split("\\|")), blank(row.get("categoryCode")),
        blank(row.get("recipientCode")), persons);
  }

  private static long lineOf(Exception e) {
    Matcher line = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
    return line.find() ? Long.parseLong(line.group(1)) : 1;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
