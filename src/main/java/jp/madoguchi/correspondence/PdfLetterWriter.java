package jp.madoguchi.correspondence;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lays a letter out on A4 pages with Apache PDFBox: the letterhead, date and reference, the addressee and the
 * sender, the title, the text, and a footer with the desk's contacts and the page number. Japanese needs a font of
 * its own: IPAexGothic is embedded (as a subset) in every letter, so that it prints the same everywhere.
 *
 * <p>Lines break as {@link LineBreaker} says: between Japanese characters and between English words, by the
 * Japanese rules.
 */
@Component
class PdfLetterWriter {

  static final String FONT_RESOURCE = "fonts/ipaexg.ttf";
  static final String FONT_NAME = "IPAexGothic";

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_LEFT = 64;
  private static final float MARGIN_RIGHT = 64;
  private static final float MARGIN_TOP = 56;
  private static final float MARGIN_BOTTOM = 72;
  private static final float BODY_SIZE = 10.5f;
  private static final float LEADING = 1.6f;
  private static final Color GREY = new Color(0x55, 0x55, 0x55);
  private static final char MISSING_GLYPH = '\u3013';

  private final LetterFonts fonts;

  @Autowired
  PdfLetterWriter(CorrespondenceProperties properties) {
    this(properties.parsedFonts());
  }

  /**
   * @param parsedFonts letters written at the same time, at most, each with a parsed font of its own (about 20 MB
   *     each); a further one waits for one. The job executor's threads write letters, tens of milliseconds each.
   */
  PdfLetterWriter(int parsedFonts) {
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
      // embedded as a subset (the glyphs the letter uses), written horizontally
      PDType0Font font = PDType0Font.load(document, ttf, true);
      describe(document, letter);
      Layout layout = new Layout(document, font, letter);
      layout.run();
      int pages = document.getNumberOfPages();
      // The first save subsets the font and writes PDFBox's own ToUnicode map, which takes the first of several code
      // points sharing a glyph: IPAexGothic draws 口 and the Kangxi radical ⼝ alike, and text copied from the letter
      // (or read aloud, or searched) would come out as radicals. The second save carries a map of the code points
      // the letter really uses.
      document.save(OutputStream.nullOutputStream());
      font.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode(document, layout.codePointsByCid()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
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

  /** How many times the font was parsed since start: a seam for tests. */
  int fontsParsed() {
    return fonts.parsed();
  }

  /** A ToUnicode CMap (PDF 32000 9.10.3) from character ids (two bytes, Identity-H) to the code points shown. */
  private static PDStream toUnicode(PDDocument document, Map<Integer, Integer> codePointsByCid) throws IOException {
    StringBuilder cmap = new StringBuilder("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new TreeMap<>(codePointsByCid).entrySet());
    for (int from = 0; from < entries.size(); from += 100) {
      List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, Integer> entry : block) {
        hex4(cmap.append('<'), entry.getKey()).append("> <");
        for (char unit : Character.toChars(entry.getValue())) {
          hex4(cmap, unit);
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("""
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """);
    return new PDStream(document, new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)),
        COSName.FLATE_DECODE);
  }

  /** Four upper-case hex digits, as {@code %04X} writes them (without parsing a format for every entry). */
  static StringBuilder hex4(StringBuilder out, int value) {
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(Character.toUpperCase(Character.forDigit((value >> shift) & 0xF, 16)));
    }
    return out;
  }

  private static void describe(PDDocument document, Letter letter) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(letter.documentTitle());
    info.setAuthor(letter.author());
    info.setSubject(letter.reference());
    info.setCreator("Madoguchi");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(letter.createdAt().toEpochMilli());
    info.setCreationDate(created);
    document.getDocumentCatalog().setLanguage("ja".equals(letter.language()) ? "ja-JP" : "en");
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    document.getDocumentCatalog().setViewerPreferences(preferences);
  }

  /** One pass over the letter, page by page. */
  private static final class Layout {

    private final PDDocument document;
    private final PDType0Font font;
    private final Letter letter;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private final Map<Integer, Float> advances = new HashMap<>();
    private final Map<Integer, Integer> codePointsByCid = new HashMap<>();
    private final float width = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    Layout(PDDocument document, PDType0Font font, Letter letter) {
      this.document = document;
      this.font = font;
      this.letter = letter;
    }

    void run() throws IOException {
      newPage();
      header();
      addresseeAndSender();
      for (LetterText.Block block : letter.text().blocks()) {
        block(block);
      }
      stream.close();
      footers();
    }

    /** The letterhead across the top, a rule, then the date and the reference number on the right. */
    private void header() throws IOException {
      List<String> head = letter.letterhead();
      if (!head.isEmpty()) {
        y -= 13;
        text(head.get(0), MARGIN_LEFT, y, 13, Color.BLACK, true);
        y -= 3;
        for (String line : head.subList(1, head.size())) {
          for (String wrapped : wrap(line, width, 8.5f)) {
            y -= 11.5f;
            text(wrapped, MARGIN_LEFT, y, 8.5f, GREY, false);
          }
        }
      }
      y -= 8;
      stream.setStrokingColor(GREY);
      stream.setLineWidth(0.6f);
      stream.moveTo(MARGIN_LEFT, y);
      stream.lineTo(PAGE.getWidth() - MARGIN_RIGHT, y);
      stream.stroke();
      y -= 18;
      rightAligned(letter.date(), y, 10);
      y -= 15;
      rightAligned(letter.reference(), y, 10);
      y -= 8;
    }

    private void addresseeAndSender() throws IOException {
      List<String> addressee = letter.addressee();
      for (int i = 0; i < addressee.size(); i++) {
        boolean name = i == letter.addresseeNameLine();
        float size = name ? 12.5f : 10.5f;
        for (String line : wrap(addressee.get(i), width * 0.6f, size)) {
          y -= size * 1.55f;
          text(line, MARGIN_LEFT, y, size, Color.BLACK, name);
        }
      }
      y -= 14;
      for (String line : letter.sender()) {
        y -= 9.5f * 1.5f;
        rightAligned(line, y, 9.5f);
      }
      y -= 24;
    }

    private void block(LetterText.Block block) throws IOException {
      switch (block.type()) {
        case TITLE -> {
          float size = 15;
          for (String line : wrap(block.text(), width, size)) {
            space(size * 1.8f);
            y -= size * 1.6f;
            float lineWidth = width(line, size);
            text(line, MARGIN_LEFT + (width - lineWidth) / 2, y, size, Color.BLACK, true);
          }
          y -= 14;
        }
        case HEADING -> {
          float size = 11.5f;
          space(size * 4);
          y -= 6;
          for (String line : wrap(block.text(), width, size)) {
            y -= size * LEADING;
            text(line, MARGIN_LEFT, y, size, Color.BLACK, true);
          }
          y -= 3;
        }
        case ITEM -> {
          String bullet = "ja".equals(letter.language()) ? "・" : "•";
          float indent = 16;
          List<String> lines = wrap(block.text(), width - indent, BODY_SIZE);
          for (int i = 0; i < lines.size(); i++) {
            space(BODY_SIZE * LEADING);
            y -= BODY_SIZE * LEADING;
            if (i == 0) {
              text(bullet, MARGIN_LEFT + 3, y, BODY_SIZE, Color.BLACK, false);
            }
            text(lines.get(i), MARGIN_LEFT + indent, y, BODY_SIZE, Color.BLACK, false);
          }
        }
        case FIELD -> field(block.text());
        case RIGHT -> {
          space(BODY_SIZE * LEADING);
          y -= BODY_SIZE * LEADING;
          rightAligned(block.text(), y, BODY_SIZE);
        }
        case LINE -> {
          for (String line : wrap(block.text(), width, BODY_SIZE)) {
            space(BODY_SIZE * LEADING);
            y -= BODY_SIZE * LEADING;
            text(line, MARGIN_LEFT, y, BODY_SIZE, Color.BLACK, false);
          }
        }
        case GAP -> y -= BODY_SIZE * 0.8f;
      }
    }

    /** A form field: its label, and a ruled line to write on. */
    private void field(String label) throws IOException {
      float size = BODY_SIZE;
      space(size * 3.2f);
      y -= size * 2.4f;
      List<String> lines = wrap(label, width * 0.4f, size);
      float labelY = y;
      for (String line : lines) {
        text(line, MARGIN_LEFT, labelY, size, Color.BLACK, false);
        labelY -= size * 1.3f;
      }
      y = labelY + size * 1.3f;
      stream.setStrokingColor(GREY);
      stream.setLineWidth(0.5f);
      stream.moveTo(MARGIN_LEFT + width * 0.42f, y - 3);
      stream.lineTo(PAGE.getWidth() - MARGIN_RIGHT, y - 3);
      stream.stroke();
    }

    private void footers() throws IOException {
      int total = pages.size();
      for (int i = 0; i < total; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
          float footerY = MARGIN_BOTTOM - 30;
          footer.setStrokingColor(GREY);
          footer.setLineWidth(0.4f);
          footer.moveTo(MARGIN_LEFT, footerY + 12);
          footer.lineTo(PAGE.getWidth() - MARGIN_RIGHT, footerY + 12);
          footer.stroke();
          String page = (i + 1) + " / " + total;
          List<String> lines = wrap(letter.footer(), width - width(page, 8) - 16, 8);
          float lineY = footerY;
          for (String line : lines) {
            show(footer, line, MARGIN_LEFT, lineY, 8, GREY, false);
            lineY -= 10;
          }
          show(footer, page, PAGE.getWidth() - MARGIN_RIGHT - width(page, 8), footerY, 8, GREY, false);
        }
      }
    }

    private void space(float needed) throws IOException {
      if (y - needed < MARGIN_BOTTOM) {
        stream.close();
        newPage();
      }
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      pages.add(page);
      stream = new PDPageContentStream(document, page);
      y = PAGE.getHeight() - MARGIN_TOP;
    }

    private void rightAligned(String line, float atY, float size) throws IOException {
      String shown = showable(line);
      text(shown, PAGE.getWidth() - MARGIN_RIGHT - width(shown, size), atY, size, Color.BLACK, false);
    }

    private void text(String line, float x, float atY, float size, Color color, boolean bold) throws IOException {
      show(stream, line, x, atY, size, color, bold);
    }

    private void show(PDPageContentStream target, String line, float x, float atY, float size, Color color,
        boolean bold) throws IOException {
      String shown = showable(line);
      if (shown.isEmpty()) {
        return;
      }
      target.beginText();
      target.setFont(font, size);
      target.setNonStrokingColor(color);
      if (bold) {
        // IPAexGothic has one weight: a thin outline around the glyphs stands in for bold
        target.setStrokingColor(color);
        target.setLineWidth(size * 0.035f);
        target.setRenderingMode(RenderingMode.FILL_STROKE);
      } else {
        target.setRenderingMode(RenderingMode.FILL);
      }
      target.newLineAtOffset(x, atY);
      target.showText(shown);
      target.endText();
    }

    List<String> wrap(String text, float maxWidth, float size) {
      return LineBreaker.wrap(showable(text), maxWidth, part -> width(part, size));
    }

    /**
     * The width of the text as shown, from each character's advance width, read from the font once per letter: line
     * breaking measures every candidate line, and asking the font each time made the layout the costliest part of
     * a letter. The sum is the font's own {@code getStringWidth} (PDFBox adds the same widths, without kerning).
     */
    private float width(String text, float size) {
      float units = 0;
      for (int i = 0; i < text.length(); ) {
        int shown = shown(text.codePointAt(i));
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

    /** The text with every character the font cannot show replaced by 〓, as Japanese typesetting does. */
    private String showable(String text) {
      StringBuilder shown = new StringBuilder(text.length());
      text.codePoints().map(this::shown).filter(cp -> cp >= 0).forEach(shown::appendCodePoint);
      return shown.toString();
    }

    /** What the letter shows for a character: itself, a space, 〓 when the font lacks it, or nothing (-1). */
    private int shown(int codePoint) {
      if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
        return ' ';
      } else if (Character.isISOControl(codePoint)) {
        return -1;
      } else if (glyphs.computeIfAbsent(codePoint, this::hasGlyph)) {
        return codePoint;
      }
      return MISSING_GLYPH;
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

    /** The code point each character id shown in the letter stands for. */
    Map<Integer, Integer> codePointsByCid() {
      return codePointsByCid;
    }
  }
}
