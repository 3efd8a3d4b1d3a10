package jp.madoguchi.request;

import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.calendar.DeskDates;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The register's codes as the words people read, in Japanese or English, from the pages' messages: request types,
 * channels, letter kinds, outcomes and the like, the entries of a request's history, and the texts the register
 * wrote for its history (which name codes and ISO dates, and are kept as written, since letters and audits read
 * them). Stored values and process variables keep their codes; only what is shown is put into words. Pages call it
 * as {@code ${@registerWords.event(type, #locale)}}.
 */
@Component("registerWords")
public class RegisterWords {

  /**
   * Where a bare code found in a history text is looked up, in this order: the first group that knows the code
   * names it (a code in two vocabularies, such as {@code DISCLOSURE}, reads as its more common meaning).
   */
  private static final List<String> GROUPS = List.of("report.outcome.", "intake.type.", "intake.channel.",
      "intake.documentKind.", "words.disclosureMethod.", "intake.personalInformationKind.", "intake.paymentMethod.",
      "letter.kind.", "letter.recipient.", "letter.delivery.", "letter.status.", "words.requesterKind.",
      "words.refusalGround.", "words.decision.", "words.finding.", "report.stage.", "words.stage.");
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
  private static final Pattern ISO = Pattern.compile(
      "(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?)?(?!\\d)");

  private final MessageSource messages;
  private final DeskDates dates;

  public RegisterWords(MessageSource messages, DeskDates dates) {
    this.messages = messages;
    this.dates = dates;
  }

  /**
   * The word for a code of one vocabulary, e.g. {@code label("letter.kind.", "DISCLOSURE", locale)}; a code the
   * vocabulary does not know reads as itself in words ({@code LEGAL_REVIEW_DONE}: "Legal review done"), never as a
   * blank.
   */
  public String label(String group, String code, Locale locale) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String word = message(group + code, locale);
    return word != null ? word : spelledOut(code);
  }

  /** {@link #label} in Japanese and English together, for what every Tasklist user reads alike. */
  public String labelBoth(String group, String code) {
    String ja = label(group, code, Locale.JAPANESE);
    if (ja == null) {
      return null;
    }
    String en = label(group, code, Locale.ENGLISH);
    return ja.equals(en) ? ja : ja + " / " + en;
  }

  /**
   * An entry of a request's history, e.g. {@code REQUEST_FILE_VIEWED}: "請求ファイルを閲覧". Entries a designer adds
   * with the "Register event" step and no message reads as their code in words.
   */
  public String event(String eventType, Locale locale) {
    return label("history.event.", eventType, locale);
  }

  /** A code of any of the register's vocabularies ({@link #GROUPS}), e.g. an outcome or a request type. */
  public String code(String code, Locale locale) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String word = anyGroup(code, locale);
    return word != null ? word : spelledOut(code);
  }

  /**
   * A text the register wrote, with each code it names put into words and each ISO date or time written as people
   * read it ({@code DISCLOSURE via WEB} becomes "保有個人データの開示 via ウェブ"). Free text staff typed is left as
   * it is, apart from such codes and dates.
   */
  public String text(String text, Locale locale) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher iso = ISO.matcher(text);
    StringBuilder withDates = new StringBuilder();
    while (iso.find()) {
      iso.appendReplacement(withDates, Matcher.quoteReplacement(dateInWords(iso.group(), locale)));
    }
    iso.appendTail(withDates);
    Matcher code = CODE.matcher(withDates);
    StringBuilder withWords = new StringBuilder();
    while (code.find()) {
      String word = anyGroup(code.group(), locale);
      code.appendReplacement(withWords, Matcher.quoteReplacement(word == null ? code.group() : word));
    }
    code.appendTail(withWords);
    return withWords.toString();
  }

  private String dateInWords(String iso, Locale locale) {
    try {
      return iso.length() == 10 ? dates.date(iso, locale) : dates.dateTime(iso, locale);
    } catch (DateTimeException notADate) {
      return iso;
    }
  }

  private String anyGroup(String code, Locale locale) {
    for (String group : GROUPS) {
      String word = message(group + code, locale);
      if (word != null) {
        return word;
      }
    }
    return null;
  }

  private String message(String key, Locale locale) {
    try {
      return messages.getMessage(key, null, DeskDates.japanese(locale) ? Locale.JAPANESE : Locale.ENGLISH);
    } catch (NoSuchMessageException unknown) {
      return null;
    }
  }

  /** {@code LEGAL_REVIEW_DONE} as "Legal review done": better than a code, for entries no one named yet. */
  static String spelledOut(String code) {
    String words = code.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
