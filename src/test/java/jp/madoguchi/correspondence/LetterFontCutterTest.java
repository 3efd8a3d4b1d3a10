package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The letter font cut to a letter's characters ({@link LetterFontCutter}) draws each of them as the full font does:
 * the same outline (a composite glyph's too, its components carried along and renumbered; shown with the Latin font
 * PDFBox ships, as IPAexGothic has none), the same width, under the
 * subset's PostScript name, in a file whose checksums a font reader can check; and nothing else.
 */
class LetterFontCutterTest {

  static byte[] fontBytes;
  static LetterFontCutter cutter;
  static TrueTypeFont full;

  @BeforeAll
  static void readTheFont() throws IOException {
    try (InputStream in = new ClassPathResource(PdfLetterWriter.FONT_RESOURCE).getInputStream()) {
      fontBytes = in.readAllBytes();
    }
    cutter = new LetterFontCutter(fontBytes);
    full = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes));
    full.getTableMap().remove("GSUB");
  }

  @Test
  void eachCharacterIsDrawnWithTheFullFontsOutlineAndWidth() throws IOException {
    Set<Integer> characters = new HashSet<>();
    "開示請求を受け付けました。山田太郎様 Disclosure request MDG-2026-000042 ①（）「」〒100-0001"
        .codePoints().forEach(characters::add);
    byte[] cut = cutter.cut(characters, "ABCDEF+");
    try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(cut))) {
      int glyphs = assertDrawnAlike(characters, full, subset);
      // the missing glyph and one per character's glyph (IPAexGothic has no composite glyphs)
      assertThat(subset.getNumberOfGlyphs()).isEqualTo(glyphs + 1);
      assertThat(subset.getUnicodeCmapLookup().getGlyphId('川')).as("a character not cut for").isZero();
      assertThat(subset.getName()).isEqualTo("ABCDEF+" + full.getName());
      assertThat(subset.getNaming().getFontFamily()).isEqualTo(full.getNaming().getFontFamily());
      assertThat(subset.getUnitsPerEm()).isEqualTo(full.getUnitsPerEm());
      assertThat(subset.getTableMap()).containsKeys("cvt ", "fpgm", "prep", "OS/2")
          .doesNotContainKeys("GSUB", "GPOS", "vmtx", "vhea");
      assertChecksums(cut, subset);
    }
  }

  @Test
  void aCompositeGlyphIsCutWithItsComponentsRenumbered() throws IOException {
    // IPAexGothic draws every character with a simple glyph; the font PDFBox ships draws accented letters with
    // composite ones (the letter and the accent, each a glyph of its own)
    byte[] latinBytes;
    try (InputStream in = PDType0Font.class.getResourceAsStream(
        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
      latinBytes = in.readAllBytes();
    }
    try (TrueTypeFont latin = new TTFParser().parse(new RandomAccessReadBuffer(latinBytes))) {
      latin.getTableMap().remove("GSUB");
      Set<Integer> characters = new HashSet<>();
      "Àéü½ Zoë, Ångström".codePoints().forEach(characters::add);
      int composite = 'é';
      assertThat(latin.getGlyph().getGlyph(latin.getUnicodeCmapLookup().getGlyphId(composite)).getDescription()
          .isComposite()).isTrue();
      byte[] cut = new LetterFontCutter(latinBytes).cut(characters, "LATINA+");
      try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(cut))) {
        int glyphs = assertDrawnAlike(characters, latin, subset);
        GlyphData compositeGlyph = subset.getGlyph().getGlyph(subset.getUnicodeCmapLookup().getGlyphId(composite));
        assertThat(compositeGlyph.getDescription().isComposite()).isTrue();
        // the components of the composite glyphs that no character of the cut is drawn with (the accents)
        assertThat(subset.getNumberOfGlyphs()).isGreaterThan(glyphs + 1);
        assertChecksums(cut, subset);
      }
    }
  }

  /** Every character drawn by the subset with the full font's outline and width; how many glyphs they have. */
  private static int assertDrawnAlike(Set<Integer> characters, TrueTypeFont whole, TrueTypeFont subset)
      throws IOException {
    CmapLookup wholeCmap = whole.getUnicodeCmapLookup();
    CmapLookup subsetCmap = subset.getUnicodeCmapLookup();
    Set<Integer> glyphs = new HashSet<>();
    for (int character : characters) {
      int wholeGlyph = wholeCmap.getGlyphId(character);
      int subsetGlyph = subsetCmap.getGlyphId(character);
      glyphs.add(wholeGlyph);
      String which = String.format("U+%04X", character);
      assertThat(wholeGlyph).as(which).isPositive();
      assertThat(subsetGlyph).as(which).isPositive();
      assertThat(subset.getAdvanceWidth(subsetGlyph)).as(which).isEqualTo(whole.getAdvanceWidth(wholeGlyph));
      List<Double> outline = outline(subset, subsetGlyph);
      assertThat(outline).as(which).isEqualTo(outline(whole, wholeGlyph));
      if (character != ' ') {
        assertThat(outline).as("%s has an outline", which).hasSizeGreaterThan(7);
      }
    }
    return glyphs.size();
  }

  /** Each table's checksum as its directory gives it, and the whole font's as its head adjusts it. */
  private static void assertChecksums(byte[] cut, TrueTypeFont subset) {
    for (TTFTable table : subset.getTables()) {
      assertThat(LetterFontCutter.checksum(cut, (int) table.getOffset(), (int) table.getLength())
          - (table.getTag().equals("head") ? headAdjustment(cut, table) : 0) & 0xFFFFFFFFL)
          .as("checksum of %s", table.getTag()).isEqualTo(table.getCheckSum());
    }
    assertThat(LetterFontCutter.checksum(cut, 0, cut.length)).as("the whole font's checksum")
        .isEqualTo(0xB1B0AFBAL);
  }

  @Test
  void aCharacterTheFontLacksOrBeyondTheBasicPlaneIsLeftOut() throws IOException {
    int beyond = 0x20B9F;
    assertThat(cutter.has(beyond)).as("𠮟 is in the full font").isTrue();
    assertThat(cutter.has(0xE000)).as("a private use character").isFalse();
    assertThat(cutter.glyph('山')).isEqualTo(full.getUnicodeCmapLookup().getGlyphId('山'));
    byte[] cut = cutter.cut(Set.of((int) '山', beyond, 0xE000), "QWERTY+");
    try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(cut))) {
      assertThat(subset.getNumberOfGlyphs()).isEqualTo(2);
      assertThat(subset.getUnicodeCmapLookup().getGlyphId('山')).isEqualTo(1);
      assertThat(subset.getUnicodeCmapLookup().getGlyphId(beyond)).isZero();
    }
  }

  @Test
  void bytesThatAreNoTrueTypeFontAreRefused() {
    assertThatThrownBy(() -> new LetterFontCutter(new byte[64])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a TrueType font");
  }

  /** The checksum adjustment the head table carries, which its own checksum leaves out. */
  private static long headAdjustment(byte[] font, TTFTable head) {
    int at = (int) head.getOffset() + 8;
    return ((font[at] & 0xFFL) << 24) | ((font[at + 1] & 0xFFL) << 16) | ((font[at + 2] & 0xFFL) << 8)
        | (font[at + 3] & 0xFFL);
  }

  /** A glyph's outline as the coordinates of its path's segments. */
  private static List<Double> outline(TrueTypeFont font, int glyph) throws IOException {
    GlyphData data = font.getGlyph().getGlyph(glyph);
    List<Double> points = new ArrayList<>();
    if (data == null) {
      return points;
    }
    GeneralPath path = data.getPath();
    double[] coordinates = new double[6];
    for (PathIterator segments = path.getPathIterator(null); !segments.isDone(); segments.next()) {
      int type = segments.currentSegment(coordinates);
      points.add((double) type);
      for (double coordinate : coordinates) {
        points.add(coordinate);
      }
    }
    return points;
  }
}
