package jp.madoguchi.correspondence;

import java.io.IOException;
import java.text.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Which characters one letter's font can show, and the code point each character id shown stands for (for the
 * letter's ToUnicode map). One per letter: it remembers each character it was asked about.
 */
final class LetterGlyphs {

  private static final char MISSING_GLYPH = '\u3013';

  private final PDType0Font font;
  /** For a font cut to the letter's characters ({@link LetterSubsetFont}): which characters the full font has. */
  private final IntPredicate fullFont;
  /** The characters asked about, and of those the ones the font has (bit sets: a letter asks about every one). */
  private final BitSet asked = new BitSet();
  private final BitSet present = new BitSet();
  private final Map<Integer, Integer> codePointsByCid = new HashMap<>();

  /** For a full font, whose glyphs are all there is to show. */
  LetterGlyphs(PDType0Font font) {
    this(font, null);
  }

  /**
   * For a subset of the full font cut to the characters the letter shows: a character the full font has and the
   * subset lacks was missed when the subset was cut, a fault, not a character to show as 〓.
   */
  LetterGlyphs(PDType0Font subset, IntPredicate fullFont) {
    this.font = subset;
    this.fullFont = fullFont;
  }

  /** The text with every character the font cannot show replaced by 〓, as Japanese typesetting does. */
  String showable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      int as = shown(codePoint);
      if (as >= 0) {
        shown.appendCodePoint(as);
      }
    }
    return shown.toString();
  }

  /** What the letter shows for a character: itself, a space, 〓 when the font lacks it, or nothing (-1). */
  int shown(int codePoint) {
    return asShown(codePoint, this::has);
  }

  /** What a font with these glyphs shows for a character (see {@link #shown(int)}). */
  static int asShown(int codePoint, IntPredicate hasGlyph) {
    if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
      return ' ';
    } else if (Character.isISOControl(codePoint)) {
      return -1;
    } else if (hasGlyph.test(codePoint)) {
      return codePoint;
    }
    return MISSING_GLYPH;
  }

  /** The code point each character id shown in the letter stands for. */
  Map<Integer, Integer> codePointsByCid() {
    return codePointsByCid;
  }

  private boolean has(int codePoint) {
    if (!asked.get(codePoint)) {
      asked.set(codePoint);
      present.set(codePoint, hasGlyph(codePoint));
    }
    return present.get(codePoint);
  }

  private boolean hasGlyph(int codePoint) {
    if (fullFont != null && !fullFont.test(codePoint)) {
      return false;
    }
    try {
      byte[] code = font.encode(new String(Character.toChars(codePoint)));
      int cid = code.length == 2 ? ((code[0] & 0xFF) << 8) | (code[1] & 0xFF) : -1;
      if (cid > 0) {
        // when two code points share a glyph, the one that is its own normal form (口, not ⼝) is the text
        codePointsByCid.merge(cid, codePoint, (kept, other) -> isNormal(other) && !isNormal(kept) ? other : kept);
      }
      return true;
    } catch (IllegalArgumentException | IOException noGlyph) {
      if (fullFont != null) {
        throw new IllegalStateException(String.format(
            "The letter shows U+%04X, which the font was not cut for: the subset misses a character", codePoint));
      }
      return false;
    }
  }

  private static boolean isNormal(int codePoint) {
    String text = new String(Character.toChars(codePoint));
    return Normalizer.normalize(text, Normalizer.Form.NFKC).equals(text);
  }
}
