package jp.madoguchi.correspondence;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.madoguchi.calendar.DeskDates;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words that letters fill in (request types, refusal grounds, missing documents, dates, amounts), in Japanese
 * and English, from {@code letters/vocabulary*.properties}: translators change them without touching code. Dates are
 * written as {@link DeskDates} writes them for letters, the one place the desk formats dates. An unknown
 * code fails the step that composes the letter, rather than sending a letter with a hole in it.
 */
@Component
class LetterVocabulary {

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  LetterVocabulary() {
    messages.setBasename("letters/vocabulary");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
  }

  static Locale locale(String language) {
    return "ja".equals(language) ? Locale.JAPANESE : Locale.ENGLISH;
  }

  String word(String language, String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : arguments, locale(language));
  }

  /** The label of a code, such as {@code requestType.DISCLOSURE}. */
  String label(String language, String group, String code) {
    return word(language, group + "." + code);
  }

  List<String> labels(String language, String group, List<String> codes) {
    return codes.stream().map(code -> label(language, group, code)).toList();
  }

  /** Alternatives in a sentence: {@code A、B又はC}, {@code A, B or C}. */
  String either(String language, List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    String head = String.join(word(language, "list.separator"), items.subList(0, items.size() - 1));
    return word(language, "list.either", head, items.get(items.size() - 1));
  }

  String date(String language, LocalDate date) {
    return date == null ? "" : DeskDates.letterDate(date, locale(language));
  }

  String yen(String language, long amount) {
    return word(language, "fee.amount", NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount));
  }
}
