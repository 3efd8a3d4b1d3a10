package jp.madoguchi.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small writer of SVG markup: elements with attributes and text, every value escaped, every element closed. The
 * charts are written with it on the server, so the page needs no script and works offline.
 */
final class Svg {

  private final StringBuilder out = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens {@code name} with attributes given as name, value, name, value... (a null value leaves it out). */
  Svg open(String name, Object... attributes) {
    tag(name, attributes);
    out.append('>');
    open.push(name);
    return this;
  }

  /** An element without content. */
  Svg empty(String name, Object... attributes) {
    tag(name, attributes);
    out.append("/>");
    return this;
  }

  /** An element holding only {@code text}. */
  Svg element(String name, String text, Object... attributes) {
    return open(name, attributes).text(text).close();
  }

  Svg text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Closes the element opened last. */
  Svg close() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** The markup written; every element must be closed. */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("Elements left open: " + open);
    }
    return out.toString();
  }

  private void tag(String name, Object... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("Attributes come in pairs of name and value: " + attributes.length);
    }
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      Object value = attributes[i + 1];
      if (value != null) {
        out.append(' ').append(attributes[i]).append("=\"")
            .append(escape(value instanceof Double decimal ? number(decimal) : value.toString())).append('"');
      }
    }
  }

  /** A coordinate or length with at most one decimal, as SVG reads it whatever the locale. */
  static String number(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10.0 + "");
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
