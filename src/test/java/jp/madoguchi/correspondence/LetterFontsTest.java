package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.correspondence.LetterText.Block;
import jp.madoguchi.correspondence.LetterText.Type;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The parsed letter font is lent from letter to letter: every letter written with a lent font, one after another
 * or several at the same time, reads back with its own text, and the font is not parsed again for every letter.
 */
class LetterFontsTest {

  static final int FONTS = 2;

  final PdfLetterWriter writer = new PdfLetterWriter(FONTS);

  @Test
  void lettersWrittenOneAfterAnotherShareOneParsedFontAndEachReadsBackWithItsOwnText() throws IOException {
    for (int i = 0; i < 5; i++) {
      String body = "開示請求 第" + i + "号 山田太郎様 Disclosure " + i;
      PdfLetterWriter.Pdf pdf = writer.write(letter("REF-" + i, body));
      assertThat(text(pdf.bytes())).contains("REF-" + i).contains(compact(body));
    }
    assertThat(writer.fontsParsed()).isEqualTo(1);
  }

  @Test
  void lettersWrittenAtTheSameTimeEachBorrowAFontOfTheirOwn() throws Exception {
    int threads = 4;
    int perThread = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(pool.submit(() -> {
          start.await();
          List<String> problems = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            String reference = "REF-" + thread + "-" + i;
            // each thread its own characters, so that a glyph lent to the wrong letter would show
            String body = "訂正" + "一二三四五六七八九十百千".charAt(thread * perThread + i) + "様 letter " + reference;
            String text = text(writer.write(letter(reference, body)).bytes());
            if (!text.contains(reference) || !text.contains(compact(body))) {
              problems.add(reference + " read back as " + text);
            }
          }
          return problems;
        }));
      }
      start.countDown();
      for (Future<List<String>> result : running) {
        assertThat(result.get(2, TimeUnit.MINUTES)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    // one parse per letter written at the same time, at most, not one per letter (12)
    assertThat(writer.fontsParsed()).isBetween(1, Math.min(threads, FONTS));
  }

  @Test
  void noMoreFontsAreParsedThanAllowedALetterThatFindsThemAllLentWaitsAndAFailedLettersFontIsReplaced()
      throws Exception {
    byte[] data;
    try (var in = new org.springframework.core.io.ClassPathResource(PdfLetterWriter.FONT_RESOURCE).getInputStream()) {
      data = in.readAllBytes();
    }
    LetterFonts fonts = new LetterFonts(data, 2);
    var first = fonts.borrow();
    var second = fonts.borrow();
    assertThat(second).isNotSameAs(first);
    assertThat(fonts.parsed()).isEqualTo(2);

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<org.apache.fontbox.ttf.TrueTypeFont> third = other.submit(fonts::borrow);
      Thread.sleep(200);
      assertThat(third).as("all fonts are lent: the third letter waits").isNotDone();
      fonts.giveBack(first);
      assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(first);
    } finally {
      other.shutdownNow();
    }
    assertThat(fonts.parsed()).isEqualTo(2);

    fonts.drop(second);
    var replacement = fonts.borrow();
    assertThat(replacement).isNotSameAs(second).isNotSameAs(first);
    assertThat(fonts.parsed()).as("a dropped font makes room for a new one").isEqualTo(3);
  }

  @Test
  void theToUnicodeMapWritesFourHexDigitsAsTheFormatWould() {
    for (int value : new int[] {0, 0x9, 0x41, 0x3042, 0xD842, 0xFFFF, 0x1234}) {
      assertThat(ToUnicodeCMap.hex4(new StringBuilder(), value).toString())
          .isEqualTo(String.format("%04X", value));
    }
  }

  static PdfLetterWriter.Letter letter(String reference, String body) {
    return new PdfLetterWriter.Letter("ja", "開示通知 " + reference, "Madoguchi", List.of("株式会社テスト", "東京都千代田区"),
        "2026年11月22日", reference, List.of("〒100-0001", "東京都千代田区千代田1-1", "山田 太郎 様"), 2,
        List.of("個人情報窓口"), new LetterText(List.of(new Block(Type.TITLE, "開示通知"), new Block(Type.LINE, body))),
        "個人情報窓口 03-0000-0000", Instant.parse("2026-11-22T00:00:00Z"));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return compact(new PDFTextStripper().getText(document));
    }
  }

  static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }
}
