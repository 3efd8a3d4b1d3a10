package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/**
 * The full font's facts ({@link LetterFontFacts}) say what the font and the letter's subset say: which characters
 * have a glyph, and each one's width as the subset embedded in the letter gives it.
 */
class LetterFontFactsTest {

  final PdfLetterWriter writer = new PdfLetterWriter(1);

  static final String TEXT = "個人情報に関するご請求の受付について。受付番号:MDG-2026-000042、到着日 2026年12月7日 "
      + "山田 太郎 様 髙﨑 〒100-0005 東京都千代田区丸の内一丁目1番1号 (受付時間:平日 9:00〜17:00) ■・〓「」ｱｲｳ "
      + "Disclosure of retained personal data: We received your request. ABCDEFGHIJKLMNOPQRSTUVWXYZ abcxyz 0123456789 "
      + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ①②③ ⼝口 ｶﾞ ー—―‐";

  @Test
  void everyCharacterOfALetterHasTheWidthItsEmbeddedSubsetGivesItAndTheGlyphsAreTheFontsOwn() throws IOException {
    TrueTypeFont full = writer.fonts().borrow();
    try (PDDocument document = new PDDocument()) {
      LetterFontFacts facts = LetterFontFacts.of(full);
      assertThat(LetterFontFacts.of(full)).as("read once per parsed font").isSameAs(facts);
      CmapLookup cmap = full.getUnicodeCmapLookup();
      Set<Integer> shown = LetterSubsetFont.shownCharacters(java.util.List.of(TEXT), facts::has);
      Optional<PDType0Font> subset = LetterSubsetFont.embed(document, full, shown);
      assertThat(subset).isPresent();

      int compared = 0;
      for (int codePoint : shown) {
        assertThat(facts.has(codePoint)).isEqualTo(cmap.getGlyphId(codePoint) > 0);
        float subsetWidth = subset.get().getStringWidth(new String(Character.toChars(codePoint)));
        assertThat(facts.width(codePoint)).as("U+%04X", codePoint).isEqualTo(subsetWidth);
        compared++;
      }
      assertThat(compared).isGreaterThan(150);
      // proportional and full-width characters differ: the widths are the glyphs', not one for all
      assertThat(facts.width('i')).isLessThan(facts.width('W')).isLessThan(facts.width('個'));
    } finally {
      writer.fonts().giveBack(full);
    }
  }

  @Test
  void aCharacterTheFontLacksOrBeyondTheBasicPlaneHasNoKnownWidth() throws IOException {
    TrueTypeFont full = writer.fonts().borrow();
    try {
      LetterFontFacts facts = LetterFontFacts.of(full);
      CmapLookup cmap = full.getUnicodeCmapLookup();
      // U+20BB7 (𠮷, a name's variant of 吉) lies beyond the plane: asked of the cmap, its width of the document
      assertThat(facts.has(0x20BB7)).isEqualTo(cmap.getGlyphId(0x20BB7) > 0);
      assertThat(facts.width(0x20BB7)).isNegative();
      // a private-use code point the font has no glyph for
      assertThat(cmap.getGlyphId(0xE000)).isZero();
      assertThat(facts.has(0xE000)).isFalse();
      assertThat(facts.width(0xE000)).isNegative();
    } finally {
      writer.fonts().giveBack(full);
    }
  }
}
