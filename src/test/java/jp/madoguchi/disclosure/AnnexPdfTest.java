package jp.madoguchi.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.correspondence.LetterFontLoans;
import jp.madoguchi.correspondence.LetterFontsForTests;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The annex is laid out first and drawn with IPAexGothic cut to the characters it shows: every page carries its
 * header and "n / N", the text reads back as written (a character the font lacks as ?), and the embedded font holds
 * the glyphs of those characters and no others.
 */
class AnnexPdfTest {

  private final LetterFontLoans fonts = LetterFontsForTests.loans();

  @Test
  void aLongAnnexIsDrawnOnNumberedPagesWithItsFontCutToWhatItShows() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(List.of("2026-11-" + (i % 28 + 1), "お問い合わせ " + i, "住所変更のご依頼(示)"));
    }
    byte[] pdf;
    int pages;
    try (AnnexPdf annex = new AnnexPdf("別添 MDG-2026-000042", fonts.borrow())) {
      annex.title("開示する保有個人データ");
      annex.line("この別添は、ご請求に係る保有個人データの一覧です。\t改行\nのある行");
      annex.heading("お問い合わせ履歴 (contact-history)");
      annex.table(List.of("日付", "件名", "内容"), rows);
      annex.line("𠮷野家");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pages = annex.writeTo(out);
      pdf = out.toByteArray();
    }

    assertThat(pages).isGreaterThan(2);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(pages);
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document).replaceAll("\\s+", "");
        assertThat(text).as("page %d", page).contains("別添MDG-2026-000042", page + "/" + pages);
      }
      String all = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(all).contains("開示する保有個人データ", "?改行", "のある行", "お問い合わせ120", "住所変更のご依頼(示)",
          "?野家");

      PDType0Font font = (PDType0Font) document.getPage(0).getResources()
          .getFont(document.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("別添 MDG-2026-000042");
      byte[] program = font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
      try (TrueTypeFont embedded = new TTFParser(true).parse(new RandomAccessReadBuffer(program))) {
        Set<Integer> shown = all.codePoints().boxed().collect(Collectors.toSet());
        // .notdef, the space and one glyph per other character shown
        assertThat(embedded.getNumberOfGlyphs()).isBetween(shown.size(), shown.size() + 2);
      }
      assertThat(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)).isNotNull();
    }
  }

  @Test
  void anEmptyAnnexIsOnePageWithItsHeaderAndNumber() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AnnexPdf annex = new AnnexPdf("Annex MDG-2026-000043", fonts.borrow())) {
      assertThat(annex.writeTo(out)).isOne();
    }
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).isEqualTo("AnnexMDG-2026-0000431/1");
    }
  }
}
