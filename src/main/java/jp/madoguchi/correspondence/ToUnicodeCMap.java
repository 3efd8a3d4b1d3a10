package jp.madoguchi.correspondence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A ToUnicode CMap (PDF 32000 9.10.3) from character ids (two bytes, Identity-H) to the code points a letter shows:
 * what text copied from the letter, read aloud or searched comes out as.
 */
final class ToUnicodeCMap {

  private ToUnicodeCMap() {}

  static PDStream of(PDDocument document, Map<Integer, Integer> codePointsByCid) throws IOException {
    StringBuilder cmap = new StringBuilder("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new TreeMap<>(codePointsByCid).entrySet());
    for (int from = 0; from < entries.size(); from += 100) {
      List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, Integer> entry : block) {
        hex4(cmap.append('<'), entry.getKey()).append("> <");
        for (char unit : Character.toChars(entry.getValue())) {
          hex4(cmap, unit);
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("""
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end
        """);
    return new PDStream(document, new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)),
        COSName.FLATE_DECODE);
  }

  /** Four upper-case hex digits, as {@code %04X} writes them (without parsing a format for every entry). */
  static StringBuilder hex4(StringBuilder out, int value) {
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(Character.toUpperCase(Character.forDigit((value >> shift) & 0xF, 16)));
    }
    return out;
  }
}
