package jp.madoguchi.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Turns a field problem into a sentence that names the field, in the caller's language. */
final class IntakeMessages {

  private IntakeMessages() {}

  static String fieldMessage(MessageSource messages, FieldProblem problem, Locale locale) {
    List<Object> arguments = new ArrayList<>();
    arguments.add(fieldLabel(messages, problem.field(), locale));
    arguments.addAll(problem.arguments());
    return messages.getMessage(problem.code(), arguments.toArray(), locale);
  }

  /** The field's label as the form shows it; the field's own name when it has none (a JSON path, a header). */
  static String fieldLabel(MessageSource messages, String field, Locale locale) {
    return messages.getMessage("intake.field." + field, null, field, locale);
  }
}
