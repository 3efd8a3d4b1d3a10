package jp.madoguchi.provision;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Identifiers as they are compared: written the same way whatever the keyboard. NFKC first (half-width katakana
 * becomes full-width with its sound marks joined, full-width letters, digits and spaces become ASCII), then kana
 * names in katakana (ひらがな and カタカナ compare equal), no spaces in names, only digits in phone numbers and postal
 * codes, e-mail addresses in lower case. A blank identifier is {@code null}: it matches nothing.
 */
public final class Identifiers {

  private Identifiers() {}

  /** A name, written in kanji, kana or Latin letters. */
  public static String name(String value) {
    String text = nfkc(value);
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u30FB' && c != '・')
        .map(Identifiers::katakana).forEach(out::appendCodePoint);
    return blankToNull(out.toString().toUpperCase(Locale.ROOT));
  }

  /** A phone number: its digits ({@code ０３-1234-5678} and {@code 03 1234 5678} are {@code 0312345678}). */
  public static String phone(String value) {
    return digits(value);
  }

  /** A postal code: its digits. */
  public static String postalCode(String value) {
    return digits(value);
  }

  /** An e-mail address, trimmed and in lower case. */
  public static String email(String value) {
    String text = nfkc(value);
    return text == null ? null : blankToNull(text.replaceAll("\\s", "").toLowerCase(Locale.ROOT));
  }

  /** A customer number: no spaces or hyphens, letters in upper case. */
  public static String customerNumber(String value) {
    String text = nfkc(value);
    return text == null ? null : blankToNull(text.replaceAll("[\\s\\-\u2010-\u2015\u2212\u30FC]", "")
        .toUpperCase(Locale.ROOT));
  }

  private static String digits(String value) {
    String text = nfkc(value);
    return text == null ? null : blankToNull(text.replaceAll("[^0-9]", ""));
  }

  private static String nfkc(String value) {
    return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
  }

  /** Hiragana ぁ..ゖ and the iteration marks ゝゞ as their katakana. */
  private static int katakana(int c) {
    return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E ? c + 0x60 : c;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
