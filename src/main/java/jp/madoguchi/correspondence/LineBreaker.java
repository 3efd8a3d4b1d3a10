package jp.madoguchi.correspondence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a line of text into lines that fit a width. Japanese breaks between any two characters, English between
 * words; the Japanese rules (kinsoku shori) apply: a closing bracket, a comma or a full stop never starts a line (it
 * hangs into the margin instead), an opening bracket never ends one. A word longer than a line (an e-mail address,
 * a URL) breaks between characters.
 */
final class LineBreaker {

  /** Characters that must not begin a line (行頭禁則). */
  static final String NO_LINE_START =
      "、。，．,.:;!?！？）)]｝}」』】〕〉》”’ゝゞーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…‥％%";
  /** Characters that must not end a line (行末禁則). */
  static final String NO_LINE_END = "（([｛{「『【〔〈《“‘";

  private LineBreaker() {}

  /**
   * The lines. {@code width} measures a piece of text; it must be additive (the width of two pieces together is the
   * sum of their widths, as for a font without kerning), so that a line's width is kept as it grows: measuring every
   * candidate line anew made breaking a paragraph quadratic in its length.
   */
  static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double lineWidth = 0;
    for (String unit : units(text)) {
      boolean space = unit.isBlank();
      if (line.isEmpty() && space) {
        continue;
      }
      double unitWidth = width.applyAsDouble(unit);
      if (lineWidth + unitWidth <= maxWidth) {
        line.append(unit);
        lineWidth += unitWidth;
        continue;
      }
      if (space) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        lineWidth = 0;
        continue;
      }
      if (NO_LINE_START.indexOf(unit.charAt(0)) >= 0 && !line.isEmpty()) {
        line.append(unit);
        lineWidth += unitWidth;
        continue;
      }
      String carried = "";
      while (!line.isEmpty() && NO_LINE_END.indexOf(line.charAt(line.length() - 1)) >= 0) {
        carried = line.charAt(line.length() - 1) + carried;
        line.setLength(line.length() - 1);
      }
      if (!line.isEmpty()) {
        lines.add(line.toString().stripTrailing());
      }
      line.setLength(0);
      line.append(carried);
      lineWidth = carried.isEmpty() ? 0 : width.applyAsDouble(carried);
      if (lineWidth + unitWidth > maxWidth) {
        for (int i = 0; i < unit.length(); ) {
          int codePoint = unit.codePointAt(i);
          String character = new String(Character.toChars(codePoint));
          double characterWidth = width.applyAsDouble(character);
          if (lineWidth + characterWidth > maxWidth && !line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
            lineWidth = 0;
          }
          line.append(character);
          lineWidth += characterWidth;
          i += Character.charCount(codePoint);
        }
      } else {
        line.append(unit);
        lineWidth += unitWidth;
      }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Words of Latin script stay whole; every other character, and every space, is a unit of its own. */
  static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint < 0x2E80 && !Character.isWhitespace(codePoint)) {
        word.appendCodePoint(codePoint);
        continue;
      }
      if (!word.isEmpty()) {
        units.add(word.toString());
        word.setLength(0);
      }
      units.add(new String(Character.toChars(codePoint)));
    }
    if (!word.isEmpty()) {
      units.add(word.toString());
    }
    return units;
  }
}
