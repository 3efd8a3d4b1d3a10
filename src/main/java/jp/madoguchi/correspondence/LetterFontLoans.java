package jp.madoguchi.correspondence;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * The letter font for PDFs of other features (the disclosure annex): lent from the same pool as the letters' (see
 * {@link LetterFonts}), so that such a PDF does not parse IPAexGothic (6 MB) again for itself. A loan holds one parsed
 * font for one document, from its first line until it is saved; it is given back when closed, or dropped when the
 * document was not written ({@link Loan#written()} not called), as the letters do.
 */
@Component
public class LetterFontLoans {

  private final LetterFonts fonts;

  LetterFontLoans(PdfLetterWriter letters) {
    this.fonts = letters.fonts();
  }

  /** A parsed font for one document; close the loan when the document is saved (or has failed). */
  public Loan borrow() {
    return new Loan(fonts, fonts.borrow());
  }

  /** One parsed font lent to one document. */
  public static final class Loan implements AutoCloseable {

    private final LetterFonts fonts;
    private final TrueTypeFont font;
    private boolean written;
    private boolean closed;

    private Loan(LetterFonts fonts, TrueTypeFont font) {
      this.fonts = fonts;
      this.font = font;
    }

    /** The parsed font, without its glyph substitution table, as the letters use it. */
    public TrueTypeFont font() {
      return font;
    }

    /** The font read for cutting a document's subset ({@link PdfTextMap#cutTo(PDDocument, Loan, Iterable)}). */
    LetterFontCutter cutter() {
      return fonts.cutter();
    }

    /** The document was saved: the font may serve the next one. */
    public void written() {
      written = true;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (written) {
        fonts.giveBack(font);
      } else {
        fonts.drop(font);
      }
    }
  }
}
