package jp.madoguchi.correspondence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes a letter as an A4 PDF with Apache PDFBox: borrows the parsed font, describes the document, has
 * {@link LetterPageLayout} place the letter on its pages and saves it with a {@link ToUnicodeCMap} of the text it
 * shows. Japanese needs a font of its own: IPAexGothic is embedded (as a subset) in every letter, so that it prints
 * the same everywhere; the subset is cut to the letter's characters before the layout ({@link LetterSubsetFont}).
 *
 * <p>Lines break as {@link LineBreaker} says: between Japanese characters and between English words, by the
 * Japanese rules.
 */
@Component
class PdfLetterWriter {

  static final String FONT_RESOURCE = "fonts/ipaexg.ttf";
  static final String FONT_NAME = "IPAexGothic";
  /** What a letter's PDF usually takes (one page or two, the font's subset most of it). */
  private static final int LETTER_BYTES = 64 * 1024;

  private final LetterFonts fonts;

  /** The default of {@code madoguchi.correspondence.pdf-deflate-level} ({@link CorrespondenceProperties}). */
  static final int DEFLATE_LEVEL = 1;

  @Autowired
  PdfLetterWriter(CorrespondenceProperties properties) {
    this(properties.parsedFonts(), properties.pdfDeflateLevel());
  }

  PdfLetterWriter(int parsedFonts) {
    this(parsedFonts, DEFLATE_LEVEL);
  }

  /**
   * @param parsedFonts letters written at the same time, at most, each with a parsed font of its own (about 20 MB
   *     each); a further one waits for one. The job executor's threads write letters, tens of milliseconds each.
   * @param deflateLevel how hard the PDFs' streams are compressed (0-9). PDFBox reads it from a system property each
   *     time it compresses a stream, for the whole JVM: it is set here, once, for every PDF of the desk (the
   *     letters and the disclosure annex, whose fonts are lent from this writer). zlib compressing the font's subset
   *     at its default level (6) was the largest part of a letter's CPU time; at 1 a letter takes about 30% less,
   *     for 4% more bytes (ADR 0048).
   */
  PdfLetterWriter(int parsedFonts, int deflateLevel) {
    System.setProperty(Filter.SYSPROP_DEFLATELEVEL, Integer.toString(deflateLevel));
    try (InputStream in = new ClassPathResource(FONT_RESOURCE).getInputStream()) {
      this.fonts = new LetterFonts(in.readAllBytes(), parsedFonts);
    } catch (IOException missing) {
      throw new UncheckedIOException("The letter font " + FONT_RESOURCE + " is missing from the classpath", missing);
    }
  }

  /** What one letter shows, already in its language. */
  record Letter(
      String language,
      String documentTitle,
      String author,
      List<String> letterhead,
      String date,
      String reference,
      List<String> addressee,
      int addresseeNameLine,
      List<String> sender,
      LetterText text,
      String footer,
      Instant createdAt) {}

  /** The PDF and how many pages it has. */
  record Pdf(byte[] bytes, int pages) {}

  Pdf write(Letter letter) {
    TrueTypeFont ttf = fonts.borrow();
    boolean written = false;
    try (PDDocument document = new PDDocument()) {
      // embedded as a subset (the glyphs the letter uses), cut before the layout where it can be
      PdfTextMap textMap = PdfTextMap.cutTo(document, ttf, fonts.cutter(), shownTexts(letter));
      PDType0Font font = textMap.font();
      describe(document, letter);
      new LetterPageLayout(document, font, textMap.glyphs(), letter).run();
      int pages = document.getNumberOfPages();
      // PDFBox's own ToUnicode map takes the first of several code points sharing a glyph: IPAexGothic draws 口 and
      // the Kangxi radical ⼝ alike, and text copied from the letter (or read aloud, or searched) would come out as
      // radicals. The letter is saved with a map of the code points it really uses (after a first save that
      // subsets the font, when PDFBox subsets it).
      // a letter's PDF is about 55 KB: room for it at once, where the default 32 bytes doubled a dozen times
      ByteArrayOutputStream out = new ByteArrayOutputStream(LETTER_BYTES);
      textMap.save(document, out);
      written = true;
      return new Pdf(out.toByteArray(), pages);
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not write the letter " + letter.reference(), failure);
    } finally {
      if (written) {
        fonts.giveBack(ttf);
      } else {
        // a font that took part in a failed letter is not lent again
        fonts.drop(ttf);
      }
    }
  }

  /** Every text the layout shows of a letter ({@link LetterPageLayout}), its bullets and page numbers too. */
  static List<String> shownTexts(Letter letter) {
    List<String> texts = new ArrayList<>();
    texts.addAll(letter.letterhead());
    texts.add(letter.date());
    texts.add(letter.reference());
    texts.addAll(letter.addressee());
    texts.addAll(letter.sender());
    letter.text().blocks().forEach(block -> texts.add(block.text()));
    texts.add(letter.footer());
    texts.add(LetterPageLayout.bullet(letter.language()));
    texts.add(LetterPageLayout.PAGE_NUMBER_CHARACTERS);
    return texts;
  }

  /** The pool of parsed fonts, lent to other features' PDFs too ({@link LetterFontLoans}). */
  LetterFonts fonts() {
    return fonts;
  }

  /** How many times the font was parsed since start: a seam for tests. */
  int fontsParsed() {
    return fonts.parsed();
  }

  private static final DateTimeFormatter PDF_DATE_UTC =
      DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * A PDF date (PDF 32000 7.9.4) in UTC, as PDFBox writes a calendar in UTC ({@code D:20261206053200+00'00'}), without
   * the {@code String.format} PDFBox formats it with (a third of describing a letter, issue 21).
   */
  static String pdfDate(Instant instant) {
    return PDF_DATE_UTC.format(instant);
  }

  /** The document properties readers and screen readers show: its title (in the window too), author, language. */
  private static void describe(PDDocument document, Letter letter) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(letter.documentTitle());
    info.setAuthor(letter.author());
    info.setSubject(letter.reference());
    info.setCreator("Madoguchi");
    info.getCOSObject().setString(COSName.CREATION_DATE, pdfDate(letter.createdAt()));
    document.getDocumentCatalog().setLanguage("ja".equals(letter.language()) ? "ja-JP" : "en");
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    document.getDocumentCatalog().setViewerPreferences(preferences);
  }
}
