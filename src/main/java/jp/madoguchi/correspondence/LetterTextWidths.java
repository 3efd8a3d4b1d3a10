package jp.madoguchi.correspondence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * How wide a letter's text is in its font, and where its lines break (as {@link LineBreaker} says). One per letter:
 * it remembers each character's advance width.
 */
final class LetterTextWidths {

  private final PDType0Font font;
  private final LetterGlyphs glyphs;
  private final Map<Integer, Float> advances = new HashMap<>();

  LetterTextWidths(PDType0Font font, LetterGlyphs glyphs) {
    this.font = font;
    this.glyphs = glyphs;
  }

  /** The text as shown, in lines no wider than {@code maxWidth} at this size. */
  List<String> wrap(String text, float maxWidth, float size) {
    return LineBreaker.wrap(glyphs.showable(text), maxWidth, part -> width(part, size));
  }

  /**
   * The width of the text as shown, from each character's advance width, read from the font once per letter: line
   * breaking measures every candidate line, and asking the font each time made the layout the costliest part of
   * a letter. The sum is the font's own {@code getStringWidth} (PDFBox adds the same widths, without kerning).
   */
  float width(String text, float size) {
    float units = 0;
    for (int i = 0; i < text.length(); ) {
      int shown = glyphs.shown(text.codePointAt(i));
      i += Character.charCount(text.codePointAt(i));
      if (shown >= 0) {
        units += advances.computeIfAbsent(shown, this::advance);
      }
    }
    return units / 1000 * size;
  }

  private float advance(int codePoint) {
    try {
      return font.getStringWidth(new String(Character.toChars(codePoint)));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
