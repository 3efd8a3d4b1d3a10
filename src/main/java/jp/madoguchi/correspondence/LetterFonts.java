package jp.madoguchi.correspondence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The letter font, parsed once and lent to one letter at a time. Parsing IPAexGothic (6 MB, some 15,000 glyphs)
 * was the costliest step of a letter; a parsed font is lent to the next letter instead. Each letter has a font of
 * its own while it is written (PDFBox reads the font's tables lazily, through one read position), so letters
 * written at the same time each borrow one: the pool parses another when none is free, and keeps at most
 * {@code keep} of them between letters (about 8 MB each).
 *
 * <p>Each font is parsed without its glyph substitution table (GSUB). PDFBox applies the table's Latin features
 * (ligatures, composition) to every piece of text shown, compiling regular expressions each time: it was most of
 * a letter's cost. A letter needs none of it: each character is drawn with its own glyph, as its width is measured
 * and its ToUnicode entry written (with substitutions, a substituted glyph would have no entry).
 *
 * <p>PDFBox "closes" the font when it has written a letter's subset of it; the parser keeps the font's bytes in a
 * copy of its own whose closing releases nothing, so the font serves the next letter ({@code LetterPdfTest} writes
 * letters one after another and at the same time from lent fonts and reads every one back).
 */
final class LetterFonts {

  private final byte[] data;
  private final BlockingQueue<TrueTypeFont> idle;
  private final AtomicInteger parsed = new AtomicInteger();

  LetterFonts(byte[] data, int keep) {
    this.data = data;
    this.idle = new ArrayBlockingQueue<>(keep);
  }

  /** A parsed font for this thread's letter, to be given back when the letter is written. */
  TrueTypeFont borrow() {
    TrueTypeFont font = idle.poll();
    return font != null ? font : parse();
  }

  /** Takes a font back after a letter was written with it; one too many is left to the garbage collector. */
  void giveBack(TrueTypeFont font) {
    idle.offer(font);
  }

  int parsed() {
    return parsed.get();
  }

  private TrueTypeFont parse() {
    try {
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(data));
      font.getTableMap().remove("GSUB");
      parsed.incrementAndGet();
      return font;
    } catch (IOException failure) {
      throw new UncheckedIOException("The letter font " + PdfLetterWriter.FONT_RESOURCE + " cannot be read",
          failure);
    }
  }
}
