package jp.madoguchi.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the fields of one entry (a form or a CSV row, both keyed by the column keys of {@link InventoryKind}) and
 * collects what is wrong with each, so that a page or an import names every wrong field at once.
 */
final class RowReader {

  /** A stable code: capitals, digits and underscores, starting with a capital (e.g. {@code CUSTOMER_CONTACT}). */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  /** A Camunda group id, as the engine's whitelist in application.yaml allows it. */
  static final Pattern GROUP = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}");
  /** Several codes in one field are separated by semicolons. */
  static final String SEPARATOR = ";";

  private final InventoryKind kind;
  private final Map<String, String> row;
  private final List<FieldProblem> problems = new ArrayList<>();
  private final String code;

  RowReader(InventoryKind kind, Map<String, String> row) {
    this.kind = kind;
    this.row = row;
    String value = raw("code");
    this.code = value.isEmpty() ? null : value;
  }

  List<FieldProblem> problems() {
    return problems;
  }

  String code() {
    String value = raw("code");
    if (value.isEmpty()) {
      problem("code", "inventory.error.required");
    } else if (!CODE.matcher(value).matches()) {
      problem("code", "inventory.error.code");
    }
    return value;
  }

  /** A required text of at most {@code max} characters. */
  String text(String field, int max) {
    String value = optional(field, max);
    if (value == null && problems.stream().noneMatch(p -> p.field().equals(field))) {
      problem(field, "inventory.error.required");
    }
    return value == null ? "" : value;
  }

  /** A text that may be empty (then {@code null}). */
  String optional(String field, int max) {
    String value = raw(field);
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > max) {
      problem(field, "inventory.error.tooLong", max);
      return null;
    }
    if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      problem(field, "inventory.error.control");
      return null;
    }
    return value.replace("\r\n", "\n");
  }

  boolean bool(String field) {
    String value = raw(field).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problem(field, value.isEmpty() ? "inventory.error.required" : "inventory.error.boolean");
        yield false;
      }
    };
  }

  <E extends Enum<E>> E choice(String field, Class<E> type) {
    String value = raw(field);
    if (value.isEmpty()) {
      problem(field, "inventory.error.required");
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      problem(field, "inventory.error.choice", value);
      return null;
    }
  }

  /** At least one value of the enum, separated by semicolons; sorted, without repeats. */
  <E extends Enum<E>> List<E> choices(String field, Class<E> type) {
    List<E> chosen = new ArrayList<>();
    for (String value : list(field)) {
      try {
        E choice = Enum.valueOf(type, value);
        if (!chosen.contains(choice)) {
          chosen.add(choice);
        }
      } catch (IllegalArgumentException unknown) {
        problem(field, "inventory.error.choice", value);
        return List.of();
      }
    }
    if (chosen.isEmpty()) {
      problem(field, "inventory.error.required");
    }
    chosen.sort(null);
    return chosen;
  }

  /** At least one code, separated by semicolons; sorted, without repeats. */
  List<String> codes(String field) {
    List<String> codes = new ArrayList<>();
    for (String value : list(field)) {
      if (!CODE.matcher(value).matches()) {
        problem(field, "inventory.error.codes", value);
        return List.of();
      }
      if (!codes.contains(value)) {
        codes.add(value);
      }
    }
    if (codes.isEmpty()) {
      problem(field, "inventory.error.required");
    }
    codes.sort(null);
    return codes;
  }

  String group(String field) {
    String value = raw(field);
    if (value.isEmpty()) {
      problem(field, "inventory.error.required");
    } else if (!GROUP.matcher(value).matches()) {
      problem(field, "inventory.error.group");
    }
    return value;
  }

  void problem(String field, String message, Object... args) {
    problems.add(new FieldProblem(kind, code, 0, field, message, Arrays.asList(args)));
  }

  private List<String> list(String field) {
    return Arrays.stream(raw(field).split(SEPARATOR)).map(String::strip).filter(value -> !value.isEmpty())
        .toList();
  }

  private String raw(String field) {
    String value = row.get(field);
    return value == null ? "" : value.strip();
  }
}
