package jp.madoguchi.correspondence;

import java.io.IOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Which characters one letter's font can show, and the code point each character id shown stands for (for the
 * letter's ToUnicode map). One per letter: it remembers each character it was asked about.
 */
final class LetterGlyphs {

  private static final char MISSING_GLYPH = '\u3013';

  private final PDType0Font font;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private final Map<Integer, Integer> codePointsByCid = new HashMap<>();

  LetterGlyphs(PDType0Font font) {
    this.font = font;
  }

  /** The text with every character the font cannot show replaced by 〓, as Japanese typesetting does. */
  String showable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().map(this::shown).filter(cp -> cp >= 0).forEach(shown::appendCodePoint);
    return shown.toString();
  }

  /** What the letter shows for a character: itself, a space, 〓 when the font lacks it, or nothing (-1). */
  int shown(int codePoint) {
    if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
      return ' ';
    } else if (Character.isISOControl(codePoint)) {
      return -1;
    } else if (glyphs.computeIfAbsent(codePoint, this::hasGlyph)) {
      return codePoint;
    }
    return MISSING_GLYPH;
  }

  /** The code point each character id shown in the letter stands for. */
  Map<Integer, Integer> codePointsByCid() {
    return codePointsByCid;
  }

  private boolean hasGlyph(int codePoint) {
    try {
      byte[] code = font.encode(new String(Character.toChars(codePoint)));
      int cid = code.length == 2 ? ((code[0] & 0xFF) << 8) | (code[1] & 0xFF) : -1;
      if (cid > 0) {
        // when two code points share a glyph, the one that is its own normal form (口, not ⼝) is the text
        codePointsByCid.merge(cid, codePoint, (kept, other) -> isNormal(other) && !isNormal(kept) ? other : kept);
      }
      return true;
    } catch (IllegalArgumentException | IOException noGlyph) {
      return false;
    }
  }

  private static boolean isNormal(int codePoint) {
    String text = new String(Character.toChars(codePoint));
    return Normalizer.normalize(text, Normalizer.Form.NFKC).equals(text);
  }
}
