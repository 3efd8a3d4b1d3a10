package jp.madoguchi.correspondence;

import java.io.IOException;
import java.util.BitSet;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * What a letter needs to know of the full font for every character it shows, read once per parsed font: whether the
 * font has a glyph for a character, and the glyph's advance width as the letter's embedded subset gives it. A letter
 * used to ask the font's Unicode cmap (a map of boxed integers) several times for each of its characters, and its
 * subset for each character's width; the facts are a bit set and an array over the Basic Multilingual Plane, shared
 * by every letter written with that parsed font. A character beyond the plane is asked of the cmap, as before.
 *
 * <p>The widths are the subset's: PDFBox writes each glyph's advance in thousandths of the em, rounded
 * ({@code Math.round(advance * 1000f / unitsPerEm)}, its {@code PDCIDFontType2Embedder}), and the subset keeps the
 * full font's advances; {@code LetterFontFactsTest} compares them with the subset's own for every character of a
 * letter.
 */
final class LetterFontFacts {

  private static final int PLANE = 0x10000;

  /** By parsed font (a few, lent by {@link LetterFonts}); a font dropped after a failed letter is let go with it. */
  private static final Map<TrueTypeFont, LetterFontFacts> BY_FONT = new WeakHashMap<>();

  private final CmapLookup cmap;
  private final BitSet glyphs;
  private final float[] widths;

  private LetterFontFacts(CmapLookup cmap, BitSet glyphs, float[] widths) {
    this.cmap = cmap;
    this.glyphs = glyphs;
    this.widths = widths;
  }

  /** The facts of a parsed font, read on its first letter. */
  static LetterFontFacts of(TrueTypeFont font) throws IOException {
    synchronized (BY_FONT) {
      LetterFontFacts facts = BY_FONT.get(font);
      if (facts == null) {
        facts = read(font);
        BY_FONT.put(font, facts);
      }
      return facts;
    }
  }

  private static LetterFontFacts read(TrueTypeFont font) throws IOException {
    CmapLookup cmap = font.getUnicodeCmapLookup();
    HorizontalMetricsTable metrics = font.getHorizontalMetrics();
    float scaling = 1000f / font.getHeader().getUnitsPerEm();
    BitSet glyphs = new BitSet(PLANE);
    float[] widths = new float[PLANE];
    for (int codePoint = 0; codePoint < PLANE; codePoint++) {
      int glyph = cmap.getGlyphId(codePoint);
      if (glyph > 0) {
        glyphs.set(codePoint);
        widths[codePoint] = Math.round(metrics.getAdvanceWidth(glyph) * scaling);
      }
    }
    return new LetterFontFacts(cmap, glyphs, widths);
  }

  /** Whether the full font has a glyph for the character. */
  boolean has(int codePoint) {
    return codePoint < PLANE ? glyphs.get(codePoint) : cmap.getGlyphId(codePoint) > 0;
  }

  /**
   * The character's advance width in thousandths of the em, as the letter's subset gives it; negative for a
   * character beyond the Basic Multilingual Plane or one the font lacks (ask the document's font).
   */
  float width(int codePoint) {
    return codePoint < PLANE && glyphs.get(codePoint) ? widths[codePoint] : -1;
  }
}
