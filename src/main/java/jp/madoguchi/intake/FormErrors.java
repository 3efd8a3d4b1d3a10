package jp.madoguchi.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The errors of a form as the page shows them: a summary with a link to each field, and the message beside it.
 * Fields are named as in the JSON body; the input's id is the same name with dashes ({@code principal-email}).
 */
final class FormErrors {

  /** One line of the error summary. */
  record Entry(String field, String anchor, String message) {}

  private final List<Entry> entries;
  private final Map<String, String> byField = new LinkedHashMap<>();

  private FormErrors(List<Entry> entries) {
    this.entries = entries;
    entries.forEach(entry -> byField.putIfAbsent(entry.field(), entry.message()));
  }

  static FormErrors none() {
    return new FormErrors(List.of());
  }

  static FormErrors of(List<FieldProblem> problems, MessageSource messages, Locale locale) {
    return new FormErrors(problems.stream()
        .map(problem -> new Entry(problem.field(), anchor(problem.field()),
            IntakeMessages.fieldMessage(messages, problem, locale)))
        .toList());
  }

  /** The id of the input to jump to: a missing contact is fixed in the address field. */
  static String anchor(String field) {
    String input = field.endsWith(".contact") ? field.replace(".contact", ".address") : field;
    return input.replace('.', '-');
  }

  public List<Entry> getEntries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String get(String field) {
    return byField.get(field);
  }
}
