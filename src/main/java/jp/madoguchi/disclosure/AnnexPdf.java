package jp.madoguchi.disclosure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.correspondence.LetterFontLoans;
import jp.madoguchi.correspondence.PdfTextMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A simple writer of the annex (別添): A4 pages, the request's reference and the page number ("n / N") on every page,
 * headings, lines of text that wrap, and tables whose cells wrap. The font is IPAexGothic, embedded as a subset.
 *
 * <p>The annex is laid out first, with the full font's widths, and drawn when it is written: then every character
 * it shows is known, and the font is cut to them before it is embedded ({@link PdfTextMap#cutTo}), as the letters'
 * fonts are. PDFBox's own subsetting, which this writer used before, writes and reads back the widths of all 15,000
 * glyphs of the font and needs a second save: a third of a disclosure's freeze in the benchmark (issue 21).
 */
final class AnnexPdf implements AutoCloseable {

  private static final float MARGIN = 48;
  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final float BODY = 9;
  private static final float LEADING = 12.5f;
  private static final float HEADER_SIZE = 8;
  private static final float TABLE_LINE_WIDTH = 0.4f;
  private static final float SHADE = 0.9f;

  /** What a page shows, placed: a text, or a table cell's box. */
  private sealed interface Mark permits Text, Box {}

  private record Text(String text, float size, float x, float y) implements Mark {}

  private record Box(float x, float y, float width, float height, boolean shaded) implements Mark {}

  private final PDDocument document = new PDDocument();
  private final TrueTypeFont ttf;
  private final CmapLookup cmap;
  private final float unitsPerEm;
  private final String header;
  private final LetterFontLoans.Loan fontLoan;
  private final List<List<Mark>> pages = new ArrayList<>();
  private List<Mark> page;
  private float y;

  /**
   * @param fontLoan the letter font, lent for this annex from the letters' pool (parsing IPAexGothic for every annex
   *     was the costliest part of a disclosure's freeze); given back when the annex is closed after it was written
   */
  AnnexPdf(String header, LetterFontLoans.Loan fontLoan) {
    this.header = header;
    this.fontLoan = fontLoan;
    try {
      this.ttf = fontLoan.font();
      this.cmap = ttf.getUnicodeCmapLookup();
      this.unitsPerEm = ttf.getUnitsPerEm();
      newPage();
    } catch (IOException | RuntimeException failure) {
      fontLoan.close();
      throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
    }
  }

  void title(String text) {
    paragraph(text, 14, 20);
    space(6);
  }

  void heading(String text) {
    space(6);
    ensure(LEADING * 3);
    paragraph(text, 11.5f, 16);
  }

  void line(String text) {
    paragraph(text, BODY, LEADING);
  }

  void space(float points) {
    y -= points;
  }

  /** A table: the header row and the rows, columns of equal width, each cell's text wrapped to its width. */
  void table(List<String> columns, List<List<String>> rows) {
    if (columns.isEmpty()) {
      return;
    }
    float width = (WIDTH - 2 * MARGIN) / columns.size();
    float size = columns.size() > 6 ? 7 : 8;
    // the last line's descenders sit below its baseline
    space(4);
    tableRow(columns, width, size, true);
    for (List<String> row : rows) {
      tableRow(row, width, size, false);
    }
    space(4);
  }

  private void tableRow(List<String> cells, float width, float size, boolean head) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (String cell : cells) {
      List<String> cellLines = wrap(cell == null ? "" : cell, size, width - 4);
      wrapped.add(cellLines);
      lines = Math.max(lines, cellLines.size());
    }
    float leading = size + 3;
    float height = lines * leading + 4;
    ensure(height);
    for (int c = 0; c < cells.size(); c++) {
      float x = MARGIN + c * width;
      page.add(new Box(x, y - height, width, height, head));
      float lineY = y - size - 1;
      for (String text : wrapped.get(c)) {
        show(text, size, x + 2, lineY);
        lineY -= leading;
      }
    }
    y -= height;
  }

  private void paragraph(String text, float size, float leading) {
    for (String part : text.split("\n", -1)) {
      for (String wrappedLine : wrap(part, size, WIDTH - 2 * MARGIN)) {
        ensure(leading);
        y -= leading;
        show(wrappedLine, size, MARGIN, y);
      }
    }
  }

  private List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    float used = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      float w = width(printable(codePoint), size);
      if (used + w > width && current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
        used = 0;
      }
      current.appendCodePoint(codePoint);
      used += w;
      i += Character.charCount(codePoint);
    }
    lines.add(current.toString());
    return lines;
  }

  /** The width of a character the annex shows, from the full font's metrics (the subset has the same). */
  private float width(int shownCodePoint, float size) {
    try {
      return ttf.getAdvanceWidth(cmap.getGlyphId(shownCodePoint)) * size / unitsPerEm;
    } catch (IOException unreadable) {
      return size;
    }
  }

  private float width(String shown, float size) {
    float width = 0;
    for (int i = 0; i < shown.length(); ) {
      int codePoint = shown.codePointAt(i);
      width += width(codePoint, size);
      i += Character.charCount(codePoint);
    }
    return width;
  }

  /** The character shown for one of the text: itself, or ? where the font has none (or it is a control). */
  private int printable(int codePoint) {
    return !Character.isISOControl(codePoint) && cmap.getGlyphId(codePoint) > 0 ? codePoint : '?';
  }

  private String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> out.appendCodePoint(printable(codePoint)));
    return out.toString();
  }

  private void show(String text, float size, float x, float atY) {
    if (!text.isEmpty()) {
      page.add(new Text(printable(text), size, x, atY));
    }
  }

  private void ensure(float height) {
    if (y - height < MARGIN + 20) {
      newPage();
    }
  }

  private void newPage() {
    page = new ArrayList<>();
    pages.add(page);
    y = HEIGHT - MARGIN;
    show(header, HEADER_SIZE, MARGIN, HEIGHT - 30);
  }

  /** Writes the pages, each with its number, and returns how many there are. */
  int writeTo(OutputStream out) {
    try {
      int count = pages.size();
      for (int i = 0; i < count; i++) {
        String number = (i + 1) + " / " + count;
        pages.get(i).add(new Text(number, HEADER_SIZE, WIDTH / 2 - width(number, HEADER_SIZE) / 2, 24));
      }
      List<String> texts = new ArrayList<>();
      pages.forEach(marks -> marks.forEach(mark -> {
        if (mark instanceof Text text) {
          texts.add(text.text());
        }
      }));
      PdfTextMap textMap = PdfTextMap.cutTo(document, fontLoan, texts);
      for (List<Mark> marks : pages) {
        draw(marks, textMap);
      }
      document.getDocumentInformation().setTitle(header);
      // saved with the map of the text shown, so that the annex can be searched and copied as text
      textMap.save(document, out);
      fontLoan.written();
      return count;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private void draw(List<Mark> marks, PdfTextMap textMap) throws IOException {
    PDPage pdfPage = new PDPage(PDRectangle.A4);
    document.addPage(pdfPage);
    try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
      for (Mark mark : marks) {
        if (mark instanceof Box box) {
          content.setLineWidth(TABLE_LINE_WIDTH);
          if (box.shaded()) {
            content.setNonStrokingColor(SHADE);
            content.addRect(box.x(), box.y(), box.width(), box.height());
            content.fill();
            content.setNonStrokingColor(0f);
          }
          content.addRect(box.x(), box.y(), box.width(), box.height());
          content.stroke();
        } else if (mark instanceof Text text) {
          content.beginText();
          content.setFont(textMap.font(), text.size());
          content.newLineAtOffset(text.x(), text.y());
          textMap.shown(text.text());
          content.showText(text.text());
          content.endText();
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } finally {
      fontLoan.close();
    }
  }
}
