package jp.madoguchi.request;

import java.util.regex.Pattern;

/** What the desk accepts as an e-mail address, wherever one is entered: the intake, or staff correcting one. */
public final class EmailAddress {

  /** The longest address SMTP carries (RFC 5321 path limit). */
  public static final int MAX_LENGTH = 254;

  // the HTML5 e-mail rule, with a dot required in the domain: mail to a bare host name never reaches a person
  private static final Pattern RULE = Pattern.compile(
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddress() {}

  /** Whether the text (already trimmed) is an address mail can be sent to. */
  public static boolean valid(String text) {
    return text != null && text.length() <= MAX_LENGTH && RULE.matcher(text).matches();
  }
}
