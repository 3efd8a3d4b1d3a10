package jp.madoguchi.correspondence;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text a PDF of ours shows in the embedded IPAexGothic subset, saved with a ToUnicode map of the code points
 * really shown. IPAexGothic draws some ideographs and their Kangxi radical forms (示 and ⽰) with one glyph, and
 * PDFBox's own map takes the first: text copied, searched or read aloud from the document would come out as radicals.
 * The letters ({@link PdfLetterWriter}) and the disclosure annex are saved this way, so both are searchable, as the
 * PPC guideline asks of an electronic disclosure.
 */
public final class PdfTextMap {

  private final PDType0Font font;
  private final LetterGlyphs glyphs;

  public PdfTextMap(PDType0Font font) {
    this(font, new LetterGlyphs(font));
  }

  /** With the glyphs a letter's layout asked about: they know every character the letter shows. */
  PdfTextMap(PDType0Font font, LetterGlyphs glyphs) {
    this.font = font;
    this.glyphs = glyphs;
  }

  /** Notes the characters of a text the document shows. */
  public void shown(String text) {
    glyphs.showable(text);
  }

  /**
   * Saves the document with the map of the text shown. A font PDFBox subsets when the document is saved is subset
   * by a first save, whose output is dropped (PDFBox writes its own map then); a font already cut to the document's
   * characters ({@link LetterSubsetFont}) needs one save.
   */
  public void save(PDDocument document, OutputStream out) throws IOException {
    if (font.willBeSubset()) {
      document.save(OutputStream.nullOutputStream());
    }
    font.getCOSObject().setItem(COSName.TO_UNICODE, ToUnicodeCMap.of(document, glyphs.codePointsByCid()));
    document.save(out);
  }
}
