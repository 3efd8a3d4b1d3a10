package jp.madoguchi.inventory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The inventory as CSV for audits (RFC 4180 through Apache Commons CSV, ADR 0024): one file per kind, UTF-8 with a
 * byte order mark so that spreadsheet programs read the Japanese, one row per entry sorted by code, the header of
 * each column in Japanese and English followed by its key in parentheses ({@code 名称(日本語) / Name (Japanese)
 * (name_ja)}). Several codes in one cell are separated by semicolons. Reading takes the key of each header cell (or
 * the bare key), so an auditor's file with the columns in another order still reads; a line is a CSV record, the
 * header being line 1, as a spreadsheet numbers its rows.
 */
@Component
public class InventoryCsv {

  static final char BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private final MessageSource messages;

  InventoryCsv(MessageSource messages) {
    this.messages = messages;
  }

  /** The entries of one kind as a CSV file. */
  public String write(InventoryKind kind, List<? extends InventoryEntry> entries) {
    StringBuilder out = new StringBuilder().append(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      List<String> header = new ArrayList<>();
      for (String column : kind.columns()) {
        header.add(label(column, Locale.JAPANESE) + " / " + label(column, Locale.ENGLISH) + " (" + column + ")");
      }
      printer.printRecord(header);
      for (InventoryEntry entry : entries) {
        printer.printRecord(entry.row().values());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The entries of a kind read from a CSV file, and the line each came from. */
  public record Read(InventoryKind kind, List<InventoryEntry> entries, Map<String, Integer> lines) {}

  /**
   * Reads a CSV file of one kind; every problem of every line is thrown at once, each naming its line and field.
   */
  public Read read(InventoryKind kind, String text) {
    String body = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    List<FieldProblem> problems = new ArrayList<>();
    List<InventoryEntry> entries = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
      List<String> columns = null;
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber();
        if (columns == null) {
          columns = header(kind, record, problems);
          if (!problems.isEmpty()) {
            break;
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != columns.size()) {
          problems.add(new FieldProblem(kind, null, line, "", "inventory.error.columnCount",
              List.of(columns.size(), record.size())));
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), record.get(i));
        }
        try {
          InventoryEntry entry = InventoryEntry.read(kind, row);
          if (lines.containsKey(entry.code())) {
            problems.add(new FieldProblem(kind, entry.code(), line, "code", "inventory.error.codeRepeated",
                List.of(lines.get(entry.code()))));
          } else {
            lines.put(entry.code(), line);
            entries.add(entry);
          }
        } catch (InvalidInventoryException invalid) {
          invalid.problems().forEach(problem -> problems.add(problem.atLine(line)));
        }
      }
      if (columns == null && problems.isEmpty()) {
        problems.add(new FieldProblem(kind, null, 1, "", "inventory.error.noHeader", List.of()));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
      problems.add(new FieldProblem(kind, null, 0, "", "inventory.error.malformed",
          List.of(String.valueOf(malformed.getMessage()))));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInventoryException(problems);
    }
    return new Read(kind, entries, lines);
  }

  private static List<String> header(InventoryKind kind, CSVRecord record, List<FieldProblem> problems) {
    List<String> columns = new ArrayList<>();
    for (String cell : record) {
      String key = key(cell);
      if (!kind.columns().contains(key)) {
        problems.add(new FieldProblem(kind, null, 1, cell, "inventory.error.unknownColumn", List.of(cell)));
      } else if (columns.contains(key)) {
        problems.add(new FieldProblem(kind, null, 1, key, "inventory.error.columnRepeated", List.of()));
      }
      columns.add(key);
    }
    for (String required : kind.editableColumns()) {
      if (!columns.contains(required)) {
        problems.add(new FieldProblem(kind, null, 1, required, "inventory.error.missingColumn", List.of()));
      }
    }
    return columns;
  }

  /** The key of a header cell: the text in its last parentheses, or the cell itself. */
  static String key(String cell) {
    String text = cell.strip();
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    int open = text.lastIndexOf('(');
    if (text.endsWith(")") && open >= 0) {
      return text.substring(open + 1, text.length() - 1).strip();
    }
    return text;
  }

  private String label(String column, Locale locale) {
    return messages.getMessage("inventory.field." + column, null, locale);
  }
}
