package jp.madoguchi.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.madoguchi.correspondence.LetterFontLoans;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.provision.DisclosedProvisionRecords;
import jp.madoguchi.provision.ProvisionRecord;
import jp.madoguchi.request.DeskRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a package as its archive's files, into the store: per category one JSON and one CSV (UTF-8, the CSV with
 * a BOM for Excel) of the records as disclosed; the original of every item with nothing withheld (an item with
 * withheld parts appears only in its category's redacted records, never as its original); the annex PDF (別添); and
 * the manifest, which lists every other file with its SHA-256 and is itself rendered from those entries.
 */
@Component
class PackageRenderer {

  static final String OTHER_CATEGORY = "OTHER";
  static final String PROVISION_RECORDS = "provision-records";

  private final DisclosurePackages packages;
  private final DisclosureStore store;
  private final Inventory inventory;
  private final DisclosedProvisionRecords provisionRecords;
  private final MessageSource messages;
  private final LetterFontLoans fontLoans;

  PackageRenderer(DisclosurePackages packages, DisclosureStore store, Inventory inventory,
      DisclosedProvisionRecords provisionRecords, MessageSource messages, LetterFontLoans fontLoans) {
    this.fontLoans = fontLoans;
    this.packages = packages;
    this.store = store;
    this.inventory = inventory;
    this.provisionRecords = provisionRecords;
    this.messages = messages;
  }

  /** What a render produced: the archive's files (without the manifest) and the annex's pages. */
  record Rendered(List<ManifestEntry> entries, int annexPages) {}

  /** A category's records as disclosed, and its items. */
  record CategoryRecords(String code, String name, List<PackageItem> items, List<String> columns,
      List<Map<String, String>> rows) {}

  Rendered render(DeskRequest request) {
    Locale locale = "en".equals(request.language()) ? Locale.ENGLISH : Locale.JAPANESE;
    List<PackageItem> items = packages.items(request.id());
    List<Withholding> withholdings = packages.withholdings(request.id());
    Map<String, List<PackageItem>> byCategory = items.stream()
        .collect(Collectors.groupingBy(PackageItem::categoryCode, TreeMap::new, Collectors.toList()));
    List<ManifestEntry> entries = new ArrayList<>();
    List<CategoryRecords> categories = new ArrayList<>();
    for (Map.Entry<String, List<PackageItem>> category : byCategory.entrySet()) {
      CategoryRecords records = records(category.getKey(), category.getValue(), withholdings, locale);
      categories.add(records);
      if (!records.columns().isEmpty()) {
        entries.add(json("categories/" + category.getKey() + ".json", records, request));
        entries.add(csv("categories/" + category.getKey() + ".csv", records.columns(), records.rows()));
      }
      for (PackageItem item : category.getValue()) {
        if (withholdings.stream().noneMatch(w -> w.itemId() == item.id())) {
          entries.add(new ManifestEntry("files/" + category.getKey() + "/" + item.id() + "-" + safe(item.fileName()),
              item.sha256(), item.size(), item.storageKey()));
        }
      }
    }
    List<ProvisionRecord> provisions = provisionRecords.disclosed(request.id());
    if (!provisions.isEmpty()) {
      List<String> columns = List.of("date", "direction", "counterparty", "address", "representative",
          "data_items", "recorded_on");
      List<Map<String, String>> rows = provisions.stream().map(PackageRenderer::provisionRow).toList();
      CategoryRecords records = new CategoryRecords(PROVISION_RECORDS, text(locale, "disclosure.provisionRecords"),
          List.of(), columns, rows);
      entries.add(json("categories/" + PROVISION_RECORDS + ".json", records, request));
      entries.add(csv("categories/" + PROVISION_RECORDS + ".csv", columns, rows));
      categories.add(records);
    }
    int[] pages = new int[1];
    DisclosureStore.Stored annex = store.write(out -> pages[0] = annex(request, locale, categories, withholdings,
        items).writeToAndClose(out));
    entries.add(0, new ManifestEntry("annex/" + request.reference() + "-annex.pdf", annex.sha256(), annex.size(),
        annex.key()));
    return new Rendered(entries, pages[0]);
  }

  /** The manifest: every other file of the archive with its SHA-256 and size, in a fixed form. */
  static byte[] manifest(String reference, List<ManifestEntry> entries) {
    StringBuilder out = new StringBuilder("{\n  \"reference\": \"").append(reference).append("\",\n  \"files\": [");
    for (int i = 0; i < entries.size(); i++) {
      ManifestEntry entry = entries.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"path\": \"").append(entry.path().replace("\"", "\\\""))
          .append("\", \"sha256\": \"").append(entry.sha256()).append("\", \"size\": ").append(entry.size())
          .append('}');
    }
    return out.append("\n  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private CategoryRecords records(String code, List<PackageItem> items, List<Withholding> withholdings,
      Locale locale) {
    Set<String> columns = new LinkedHashSet<>();
    List<Map<String, String>> rows = new ArrayList<>();
    for (PackageItem item : items) {
      List<Withholding> mine = withholdings.stream().filter(w -> w.itemId() == item.id()).toList();
      if (!item.tabular() || mine.stream().anyMatch(Withholding::wholeItem)) {
        continue;
      }
      ItemRecords records;
      try (InputStream in = store.open(item.storageKey())) {
        records = ItemRecords.read(item, in).redacted(mine);
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
      columns.add("item");
      columns.add("row");
      columns.addAll(records.columns());
      for (ItemRecords.Row row : records.rows()) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("item", item.fileName());
        fields.put("row", String.valueOf(row.number()));
        fields.putAll(row.fields());
        rows.add(fields);
      }
    }
    return new CategoryRecords(code, categoryName(code, locale), items, List.copyOf(columns), rows);
  }

  private ManifestEntry json(String path, CategoryRecords records, DeskRequest request) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("reference", request.reference());
    document.put("category", records.code());
    document.put("name", records.name());
    document.put("records", records.rows());
    DisclosureStore.Stored stored = store.write(out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, document));
    return new ManifestEntry(path, stored.sha256(), stored.size(), stored.key());
  }

  private ManifestEntry csv(String path, List<String> columns, List<Map<String, String>> rows) {
    DisclosureStore.Stored stored = store.write(out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(columns.toArray(String[]::new))
          .get());
      for (Map<String, String> row : rows) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(row.getOrDefault(column, ""));
        }
        printer.printRecord(values);
      }
      printer.flush();
    });
    return new ManifestEntry(path, stored.sha256(), stored.size(), stored.key());
  }

  private AnnexDocument annex(DeskRequest request, Locale locale, List<CategoryRecords> categories,
      List<Withholding> withholdings, List<PackageItem> items) {
    AnnexPdf pdf = new AnnexPdf(text(locale, "disclosure.annex.header", request.reference()), fontLoans.borrow());
    try {
      return annex(pdf, request, locale, categories, withholdings, items);
    } catch (RuntimeException failure) {
      // the annex's font goes back to the letters' pool (dropped, as after any failed document)
      pdf.close();
      throw failure;
    }
  }

  private AnnexDocument annex(AnnexPdf pdf, DeskRequest request, Locale locale, List<CategoryRecords> categories,
      List<Withholding> withholdings, List<PackageItem> items) {
    pdf.title(text(locale, "disclosure.annex.title", request.reference()));
    pdf.line(text(locale, "disclosure.annex.intro"));
    for (CategoryRecords category : categories) {
      pdf.heading(category.name() + " (" + category.code() + ")");
      for (PackageItem item : category.items()) {
        List<Withholding> mine = withholdings.stream().filter(w -> w.itemId() == item.id()).toList();
        pdf.line("・" + item.fileName() + " — " + item.mediaType() + ", " + item.size() + " bytes"
            + (item.systemCode() == null ? "" : ", " + text(locale, "disclosure.annex.system") + " "
                + item.systemCode()));
        pdf.line("  SHA-256: " + item.sha256());
        for (Withholding w : mine) {
          pdf.line("  " + marker(locale, w) + " " + ground(locale, w.ground())
              + (w.reason() == null || w.reason().isBlank() ? "" : " — " + w.reason()));
        }
        if (!item.tabular()) {
          pdf.line("  " + text(locale, mine.stream().anyMatch(Withholding::wholeItem)
              ? "disclosure.annex.itemWithheld" : "disclosure.annex.fileInArchive"));
        }
      }
      if (!category.columns().isEmpty()) {
        List<List<String>> rows = category.rows().stream()
            .map(row -> category.columns().stream().map(c -> row.getOrDefault(c, "")).toList()).toList();
        pdf.table(category.columns(), rows);
      }
    }
    long withheld = withholdings.size();
    pdf.heading(text(locale, "disclosure.annex.withheldHeading"));
    pdf.line(withheld == 0 ? text(locale, "disclosure.annex.nothingWithheld")
        : text(locale, "disclosure.annex.withheldCount", withheld, items.size()));
    return new AnnexDocument(pdf);
  }

  /** The annex, closed once written. */
  record AnnexDocument(AnnexPdf pdf) {
    int writeToAndClose(java.io.OutputStream out) {
      try (AnnexPdf document = pdf) {
        return document.writeTo(out);
      }
    }
  }

  private String marker(Locale locale, Withholding w) {
    if (w.wholeItem()) {
      return text(locale, "disclosure.annex.marker.item");
    }
    if (w.wholeRow()) {
      return text(locale, "disclosure.annex.marker.row", w.row());
    }
    return text(locale, w.kind() == Withholding.Kind.MASKED ? "disclosure.annex.marker.masked"
        : "disclosure.annex.marker.field", w.row(), w.field());
  }

  /** A withheld part as the letter names it: where, and on which ground. */
  String describe(Locale locale, Withholding w) {
    return marker(locale, w) + " " + ground(locale, w.ground());
  }

  String ground(Locale locale, String ground) {
    return messages.getMessage("words.refusalGround." + ground, null, ground, locale);
  }

  String categoryName(String code, Locale locale) {
    if (OTHER_CATEGORY.equals(code)) {
      return text(locale, "disclosure.otherCategory");
    }
    return inventory.snapshot().categories().stream().filter(c -> c.code().equals(code)).findFirst()
        .map(c -> Locale.ENGLISH.equals(locale) ? c.nameEn() : c.nameJa())
        .orElse(code);
  }

  private String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static Map<String, String> provisionRow(ProvisionRecord record) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("date", String.valueOf(record.date()));
    row.put("direction", record.direction().name());
    row.put("counterparty", record.counterpartyName());
    row.put("address", record.counterpartyAddress() == null ? "" : record.counterpartyAddress());
    row.put("representative", record.counterpartyRepresentative() == null ? ""
        : record.counterpartyRepresentative());
    row.put("data_items", record.dataItems());
    row.put("recorded_on", String.valueOf(record.recordedOn()));
    return row;
  }

  static String safe(String fileName) {
    String name = fileName == null ? "file" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return name.isBlank() ? "file" : name;
  }
}
