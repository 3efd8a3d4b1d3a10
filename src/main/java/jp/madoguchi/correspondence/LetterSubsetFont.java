package jp.madoguchi.correspondence;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A letter's font, cut down to the characters the letter shows <em>before</em> the letter is laid out, and embedded
 * whole: the glyphs of the subset are the font's character ids (Identity), so the document needs no map from the
 * full font's glyph ids to the subset's.
 *
 * <p>Why not PDFBox's own subsetting ({@code PDType0Font.load(document, font, true)}): it lays the letter out with
 * the full font's 15,000 glyph ids, so it first writes and reads back the widths of all 15,000 glyphs for every
 * letter, and when the document is saved it writes a map from every glyph id up to the highest one shown to the
 * subset's, looking each one up in a tree: together about half of the CPU time of an acknowledgement's job in the
 * intake benchmark (docs/performance.md, issue 21). Cutting the subset first ({@link LetterFontCutter}, which
 * replaced FontBox's {@code TTFSubsetter} in issue 21's session 30) costs neither, and the document needs only one
 * save.
 *
 * <p>The subset keeps a Unicode cmap of the Basic Multilingual Plane only (format 4): a letter that shows a
 * character beyond it (a rare kanji of a name, say) is written with PDFBox's subsetting instead. It keeps the tables
 * PDFBox keeps in its subsets, and the cmap, OS/2, post and name tables PDFBox needs to embed a font of its own; left
 * out, as PDFBox leaves them out: the vertical metrics and the layout tables (GPOS, GDEF, BASE, GSUB).
 */
final class LetterSubsetFont {

  private LetterSubsetFont() {}

  /**
   * The characters a letter shows, as the layout will show them ({@link LetterGlyphs#shown(int)}): the full font's
   * code points, a space for a tab or line break, 〓 for a character the font lacks.
   */
  static Set<Integer> shownCharacters(Iterable<String> texts, IntPredicate fullFont) {
    BitSet inText = new BitSet();
    for (String text : texts) {
      if (text != null) {
        for (int i = 0; i < text.length(); ) {
          int codePoint = text.codePointAt(i);
          inText.set(codePoint);
          i += Character.charCount(codePoint);
        }
      }
    }
    Set<Integer> shown = new HashSet<>();
    inText.stream().map(codePoint -> LetterGlyphs.asShown(codePoint, fullFont)).filter(as -> as >= 0)
        .forEach(shown::add);
    return shown;
  }

  /**
   * The font of a document that shows only {@code characters}, cut by {@code cutter} and embedded as a subset named
   * with a tag of six capitals ({@code ABCDEF+IPAexGothic}, PDF 32000 9.6.4), or empty when a character lies beyond
   * the Basic Multilingual Plane or there is none.
   */
  static Optional<PDType0Font> embed(PDDocument document, LetterFontCutter cutter, Set<Integer> characters)
      throws IOException {
    if (characters.isEmpty() || characters.stream().anyMatch(codePoint -> codePoint > 0xFFFF)) {
      // a subset of no character would have no cmap for PDFBox to embed it by
      return Optional.empty();
    }
    byte[] subset = cutter.cut(characters, tag(characters));
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(subset));
    // embedded whole: it is the subset. The document keeps the parsed subset until it is closed.
    return Optional.of(PDType0Font.load(document, font, false));
  }

  /**
   * Whether two of the characters share one glyph of the full font (IPAexGothic draws 示 and the Kangxi radical ⽰
   * with one): PDFBox's ToUnicode map of the subset then names the glyph after the first of them, not the one the
   * letter shows, and the document needs a map of its own ({@link PdfTextMap#save}).
   */
  static boolean glyphsShared(LetterFontCutter cutter, Set<Integer> characters) {
    BitSet glyphs = new BitSet();
    for (int codePoint : characters) {
      int glyph = cutter.glyph(codePoint);
      if (glyph > 0) {
        if (glyphs.get(glyph)) {
          return true;
        }
        glyphs.set(glyph);
      }
    }
    return false;
  }

  /** Six capitals that differ between subsets (PDFBox derives its tags the same way, from a hash). */
  static String tag(Set<Integer> characters) {
    long hash = Integer.toUnsignedLong(characters.hashCode());
    StringBuilder tag = new StringBuilder(7);
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + hash % 26));
      hash /= 26;
    }
    return tag.append('+').toString();
  }
}
