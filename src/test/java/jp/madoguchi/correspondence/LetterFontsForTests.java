package jp.madoguchi.correspondence;

/** The letter font's pool outside an application context, for the PDFs of other features' tests. */
public final class LetterFontsForTests {

  private LetterFontsForTests() {}

  /** A pool of one parsed font, lent as the application lends it. */
  public static LetterFontLoans loans() {
    return new LetterFontLoans(new PdfLetterWriter(1));
  }
}
