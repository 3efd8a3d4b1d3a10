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
 * written at the same time each borrow one: the pool parses another when none is free, up to {@code most} fonts
 * (about 20 MB of heap each, kept for the next letters; {@code madoguchi.correspondence.parsed-fonts}); a letter that finds all of them lent waits for one.
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
  private final int most;
  private final BlockingQueue<TrueTypeFont> idle;
  /** Fonts in existence: lent or idle. A font dropped after a failed letter is no longer counted. */
  private final AtomicInteger fonts = new AtomicInteger();
  private final AtomicInteger parsed = new AtomicInteger();
  /** The font read once for cutting letters' subsets ({@link LetterFontCutter}), made when first needed. */
  private volatile LetterFontCutter cutter;

  LetterFonts(byte[] data, int most) {
    this.data = data;
    this.most = most;
    this.idle = new ArrayBlockingQueue<>(most);
  }

  /** A parsed font for this thread's letter, to be given back (or dropped, after a failure) when it is written. */
  TrueTypeFont borrow() {
    TrueTypeFont font = idle.poll();
    if (font != null) {
      return font;
    }
    if (fonts.incrementAndGet() <= most) {
      try {
        return parse();
      } catch (RuntimeException failure) {
        fonts.decrementAndGet();
        throw failure;
      }
    }
    fonts.decrementAndGet();
    try {
      return idle.take();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the letter font", interrupted);
    }
  }

  /** Takes a font back after a letter was written with it. */
  void giveBack(TrueTypeFont font) {
    if (!idle.offer(font)) {
      fonts.decrementAndGet();
    }
  }

  /** Forgets a font that took part in a failed letter: it is not lent again, and another may be parsed. */
  void drop(TrueTypeFont font) {
    fonts.decrementAndGet();
  }

  int parsed() {
    return parsed.get();
  }

  /** The cutter of the letters' subsets: one for every thread, as it is immutable. */
  LetterFontCutter cutter() {
    LetterFontCutter made = cutter;
    if (made == null) {
      synchronized (this) {
        made = cutter;
        if (made == null) {
          made = new LetterFontCutter(data);
          cutter = made;
        }
      }
    }
    return made;
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
