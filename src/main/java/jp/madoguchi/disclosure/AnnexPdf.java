package jp.madoguchi.disclosure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.correspondence.LetterFontLoans;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A simple writer of the annex (別添): A4 pages, the request's reference and the page number ("n / N") on every page,
 * headings, lines of text that wrap, and tables whose cells wrap. The font is IPAexGothic, embedded as a subset.
 */
final class AnnexPdf implements AutoCloseable {

  private static final float MARGIN = 48;
  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final float BODY = 9;
  private static final float LEADING = 12.5f;

  private final PDDocument document = new PDDocument();
  private final PDType0Font font;
  private final jp.madoguchi.correspondence.PdfTextMap textMap;
  private final org.apache.fontbox.ttf.CmapLookup cmap;
  private final String header;
  private final LetterFontLoans.Loan fontLoan;
  private PDPageContentStream content;
  private float y;

  /**
   * @param fontLoan the letter font, lent for this annex from the letters' pool (parsing IPAexGothic for every annex
   *     was the costliest part of a disclosure's freeze); given back when the annex is closed after it was written
   */
  AnnexPdf(String header, LetterFontLoans.Loan fontLoan) {
    this.header = header;
    this.fontLoan = fontLoan;
    try {
      TrueTypeFont ttf = fontLoan.font();
      this.cmap = ttf.getUnicodeCmapLookup();
      this.font = PDType0Font.load(document, ttf, true);
      this.textMap = new jp.madoguchi.correspondence.PdfTextMap(font);
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
    try {
      content.setLineWidth(0.4f);
      for (int c = 0; c < cells.size(); c++) {
        float x = MARGIN + c * width;
        if (head) {
          content.setNonStrokingColor(0.9f);
          content.addRect(x, y - height, width, height);
          content.fill();
          content.setNonStrokingColor(0f);
        }
        content.addRect(x, y - height, width, height);
        content.stroke();
        float lineY = y - size - 1;
        for (String text : wrapped.get(c)) {
          show(text, size, x + 2, lineY);
          lineY -= leading;
        }
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
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
      String character = new String(Character.toChars(codePoint));
      float w = width(character, size);
      if (used + w > width && current.length() > 0) {
        lines.add(current.toString());
        current.setLength(0);
        used = 0;
      }
      current.append(character);
      used += w;
      i += Character.charCount(codePoint);
    }
    lines.add(current.toString());
    return lines;
  }

  private float width(String character, float size) {
    try {
      return font.getStringWidth(printable(character)) / 1000 * size;
    } catch (IOException | IllegalArgumentException notInFont) {
      return size;
    }
  }

  private String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String c = new String(Character.toChars(cp));
      out.append(!Character.isISOControl(cp) && cmap.getGlyphId(cp) > 0 ? c : "?");
    });
    return out.toString();
  }

  private void show(String text, float size, float x, float atY) {
    if (text.isEmpty()) {
      return;
    }
    try {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, atY);
      String shown = printable(text);
      textMap.shown(shown);
      content.showText(shown);
      content.endText();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private void ensure(float height) {
    if (y - height < MARGIN + 20) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = HEIGHT - MARGIN;
      show(header, 8, MARGIN, HEIGHT - 30);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /** Writes the pages, each with its number, and returns how many there are. */
  int writeTo(OutputStream out) {
    try {
      content.close();
      int pages = document.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        PDPage page = document.getPage(i);
        try (PDPageContentStream footer = new PDPageContentStream(document, page,
            PDPageContentStream.AppendMode.APPEND, true)) {
          content = footer;
          String number = (i + 1) + " / " + pages;
          show(number, 8, WIDTH / 2 - width(number, 8) / 2, 24);
        }
      }
      document.getDocumentInformation().setTitle(header);
      // saved with the map of the text shown, so that the annex can be searched and copied as text
      textMap.save(document, out);
      fontLoan.written();
      return pages;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
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
