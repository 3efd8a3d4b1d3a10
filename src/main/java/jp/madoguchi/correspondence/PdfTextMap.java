package jp.madoguchi.correspondence;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text a PDF of ours shows in the embedded IPAexGothic subset, saved with a ToUnicode map of the code points
 * really shown. IPAexGothic draws some ideographs and their Kangxi radical forms (示 and ⽰) with one glyph, and
 * PDFBox's own map takes the first: text copied, searched or read aloud from the document would come out as radicals.
 * The letters ({@link PdfLetterWriter}) and the disclosure annex are saved this way, so both are searchable, as the
 * PPC guideline asks of an electronic disclosure.
 *
 * <p>A font cut to the document's characters ({@link LetterSubsetFont}) knows only those characters: where no two of
 * them share a glyph (most letters), the map PDFBox wrote when it embedded the subset names every glyph after the
 * one character it stands for, and it is kept; only a document that shows two characters of one glyph gets a map of
 * its own.
 */
public final class PdfTextMap {

  private final PDType0Font font;
  private final LetterGlyphs glyphs;
  /** Whether PDFBox's map of the embedded font may name a glyph after another character than the one shown. */
  private final boolean ownMap;

  /** With the glyphs a layout asked about: they know every character the document shows. */
  private PdfTextMap(PDType0Font font, LetterGlyphs glyphs, boolean ownMap) {
    this.font = font;
    this.glyphs = glyphs;
    this.ownMap = ownMap;
  }

  /**
   * Embeds the letter font in the document cut to the characters of {@code texts} before anything is laid out
   * ({@link LetterSubsetFont}; PDFBox's own subsetting where a character lies beyond the Basic Multilingual Plane),
   * and returns the map of the text the document shows in it ({@link #font()}). Every text the document shows must
   * be among {@code texts}, as it will be shown: a character of the full font that the cut font lacks is a fault.
   * The loan's font is only read, and only for a document PDFBox subsets.
   */
  public static PdfTextMap cutTo(PDDocument document, LetterFontLoans.Loan loan, Iterable<String> texts)
      throws IOException {
    return cutTo(document, loan.font(), loan.cutter(), texts);
  }

  /** As {@link #cutTo(PDDocument, LetterFontLoans.Loan, Iterable)}, with a font and cutter of the letters' pool. */
  static PdfTextMap cutTo(PDDocument document, TrueTypeFont full, LetterFontCutter cutter, Iterable<String> texts)
      throws IOException {
    IntPredicate fullFont = cutter::has;
    Set<Integer> characters = LetterSubsetFont.shownCharacters(texts, fullFont);
    Optional<PDType0Font> subset = LetterSubsetFont.embed(document, cutter, characters);
    if (subset.isEmpty()) {
      PDType0Font font = PDType0Font.load(document, full, true);
      return new PdfTextMap(font, new LetterGlyphs(font), true);
    }
    return new PdfTextMap(subset.get(), new LetterGlyphs(subset.get(), fullFont),
        LetterSubsetFont.glyphsShared(cutter, characters));
  }

  /** The font the document shows its text in. */
  public PDType0Font font() {
    return font;
  }

  /** What the document shows for its characters (see {@link #cutTo}). */
  LetterGlyphs glyphs() {
    return glyphs;
  }

  /** Notes the characters of a text the document shows. */
  public void shown(String text) {
    glyphs.showable(text);
  }

  /**
   * Saves the document with the map of the text shown. A font PDFBox subsets when the document is saved is subset
   * by a first save, whose output is dropped (PDFBox writes its own map then); a font already cut to the document's
   * characters ({@link LetterSubsetFont}) needs one save, and a map of its own only where two of its characters
   * share a glyph.
   *
   * <p>Saved with a classic cross-reference table, not PDFBox 3's default of object streams: those put the
   * document's dictionaries into one more deflated stream, about 700 bytes fewer for a letter (1.4%: the font and
   * the page's content are deflated either way) for 9% of a letter's CPU time on one thread (issue 21, session 30).
   * Every reader of PDF 1.4 reads a cross-reference table; object streams need PDF 1.5.
   */
  public void save(PDDocument document, OutputStream out) throws IOException {
    if (font.willBeSubset()) {
      document.save(OutputStream.nullOutputStream());
    }
    if (ownMap) {
      font.getCOSObject().setItem(COSName.TO_UNICODE, ToUnicodeCMap.of(document, glyphs.codePointsByCid()));
    }
    document.save(out, CompressParameters.NO_COMPRESSION);
  }
}
