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

  private static final String C = "([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)";
  private static final String DAY = "(\\d{4}-\\d{2}-\\d{2})";

  /**
   * The sentences the register writes into its history, as they are stored (in English, for audits and exports):
   * each is shown with the words of message {@code history.detail.<key>}, its parts put into words as in
   * {@link #text}. A text that matches none is shown as {@link #text} shows it.
   */
  private static final List<Sentence> SENTENCES = List.of(
      new Sentence("via", C + " via " + C),
      new Sentence("letterBy", C + " to " + C + " by " + C),
      new Sentence("letterRegisteredMail", C + " to " + C + ", registered mail (.+)"),
      new Sentence("letterRetry", C + " to " + C + ", was " + C),
      new Sentence("letterUndeliverable", C + " to " + C + " after (\\d+) attempt\\(s\\), undeliverable"),
      new Sentence("letterFailed", C + " to " + C + " after (\\d+) attempt\\(s\\)"),
      new Sentence("letterTo", C + " to " + C),
      new Sentence("letterDownloaded", C + " \\(letter (\\d+)\\)"),
      new Sentence("feePaid", "(\\d+) yen of (\\d+) by " + C),
      new Sentence("slaStartedArt39", "target " + DAY + " \\((\\d+) business days\\), Art 39 " + DAY),
      new Sentence("slaStarted", "target " + DAY + " \\((\\d+) business days\\)"),
      new Sentence("slaPaused", "waiting for the requester since " + DAY),
      new Sentence("slaResumed", "(\\d+) business days waited; target now " + DAY),
      new Sentence("escalated", "escalated to privacy-managers"),
      new Sentence("art39Flagged", "unanswered 14 days after arrival; flagged to privacy-managers"),
      new Sentence("retentionEnded", "retention period ended"),
      new Sentence("registeredMail", "registered mail (.+)"),
      new Sentence("documentReceived", C + " (\\S+/\\S+) (\\d+) bytes sha256:([0-9a-f]+)"),
      new Sentence("emailCorrectedPrincipal", "principal's e-mail address"),
      new Sentence("emailCorrectedAgent", "agent's e-mail address"));

  private record Sentence(String key, Pattern pattern) {
    Sentence(String key, String regex) {
      this(key, Pattern.compile(regex));
    }
  }

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
   * read it, and each sentence the register writes ({@link #SENTENCES}) in the reader's words: {@code DISCLOSURE via
   * WEB} becomes "保有個人データの開示(ウェブで受付)". What is stored stays as it was. Free text staff typed is left as
   * it is, apart from such codes and dates.
   */
  public String text(String text, Locale locale) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    for (Sentence sentence : SENTENCES) {
      Matcher matcher = sentence.pattern().matcher(text);
      if (matcher.matches()) {
        Object[] parts = new Object[matcher.groupCount()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = codesAndDates(matcher.group(i + 1), locale);
        }
        String words = message("history.detail." + sentence.key(), parts, locale);
        if (words != null) {
          return words;
        }
      }
    }
    return codesAndDates(text, locale);
  }

  private String codesAndDates(String text, Locale locale) {
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
    return message(key, null, locale);
  }

  private String message(String key, Object[] arguments, Locale locale) {
    try {
      return messages.getMessage(key, arguments, DeskDates.japanese(locale) ? Locale.JAPANESE : Locale.ENGLISH);
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
