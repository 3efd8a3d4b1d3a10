package jp.madoguchi.correspondence;

import static jp.madoguchi.correspondence.LetterFontsTest.letter;
import static jp.madoguchi.correspondence.LetterFontsTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.DateConverter;
import org.junit.jupiter.api.Test;

/**
 * A letter's font is cut to the characters the letter shows before it is laid out ({@link LetterSubsetFont}): the
 * PDF carries those glyphs and no others, under a subset's name, and reads back as the letter's text; a letter with
 * a character beyond the Basic Multilingual Plane is still written, by PDFBox's own subsetting.
 */
class LetterSubsetFontTest {

  final PdfLetterWriter writer = new PdfLetterWriter(1);

  @Test
  void aLetterCarriesTheGlyphsOfTheCharactersItShowsAndNoOthers() throws IOException {
    PdfLetterWriter.Letter letter = letter("MDG-2026-000042", "開示請求を受け付けました。山田太郎様 Disclosure");
    byte[] pdf = writer.write(letter).bytes();

    Set<Integer> expected = LetterSubsetFont.shownCharacters(PdfLetterWriter.shownTexts(letter),
        writer.fonts().cutter()::has);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDType0Font font = onlyFont(document.getPage(0).getResources());
      assertThat(font.getName()).matches("[A-Z]{6}\\+" + PdfLetterWriter.FONT_NAME);
      assertThat(font.isEmbedded()).isTrue();
      byte[] program = font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
      try (TrueTypeFont embedded = new TTFParser(true).parse(new RandomAccessReadBuffer(program))) {
        // .notdef and one glyph per character shown (the characters of this letter share no glyph)
        assertThat(embedded.getNumberOfGlyphs()).isEqualTo(expected.size() + 1);
        assertThat(embedded.getTableMap()).doesNotContainKeys("vmtx", "GPOS", "GSUB");
      }
    }
    assertThat(expected).contains((int) '開', (int) '太', (int) 'D', (int) '/', (int) '7')
        .doesNotContain((int) '川');
    assertThat(text(pdf)).contains("MDG-2026-000042").contains("開示請求を受け付けました。山田太郎様Disclosure");
  }

  @Test
  void aLetterIsSavedWithACrossReferenceTableThatEveryReaderOfPdf14Reads() throws IOException {
    byte[] pdf = writer.write(letter("MDG-2026-000046", "開示請求を受け付けました。")).bytes();
    String file = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(file).contains("\nxref\n").doesNotContain("/ObjStm").doesNotContain("/XRef");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isPositive();
    }
  }

  @Test
  void aLetterIsDatedAsPdfBoxDatesACalendarInUtc() throws IOException {
    for (String at : List.of("2026-11-22T00:00:00Z", "2026-12-31T23:59:59.999Z", "2027-01-05T09:07:03Z")) {
      Instant instant = Instant.parse(at);
      Calendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      utc.setTimeInMillis(instant.toEpochMilli());
      assertThat(PdfLetterWriter.pdfDate(instant)).as(at).isEqualTo(DateConverter.toString(utc));
    }
    PdfLetterWriter.Letter letter = letter("MDG-2026-000043", "開示請求を受け付けました。");
    try (PDDocument document = Loader.loadPDF(writer.write(letter).bytes())) {
      assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(letter.createdAt());
    }
  }

  @Test
  void aCharacterBeyondTheBasicPlaneIsWrittenWithPdfBoxsOwnSubsetting() throws IOException {
    int beyond = -1;
    TrueTypeFont full = writer.fonts().borrow();
    try {
      CmapLookup cmap = full.getUnicodeCmapLookup();
      // IPAexGothic draws some kanji of JIS X 0213 beyond the Basic Multilingual Plane (𠮟, U+20B9F, among them)
      for (int codePoint = 0x20000; codePoint <= 0x2FFFF && beyond < 0; codePoint++) {
        if (cmap.getGlyphId(codePoint) > 0) {
          beyond = codePoint;
        }
      }
    } finally {
      writer.fonts().giveBack(full);
    }
    assertThat(beyond).as("a character of the font beyond the Basic Multilingual Plane").isPositive();
    String name = new String(Character.toChars(beyond)) + "田様 開示";
    byte[] pdf = writer.write(letter("MDG-2026-000043", name)).bytes();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(onlyFont(document.getPage(0).getResources()).getName())
          .matches("[A-Z]{6}\\+" + PdfLetterWriter.FONT_NAME);
    }
    assertThat(text(pdf)).contains(name.replace(" ", ""));
  }

  @Test
  void aCharacterTheSubsetWasNotCutForIsAFaultNotAMissingGlyph() throws IOException {
    LetterFontCutter cutter = writer.fonts().cutter();
    try (PDDocument document = new PDDocument()) {
      assertThat(LetterSubsetFont.embed(document, cutter, Set.of())).as("no character: PDFBox subsets").isEmpty();
      assertThat(LetterSubsetFont.embed(document, cutter, Set.of((int) '山', 0x20B9F))).as("beyond the BMP")
          .isEmpty();
      PDType0Font subset = LetterSubsetFont.embed(document, cutter, Set.of((int) '山')).orElseThrow();
      LetterGlyphs glyphs = new LetterGlyphs(subset, cutter::has);
      assertThat(glyphs.showable("山\u0007山")).isEqualTo("山山");
      assertThatThrownBy(() -> glyphs.showable("川")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("U+5DDD");
    }
  }

  @Test
  void aGlyphTwoCharactersOfTheLetterShareReadsAsTheCharacterItselfNotItsRadical() throws IOException {
    LetterFontCutter cutter = writer.fonts().cutter();
    // IPAexGothic draws 示 and the Kangxi radical ⽰ (U+2F70) with one glyph
    assertThat(LetterSubsetFont.glyphsShared(cutter, Set.of((int) '示', 0x2F70))).isTrue();
    assertThat(LetterSubsetFont.glyphsShared(cutter, Set.of((int) '示', (int) '開', (int) 'A'))).isFalse();
    // PDFBox's own map of the subset would name the shared glyph after its first character, the radical
    byte[] both = writer.write(letter("MDG-2026-000044", "掲示 \u2F70")).bytes();
    assertThat(text(both)).contains("掲示示").doesNotContain("\u2F70");
  }

  @Test
  void aLetterWhoseCharactersEachHaveTheirOwnGlyphReadsBackAsItsText() throws IOException {
    byte[] pdf = writer.write(letter("MDG-2026-000045", "掲示のとおり開示します。Notice ①")).bytes();
    assertThat(text(pdf)).contains("掲示のとおり開示します。Notice①").doesNotContain("\u2F70");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(onlyFont(document.getPage(0).getResources()).getCOSObject()
          .getCOSStream(org.apache.pdfbox.cos.COSName.TO_UNICODE)).as("a ToUnicode map").isNotNull();
    }
  }

  private static PDType0Font onlyFont(PDResources resources) throws IOException {
    Set<PDType0Font> fonts = new java.util.HashSet<>();
    for (var name : resources.getFontNames()) {
      fonts.add((PDType0Font) resources.getFont(name));
    }
    assertThat(fonts.stream().map(PDType0Font::getName).collect(Collectors.toSet())).hasSize(1);
    return fonts.iterator().next();
  }
}
