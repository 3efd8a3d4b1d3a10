package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PdfDeflateLevelTest {

  static final String BODY = "ご請求いただいた保有個人データを下記のとおり開示いたします。ご不明な点は個人情報窓口までお問い合わせください。";

  @AfterEach
  void theDesksLevelAgain() {
    // the level is the JVM's: the other tests write at the desk's default
    new PdfLetterWriter(1);
  }

  @Test
  void theConfiguredLevelIsTheOneEveryPdfIsCompressedAtAndALetterReadsTheSameAtEveryLevel() throws IOException {
    byte[] fast = new PdfLetterWriter(1, 1).write(LetterFontsTest.letter("MDG-2026-000001", BODY)).bytes();
    assertThat(System.getProperty(Filter.SYSPROP_DEFLATELEVEL)).isEqualTo("1");
    byte[] hardest = new PdfLetterWriter(1, 9).write(LetterFontsTest.letter("MDG-2026-000001", BODY)).bytes();
    assertThat(System.getProperty(Filter.SYSPROP_DEFLATELEVEL)).isEqualTo("9");
    byte[] none = new PdfLetterWriter(1, 0).write(LetterFontsTest.letter("MDG-2026-000001", BODY)).bytes();

    // the font's subset is most of a letter: compressed harder, the letter is smaller; not at all, far larger
    assertThat(hardest.length).isLessThan(fast.length);
    assertThat(none.length).isGreaterThan(fast.length * 5 / 4);
    assertThat(fontStreamFilter(fast)).isEqualTo(COSName.FLATE_DECODE);
    assertThat(LetterFontsTest.text(fast)).isEqualTo(LetterFontsTest.text(hardest))
        .isEqualTo(LetterFontsTest.text(none)).contains("MDG-2026-000001", LetterFontsTest.compact(BODY));
  }

  private static Object fontStreamFilter(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      PDType0Font font = (PDType0Font) resources.getFont(resources.getFontNames().iterator().next());
      return font.getDescendantFont().getFontDescriptor().getFontFile2().getCOSObject()
          .getDictionaryObject(COSName.FILTER);
    }
  }
}
