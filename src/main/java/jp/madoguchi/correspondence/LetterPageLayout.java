package jp.madoguchi.correspondence;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Places one letter on A4 pages, in one pass: the letterhead, date and reference, the addressee and the sender, the
 * title, the text, and on every page a footer with the desk's contacts and the page number. A block that does not
 * fit on the page starts the next one.
 */
final class LetterPageLayout {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN_LEFT = 64;
  private static final float MARGIN_RIGHT = 64;
  private static final float MARGIN_TOP = 56;
  private static final float MARGIN_BOTTOM = 72;
  private static final float BODY_SIZE = 10.5f;
  private static final float LEADING = 1.6f;
  private static final Color GREY = new Color(0x55, 0x55, 0x55);

  /** Every character a page number ({@code 2 / 3}) may show. */
  static final String PAGE_NUMBER_CHARACTERS = "0123456789 /";

  private final PDDocument document;
  private final PDType0Font font;
  private final LetterGlyphs glyphs;
  private final LetterTextWidths widths;
  private final PdfLetterWriter.Letter letter;
  private final float width = PAGE.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream stream;
  private float y;

  LetterPageLayout(PDDocument document, PDType0Font font, LetterGlyphs glyphs, PdfLetterWriter.Letter letter) {
    this.document = document;
    this.font = font;
    this.glyphs = glyphs;
    this.widths = new LetterTextWidths(font, glyphs);
    this.letter = letter;
  }

  /** The mark of a list's items. */
  static String bullet(String language) {
    return "ja".equals(language) ? "・" : "•";
  }

  /** Adds the letter's pages to the document. */
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
        for (String wrapped : widths.wrap(line, width, 8.5f)) {
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
      for (String line : widths.wrap(addressee.get(i), width * 0.6f, size)) {
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
        for (String line : widths.wrap(block.text(), width, size)) {
          space(size * 1.8f);
          y -= size * 1.6f;
          float lineWidth = widths.width(line, size);
          text(line, MARGIN_LEFT + (width - lineWidth) / 2, y, size, Color.BLACK, true);
        }
        y -= 14;
      }
      case HEADING -> {
        float size = 11.5f;
        space(size * 4);
        y -= 6;
        for (String line : widths.wrap(block.text(), width, size)) {
          y -= size * LEADING;
          text(line, MARGIN_LEFT, y, size, Color.BLACK, true);
        }
        y -= 3;
      }
      case ITEM -> {
        String bullet = bullet(letter.language());
        float indent = 16;
        List<String> lines = widths.wrap(block.text(), width - indent, BODY_SIZE);
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
        for (String line : widths.wrap(block.text(), width, BODY_SIZE)) {
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
    List<String> lines = widths.wrap(label, width * 0.4f, size);
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
        List<String> lines = widths.wrap(letter.footer(), width - widths.width(page, 8) - 16, 8);
        float lineY = footerY;
        for (String line : lines) {
          show(footer, line, MARGIN_LEFT, lineY, 8, GREY, false);
          lineY -= 10;
        }
        show(footer, page, PAGE.getWidth() - MARGIN_RIGHT - widths.width(page, 8), footerY, 8, GREY, false);
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
    String shown = glyphs.showable(line);
    text(shown, PAGE.getWidth() - MARGIN_RIGHT - widths.width(shown, size), atY, size, Color.BLACK, false);
  }

  private void text(String line, float x, float atY, float size, Color color, boolean bold) throws IOException {
    show(stream, line, x, atY, size, color, bold);
  }

  private void show(PDPageContentStream target, String line, float x, float atY, float size, Color color,
      boolean bold) throws IOException {
    String shown = glyphs.showable(line);
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
}
