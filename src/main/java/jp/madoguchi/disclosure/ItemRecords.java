package jp.madoguchi.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV or JSON item: its columns and rows (numbered from 1), and the same with what staff withheld
 * taken out. A CSV item has a header line; a JSON item is an array of objects or one object; a nested value is kept
 * as its JSON text. Records are read into memory: tabular items are the size of a person's records, not of a call
 * recording (the large items are audio, images and PDF, which are never read here).
 */
record ItemRecords(List<String> columns, List<Row> rows) {

  static final String WITHHELD = "（不開示 / withheld）";
  static final String MASKED = "＊＊＊";

  record Row(int number, Map<String, String> fields) {}

  static ItemRecords read(PackageItem item, InputStream content) {
    try {
      return item.isCsv() ? csv(content) : json(content);
    } catch (IOException failure) {
      throw new UncheckedIOException("Item " + item.id() + " cannot be read as records", failure);
    }
  }

  private static ItemRecords csv(InputStream content) throws IOException {
    Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get().parse(new BomSkippingReader(reader))) {
      List<String> columns = parser.getHeaderNames();
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : columns) {
          fields.put(column, record.isMapped(column) && record.isSet(column) ? record.get(column) : "");
        }
        rows.add(new Row(rows.size() + 1, fields));
      }
      return new ItemRecords(List.copyOf(columns), rows);
    }
  }

  private static ItemRecords json(InputStream content) throws IOException {
    JsonNode root = new ObjectMapper().readTree(content);
    List<JsonNode> nodes = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(nodes::add);
    } else if (root != null) {
      nodes.add(root);
    }
    Set<String> columns = new LinkedHashSet<>();
    List<Row> rows = new ArrayList<>();
    for (JsonNode node : nodes) {
      Map<String, String> fields = new LinkedHashMap<>();
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          columns.add(field.getKey());
          JsonNode value = field.getValue();
          fields.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
      } else {
        columns.add("value");
        fields.put("value", node.isValueNode() ? node.asText() : node.toString());
      }
      rows.add(new Row(rows.size() + 1, fields));
    }
    return new ItemRecords(List.copyOf(columns), rows);
  }

  /** The records as disclosed: withheld rows left out, withheld and masked fields replaced by their marker. */
  ItemRecords redacted(List<Withholding> withholdings) {
    List<Row> kept = new ArrayList<>();
    for (Row row : rows) {
      boolean rowWithheld = withholdings.stream().anyMatch(w -> w.wholeRow() && w.row() == row.number());
      if (rowWithheld) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>(row.fields());
      for (Withholding w : withholdings) {
        if (w.row() != null && w.row() == row.number() && w.field() != null && fields.containsKey(w.field())) {
          fields.put(w.field(), w.kind() == Withholding.Kind.MASKED ? MASKED : WITHHELD);
        }
      }
      kept.add(new Row(row.number(), fields));
    }
    return new ItemRecords(columns, kept);
  }

  /** Skips a UTF-8 byte order mark (Excel writes one). */
  private static final class BomSkippingReader extends java.io.FilterReader {
    private boolean first = true;

    BomSkippingReader(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (first && read > 0) {
        first = false;
        if (buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
          return read == 1 ? read(buffer, offset, length) : read - 1;
        }
      }
      return read;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          return super.read();
        }
      }
      return c;
    }
  }
}
