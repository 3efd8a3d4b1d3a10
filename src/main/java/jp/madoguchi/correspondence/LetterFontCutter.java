package jp.madoguchi.correspondence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The letter font read once for cutting it to a letter's characters: its glyphs' places in the font file, their
 * metrics and its Unicode cmap are read when the cutter is made, and each cut writes the subset's tables straight
 * from them (TrueType, OpenType 1.9 "glyf", "loca", "hmtx", "cmap" format 4, "post" format 3, "name").
 *
 * <p>Why not FontBox's {@code TTFSubsetter}, which the letters used until issue 21's session 30: it reads every glyph
 * it keeps from the parsed font again, finds each new glyph id by counting a sorted set (once for every character
 * of the cmap it writes), and writes the glyphs' PostScript names; in a warm lifecycle that cut was the largest part
 * of our code's CPU time (docs/performance.md, issue 21, session 29). The subset it wrote and the one written here
 * carry the same glyphs, outlines, widths and hinting; this one has no glyph names (PDF needs none: the letters show
 * their text by glyph id, with a ToUnicode map).
 *
 * <p>Immutable, so one cutter serves every thread's letters; the full font's bytes are only read.
 */
final class LetterFontCutter {

  /** The tables copied as they are: hinting (cvt, prep, fpgm, gasp) and the OS/2 metrics PDFBox embeds by. */
  private static final String[] COPIED = {"cvt ", "fpgm", "gasp", "prep", "OS/2"};
  private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
  private static final int WE_HAVE_A_SCALE = 0x0008;
  private static final int MORE_COMPONENTS = 0x0020;
  private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
  private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;
  private static final int LAST_BMP = 0xFFFF;
  /** What a font's checksum adjustment is taken from (OpenType, "head"). */
  private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;

  private final byte[] font;
  private final Map<String, int[]> tables = new HashMap<>();
  private final int glyphCount;
  /** Where each glyph's outline begins in the font file; one more for the end of the last. */
  private final int[] glyphStart;
  private final int[] advance;
  private final short[] leftSideBearing;
  /** The glyph of each character of the Basic Multilingual Plane (0: none), and of those beyond it. */
  private final char[] bmpGlyph = new char[LAST_BMP + 1];
  private final Map<Integer, Integer> supplementaryGlyph = new HashMap<>();
  private final Map<Integer, String> names = new TreeMap<>();
  private final String postScriptName;

  /** Reads the font (a TrueType file) once; a font that cannot be read, or is no TrueType font, is refused. */
  LetterFontCutter(byte[] font) {
    this.font = font;
    ByteBuffer file = ByteBuffer.wrap(font);
    int tableCount = file.getShort(4) & 0xFFFF;
    for (int i = 0; i < tableCount; i++) {
      int record = 12 + 16 * i;
      String tag = new String(font, record, 4, StandardCharsets.ISO_8859_1);
      tables.put(tag, new int[] {file.getInt(record + 8), file.getInt(record + 12)});
    }
    for (String needed : new String[] {"head", "hhea", "maxp", "loca", "glyf", "hmtx", "post"}) {
      if (!tables.containsKey(needed)) {
        throw new IllegalArgumentException("The letter font has no '" + needed + "' table: not a TrueType font");
      }
    }
    glyphCount = file.getShort(table("maxp") + 4) & 0xFFFF;
    boolean longOffsets = file.getShort(table("head") + 50) != 0;
    int loca = table("loca");
    int glyf = table("glyf");
    glyphStart = new int[glyphCount + 1];
    for (int glyph = 0; glyph <= glyphCount; glyph++) {
      glyphStart[glyph] = glyf + (longOffsets ? file.getInt(loca + 4 * glyph)
          : 2 * (file.getShort(loca + 2 * glyph) & 0xFFFF));
    }
    int metrics = file.getShort(table("hhea") + 34) & 0xFFFF;
    int hmtx = table("hmtx");
    advance = new int[glyphCount];
    leftSideBearing = new short[glyphCount];
    for (int glyph = 0; glyph < glyphCount; glyph++) {
      int full = Math.min(glyph, metrics - 1);
      advance[glyph] = file.getShort(hmtx + 4 * full) & 0xFFFF;
      leftSideBearing[glyph] = glyph < metrics ? file.getShort(hmtx + 4 * glyph + 2)
          : file.getShort(hmtx + 4 * metrics + 2 * (glyph - metrics));
    }
    try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
      // as the letters' parsed fonts are ({@link LetterFonts}): without glyph substitution
      parsed.getTableMap().remove("GSUB");
      CmapLookup cmap = parsed.getUnicodeCmapLookup();
      for (int codePoint = 0; codePoint <= LAST_BMP; codePoint++) {
        bmpGlyph[codePoint] = (char) cmap.getGlyphId(codePoint);
      }
      for (int codePoint = LAST_BMP + 1; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
        int glyph = cmap.getGlyphId(codePoint);
        if (glyph > 0) {
          supplementaryGlyph.put(codePoint, glyph);
        }
      }
      NamingTable naming = parsed.getNaming();
      postScriptName = parsed.getName();
      for (int nameId : new int[] {NameRecord.NAME_FONT_FAMILY_NAME, NameRecord.NAME_FONT_SUB_FAMILY_NAME,
          NameRecord.NAME_FULL_FONT_NAME}) {
        String name = naming == null ? null : naming.getName(nameId, NameRecord.PLATFORM_WINDOWS,
            NameRecord.ENCODING_WINDOWS_UNICODE_BMP, NameRecord.LANGUAGE_WINDOWS_EN_US);
        if (name != null) {
          names.put(nameId, name);
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("The letter font cannot be read", unreadable);
    }
    if (postScriptName == null) {
      throw new IllegalArgumentException("The letter font has no PostScript name");
    }
  }

  /** The full font's glyph for a character, 0 when it has none. */
  int glyph(int codePoint) {
    if (codePoint < 0) {
      return 0;
    }
    return codePoint <= LAST_BMP ? bmpGlyph[codePoint] : supplementaryGlyph.getOrDefault(codePoint, 0);
  }

  /** Whether the full font draws the character. */
  boolean has(int codePoint) {
    return glyph(codePoint) > 0;
  }

  /**
   * A TrueType font of the glyphs of {@code characters} (characters of the Basic Multilingual Plane the full font
   * draws; others are left out), the glyphs they are made of, and the missing glyph, which is glyph 0 as in every
   * TrueType font; in the full font's order, so that its cmap maps each character to the same outline. Its
   * PostScript name is the full font's after {@code prefix} (a subset's tag, {@code ABCDEF+}).
   */
  byte[] cut(Set<Integer> characters, String prefix) {
    BitSet kept = new BitSet(glyphCount);
    kept.set(0);
    Deque<Integer> composites = new ArrayDeque<>();
    TreeMap<Integer, Integer> glyphByCharacter = new TreeMap<>();
    for (int codePoint : characters) {
      int glyph = codePoint < LAST_BMP ? glyph(codePoint) : 0;
      if (glyph > 0) {
        glyphByCharacter.put(codePoint, glyph);
        if (!kept.get(glyph)) {
          kept.set(glyph);
          composites.add(glyph);
        }
      }
    }
    while (!composites.isEmpty()) {
      for (int component : components(composites.pop())) {
        if (!kept.get(component)) {
          kept.set(component);
          composites.add(component);
        }
      }
    }
    int[] glyphs = kept.stream().toArray();

    TreeMap<String, byte[]> out = new TreeMap<>();
    ByteBuffer loca = ByteBuffer.allocate(4 * (glyphs.length + 1));
    ByteBuffer hmtx = ByteBuffer.allocate(4 * glyphs.length);
    int glyfLength = 0;
    for (int glyph : glyphs) {
      loca.putInt(glyfLength);
      glyfLength += padded(glyphStart[glyph + 1] - glyphStart[glyph]);
      hmtx.putShort((short) advance[glyph]).putShort(leftSideBearing[glyph]);
    }
    loca.putInt(glyfLength);
    out.put("cmap", cmap(glyphByCharacter, glyphs));
    // written straight into the font file by assemble: the glyphs are most of it
    out.put("glyf", null);
    out.put("head", head());
    out.put("hhea", copyWith("hhea", 34, glyphs.length));
    out.put("hmtx", hmtx.array());
    out.put("loca", loca.array());
    out.put("maxp", copyWith("maxp", 4, glyphs.length));
    out.put("name", name(prefix + postScriptName));
    out.put("post", post());
    for (String tag : COPIED) {
      if (tables.containsKey(tag)) {
        out.put(tag, copy(tag));
      }
    }
    return assemble(out, glyphs, glyfLength);
  }

  /** Copies the glyphs into the font file from where it stands, each on a 4-byte boundary (long offsets). */
  private void writeGlyphs(ByteBuffer file, int[] glyphs) {
    for (int glyph : glyphs) {
      int start = glyphStart[glyph];
      int length = glyphStart[glyph + 1] - start;
      int at = file.position();
      file.put(font, start, length);
      if (length > 0 && file.getShort(at) < 0) {
        renumberComponents(file, at, glyphs);
      }
      file.position(at + padded(length));
    }
  }

  /** The glyphs a composite glyph is made of (none for a simple glyph or an empty one). */
  private int[] components(int glyph) {
    int start = glyphStart[glyph];
    if (glyphStart[glyph + 1] == start) {
      return new int[0];
    }
    ByteBuffer file = ByteBuffer.wrap(font);
    if (file.getShort(start) >= 0) {
      return new int[0];
    }
    int[] found = new int[4];
    int count = 0;
    int at = start + 10;
    int flags;
    do {
      flags = file.getShort(at) & 0xFFFF;
      if (count == found.length) {
        found = Arrays.copyOf(found, 2 * count);
      }
      found[count++] = file.getShort(at + 2) & 0xFFFF;
      at += componentLength(flags);
    } while ((flags & MORE_COMPONENTS) != 0);
    return Arrays.copyOf(found, count);
  }

  /** Rewrites a composite glyph copied to {@code at} to name its components by their glyph ids in the subset. */
  private static void renumberComponents(ByteBuffer glyf, int at, int[] glyphs) {
    int component = at + 10;
    int flags;
    do {
      flags = glyf.getShort(component) & 0xFFFF;
      int old = glyf.getShort(component + 2) & 0xFFFF;
      glyf.putShort(component + 2, (short) Arrays.binarySearch(glyphs, old));
      component += componentLength(flags);
    } while ((flags & MORE_COMPONENTS) != 0);
  }

  /** The bytes of one component's record: flags, glyph id, its two arguments and its transformation. */
  private static int componentLength(int flags) {
    int length = 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
    if ((flags & WE_HAVE_A_SCALE) != 0) {
      length += 2;
    } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
      length += 4;
    } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
      length += 8;
    }
    return length;
  }

  /** A cmap with one subtable, Windows Unicode BMP (3, 1), format 4, one segment per run of consecutive glyphs. */
  private static byte[] cmap(TreeMap<Integer, Integer> glyphByCharacter, int[] glyphs) {
    int[] starts = new int[glyphByCharacter.size() + 1];
    int[] ends = new int[starts.length];
    int[] deltas = new int[starts.length];
    int segments = 0;
    int previousCharacter = -2;
    int previousGlyph = -2;
    for (Map.Entry<Integer, Integer> entry : glyphByCharacter.entrySet()) {
      int character = entry.getKey();
      int glyph = Arrays.binarySearch(glyphs, entry.getValue());
      if (character == previousCharacter + 1 && glyph == previousGlyph + 1) {
        ends[segments - 1] = character;
      } else {
        starts[segments] = character;
        ends[segments] = character;
        deltas[segments] = (glyph - character) & 0xFFFF;
        segments++;
      }
      previousCharacter = character;
      previousGlyph = glyph;
    }
    starts[segments] = LAST_BMP;
    ends[segments] = LAST_BMP;
    deltas[segments] = 1;
    segments++;
    int searchRange = 2 * Integer.highestOneBit(segments);
    int subtableLength = 16 + 8 * segments;
    ByteBuffer cmap = ByteBuffer.allocate(12 + subtableLength);
    cmap.putShort((short) 0).putShort((short) 1);
    cmap.putShort((short) 3).putShort((short) 1).putInt(12);
    cmap.putShort((short) 4).putShort((short) subtableLength).putShort((short) 0);
    cmap.putShort((short) (2 * segments)).putShort((short) searchRange)
        .putShort((short) Integer.numberOfTrailingZeros(searchRange / 2))
        .putShort((short) (2 * segments - searchRange));
    for (int i = 0; i < segments; i++) {
      cmap.putShort((short) ends[i]);
    }
    cmap.putShort((short) 0);
    for (int i = 0; i < segments; i++) {
      cmap.putShort((short) starts[i]);
    }
    for (int i = 0; i < segments; i++) {
      cmap.putShort((short) deltas[i]);
    }
    for (int i = 0; i < segments; i++) {
      cmap.putShort((short) 0);
    }
    return cmap.array();
  }

  /** The full font's head, with long glyph offsets and its checksum adjustment cleared (set when assembled). */
  private byte[] head() {
    byte[] head = copy("head");
    ByteBuffer.wrap(head).putInt(8, 0).putShort(50, (short) 1);
    return head;
  }

  /** The full font's post table's header as format 3: no glyph names. */
  private byte[] post() {
    byte[] post = Arrays.copyOf(copy("post"), 32);
    ByteBuffer.wrap(post).putInt(0, 0x00030000);
    return post;
  }

  /** A name table of the full font's family, style and full name, and the subset's PostScript name (Windows). */
  private byte[] name(String subsetPostScriptName) {
    Map<Integer, String> written = new TreeMap<>(names);
    written.put(NameRecord.NAME_POSTSCRIPT_NAME, subsetPostScriptName);
    Map<Integer, byte[]> strings = new LinkedHashMap<>();
    written.forEach((id, text) -> strings.put(id, text.getBytes(StandardCharsets.UTF_16BE)));
    int stringsAt = 6 + 12 * strings.size();
    ByteBuffer name = ByteBuffer.allocate(stringsAt + strings.values().stream().mapToInt(s -> s.length).sum());
    name.putShort((short) 0).putShort((short) strings.size()).putShort((short) stringsAt);
    int offset = 0;
    for (Map.Entry<Integer, byte[]> string : strings.entrySet()) {
      name.putShort((short) NameRecord.PLATFORM_WINDOWS).putShort((short) NameRecord.ENCODING_WINDOWS_UNICODE_BMP)
          .putShort((short) NameRecord.LANGUAGE_WINDOWS_EN_US).putShort(string.getKey().shortValue())
          .putShort((short) string.getValue().length).putShort((short) offset);
      offset += string.getValue().length;
    }
    strings.values().forEach(name::put);
    return name.array();
  }

  private byte[] copyWith(String tag, int at, int count) {
    byte[] table = copy(tag);
    ByteBuffer.wrap(table).putShort(at, (short) count);
    return table;
  }

  private byte[] copy(String tag) {
    int[] place = tables.get(tag);
    return Arrays.copyOfRange(font, place[0], place[0] + place[1]);
  }

  private int table(String tag) {
    return tables.get(tag)[0];
  }

  /**
   * The font file: its table directory (tags in order), the tables on 4-byte boundaries (the glyphs, a null table,
   * written from the full font), and the head's checksum adjustment.
   */
  private byte[] assemble(TreeMap<String, byte[]> tables, int[] glyphs, int glyfLength) {
    int count = tables.size();
    int directory = 12 + 16 * count;
    int length = directory;
    for (byte[] table : tables.values()) {
      length += table == null ? glyfLength : padded(table.length);
    }
    ByteBuffer file = ByteBuffer.allocate(length);
    file.position(directory);
    int[] offsets = new int[count];
    int i = 0;
    int headAt = -1;
    for (Map.Entry<String, byte[]> table : tables.entrySet()) {
      offsets[i++] = file.position();
      if (table.getKey().equals("head")) {
        headAt = file.position();
      }
      if (table.getValue() == null) {
        writeGlyphs(file, glyphs);
      } else {
        file.put(table.getValue());
        file.position(file.position() + padded(table.getValue().length) - table.getValue().length);
      }
    }
    int entrySelector = 31 - Integer.numberOfLeadingZeros(count);
    int searchRange = 16 * (1 << entrySelector);
    file.position(0);
    file.putInt(0x00010000).putShort((short) count).putShort((short) searchRange).putShort((short) entrySelector)
        .putShort((short) (16 * count - searchRange));
    // every table starts on a 4-byte boundary and is padded with zeros: the font's checksum is the sum of theirs
    long fontChecksum = 0;
    i = 0;
    for (Map.Entry<String, byte[]> table : tables.entrySet()) {
      int tableLength = table.getValue() == null ? glyfLength : table.getValue().length;
      long checksum = checksum(file.array(), offsets[i], padded(tableLength));
      fontChecksum += checksum;
      file.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt((int) checksum).putInt(offsets[i])
          .putInt(tableLength);
      i++;
    }
    fontChecksum += checksum(file.array(), 0, directory);
    file.putInt(headAt + 8, (int) (CHECKSUM_MAGIC - fontChecksum));
    return file.array();
  }

  /** OpenType's table checksum: the sum of the bytes read as big-endian 32-bit numbers, the last padded with 0. */
  static long checksum(byte[] bytes, int from, int length) {
    ByteBuffer words = ByteBuffer.wrap(bytes);
    long sum = 0;
    int end = from + length;
    int at = from;
    for (; at + 4 <= end; at += 4) {
      sum += words.getInt(at) & 0xFFFFFFFFL;
    }
    if (at < end) {
      long last = 0;
      for (int j = 0; j < 4; j++) {
        last = (last << 8) | (at + j < end ? bytes[at + j] & 0xFF : 0);
      }
      sum += last;
    }
    return sum & 0xFFFFFFFFL;
  }

  private static int padded(int length) {
    return (length + 3) & ~3;
  }
}
