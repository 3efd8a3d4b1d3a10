package jp.madoguchi.disclosure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.handling.PersonalDataRequestProcess.RefusalGround;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestRegister;
import jp.madoguchi.request.RequestType;
import jp.madoguchi.security.DeskGroups;
import org.springframework.stereotype.Service;

/**
 * The disclosure package of a request: what staff gather (items per inventory category and system), what they
 * withhold or mask with its ground, and the package frozen when the decision is final, rendered as the annex and the
 * archive. Problems are named in Japanese and English, naming the field.
 */
@Service
public class DisclosurePackage {

  private final DisclosurePackages packages;
  private final DisclosureStore store;
  private final PackageRenderer renderer;
  private final RequestRegister register;
  private final Inventory inventory;
  private final DisclosureProperties properties;

  DisclosurePackage(DisclosurePackages packages, DisclosureStore store, PackageRenderer renderer,
      RequestRegister register, Inventory inventory, DisclosureProperties properties) {
    this.packages = packages;
    this.store = store;
    this.renderer = renderer;
    this.register = register;
    this.inventory = inventory;
    this.properties = properties;
  }

  /** Bad input or a change the package's state does not allow: the message names the field or what is missing. */
  public static final class PackageProblem extends RuntimeException {
    public PackageProblem(String message) {
      super(message);
    }
  }

  /** An item larger than the item limit, or one that would make the package larger than its limit. */
  public static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** The request, when the user may see its file: a My Number request only for the specific-information desk. */
  public Optional<DeskRequest> visible(String reference, java.util.Collection<String> groups) {
    return register.findByReference(reference).filter(request ->
        request.personalInformationKind() != PersonalInformationKind.SPECIFIC
            || groups.contains(DeskGroups.PRIVACY_DESK_SPECIFIC));
  }

  /** Checks the category and system codes before any content is read. */
  public void checkCodes(String category, String system) {
    if (category != null && !category.isBlank() && !PackageRenderer.OTHER_CATEGORY.equals(category)
        && inventory.entry(InventoryKind.CATEGORIES, category).isEmpty()) {
      throw new PackageProblem("category: データ台帳にない分類です / not a category of the data inventory: "
          + category);
    }
    if (system != null && !system.isBlank() && inventory.entry(InventoryKind.SYSTEMS, system).isEmpty()) {
      throw new PackageProblem("system: データ台帳にないシステムです / not a system of the data inventory: " + system);
    }
  }

  /**
   * Adds an item, streaming its content into the store. Without a category it goes to {@code OTHER}. Refused once
   * the package is frozen, and when too large (nothing is kept then).
   */
  public PackageItem addItem(DeskRequest request, String category, String system, String fileName,
      String mediaType, InputStream content, String actor) {
    checkCodes(category, system);
    requireOpen(request.id());
    long itemLimit = properties.maxItemSize().toBytes();
    long packageRoom = properties.maxPackageSize().toBytes() - packages.totalBytes(request.id());
    long limit = Math.min(itemLimit, packageRoom);
    DisclosureStore.Stored stored;
    try {
      stored = store.write(content, limit);
    } catch (DisclosureStore.TooLarge tooLarge) {
      throw new TooLarge(limit == itemLimit
          ? "file: 1件の上限(" + itemLimit + "バイト)を超えています / larger than the item limit of " + itemLimit
              + " bytes"
          : "file: 開示資料全体の上限を超えます / the package would exceed its limit of "
              + properties.maxPackageSize().toBytes() + " bytes");
    }
    String code = category == null || category.isBlank() ? PackageRenderer.OTHER_CATEGORY : category;
    String type = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
    try {
      long id = packages.addItem(request.id(), code, system == null || system.isBlank() ? null : system,
          fileName == null || fileName.isBlank() ? "item" : fileName.strip(), type, stored, actor);
      return packages.item(request.id(), id).orElseThrow();
    } catch (RuntimeException failure) {
      store.delete(stored.key());
      throw failure;
    }
  }

  public List<PackageItem> items(long requestId) {
    return packages.items(requestId);
  }

  public List<Withholding> withholdings(long requestId) {
    return packages.withholdings(requestId);
  }

  public PackageState state(long requestId) {
    return packages.state(requestId);
  }

  public List<ManifestEntry> manifest(long requestId) {
    return packages.manifest(requestId);
  }

  public int downloads(long requestId) {
    return packages.downloads(requestId);
  }

  public void removeItem(DeskRequest request, long itemId, String actor) {
    requireOpen(request.id());
    packages.removeItem(request.id(), itemId, actor);
  }

  /**
   * Withholds (or masks) an item, a row or a field, on a ground the law gives the request's type, with the reason
   * staff give the requester.
   */
  public void withhold(DeskRequest request, long itemId, Integer row, String field, Withholding.Kind kind,
      String ground, String reason, String actor) {
    requireOpen(request.id());
    List<String> problems = new ArrayList<>();
    PackageItem item = packages.item(request.id(), itemId).orElse(null);
    if (item == null) {
      throw new PackageProblem("item: この開示資料にない項目です / no such item in the package: " + itemId);
    }
    RefusalGround known = null;
    try {
      known = ground == null ? null : RefusalGround.valueOf(ground);
    } catch (IllegalArgumentException unknown) {
      // named below
    }
    if (known == null || !RequestDecisions.groundsFor(request.type()).contains(known)) {
      problems.add("ground: この種類の請求で使える不開示の理由を選んでください / choose a ground this type of request "
          + "allows: " + RequestDecisions.groundsFor(request.type()));
    }
    if (reason == null || reason.isBlank()) {
      problems.add("reason: 請求者に示す理由を記入してください / state the reason for the requester");
    }
    if ((row != null || field != null || kind == Withholding.Kind.MASKED) && !item.tabular()) {
      problems.add("row: 行・項目の不開示はCSVとJSONの資料だけです / rows and fields only in CSV and JSON items");
    }
    if (field != null && row == null) {
      problems.add("row: 項目には行番号が要ります / a field needs its row");
    }
    if (kind == Withholding.Kind.MASKED && field == null) {
      problems.add("field: 墨塗りする項目を選んでください / choose the field to mask");
    }
    if (problems.isEmpty() && item.tabular() && row != null) {
      ItemRecords records;
      try (InputStream in = store.open(item.storageKey())) {
        records = ItemRecords.read(item, in);
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
      if (row < 1 || row > records.rows().size()) {
        problems.add("row: 1から" + records.rows().size() + "までの行番号です / a row from 1 to "
            + records.rows().size());
      } else if (field != null && !records.columns().contains(field)) {
        problems.add("field: この資料にない項目です / not a field of this item: " + field);
      }
    }
    if (!problems.isEmpty()) {
      throw new PackageProblem(String.join("; ", problems));
    }
    packages.withhold(request.id(), itemId, row, field, kind, ground, reason.strip(), actor);
  }

  public void release(DeskRequest request, long withholdingId, String actor) {
    requireOpen(request.id());
    packages.release(request.id(), withholdingId, actor);
  }

  /**
   * Freezes the package: renders its files into the store and fixes their hashes. An empty package (no items and
   * no confirmed provision records) is not frozen.
   */
  public Optional<PackageState> freeze(long requestId, String actor) {
    DeskRequest request = register.find(requestId);
    if (packages.state(requestId).frozen()) {
      return Optional.of(packages.state(requestId));
    }
    List<PackageItem> items = packages.items(requestId);
    PackageRenderer.Rendered rendered = renderer.render(request);
    if (items.isEmpty() && rendered.entries().size() <= 1) {
      rendered.entries().stream().filter(e -> e.storageKey() != null).forEach(e -> store.delete(e.storageKey()));
      return Optional.empty();
    }
    byte[] manifest = PackageRenderer.manifest(request.reference(), rendered.entries());
    String manifestHash = HexFormat.of().formatHex(DisclosureStore.sha256().digest(manifest));
    long total = rendered.entries().stream().mapToLong(ManifestEntry::size).sum() + manifest.length;
    int withheld = (int) packages.withholdings(requestId).stream().map(Withholding::itemId).distinct().count();
    packages.recordFrozen(requestId, rendered.entries(), manifestHash, items.size(), withheld, total, actor);
    return Optional.of(packages.state(requestId));
  }

  /** A sent-back decision: the package opens again, its renderings go. */
  public void unfreeze(long requestId, String actor) {
    packages.unfreeze(requestId, actor);
  }

  /**
   * What is missing before a disclosure reply may go: an empty list when the package is frozen, or when no package
   * is needed.
   */
  public List<String> missingForReply(long requestId) {
    if (!properties.packageRequired() || packages.state(requestId).frozen()) {
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    if (packages.items(requestId).isEmpty()) {
      missing.add("開示資料に項目がありません(調査で集めた記録を追加してください) / the disclosure package has no items"
          + " (add the records the investigation gathered)");
    }
    missing.add("開示資料が確定(凍結)されていません(開示の決定時に確定し、一部開示は管理者の承認で最終となります) / the "
        + "disclosure package is not frozen (it freezes when the disclosure is decided; a partial one is final when "
        + "approved)");
    return missing;
  }

  /** The annex PDF's storage key of a frozen package, and its pages, for printing. */
  public Optional<ManifestEntry> annex(long requestId) {
    return packages.manifest(requestId).stream().filter(e -> e.path().startsWith("annex/")).findFirst();
  }

  public InputStream open(ManifestEntry entry) {
    return store.open(entry.storageKey());
  }

  public int annexPages(long requestId) {
    return annex(requestId).map(entry -> {
      try (InputStream in = store.open(entry.storageKey());
          org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
              new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
        return pdf.getNumberOfPages();
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    }).orElse(0);
  }

  /** Streams the frozen package's archive: every file of its manifest, then the manifest. */
  public void writeArchive(long requestId, OutputStream out) throws IOException {
    DeskRequest request = register.find(requestId);
    List<ManifestEntry> entries = packages.manifest(requestId);
    ZipOutputStream zip = new ZipOutputStream(out);
    byte[] buffer = new byte[64 * 1024];
    for (ManifestEntry entry : entries) {
      zip.putNextEntry(new ZipEntry(entry.path()));
      try (InputStream in = store.open(entry.storageKey())) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          zip.write(buffer, 0, read);
        }
      }
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry("manifest.json"));
    new ByteArrayInputStream(PackageRenderer.manifest(request.reference(), entries)).transferTo(zip);
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  /** What a disclosure letter's 別添 names, once the package is frozen. */
  public Optional<jp.madoguchi.correspondence.ReplyAttachments.Enclosure> enclosure(long requestId,
      String language) {
    PackageState state = packages.state(requestId);
    if (!state.frozen()) {
      return Optional.empty();
    }
    java.util.Locale locale = "en".equals(language) ? java.util.Locale.ENGLISH : java.util.Locale.JAPANESE;
    List<PackageItem> items = packages.items(requestId);
    List<String> withheld = packages.withholdings(requestId).stream().map(w -> items.stream()
        .filter(i -> i.id() == w.itemId()).findFirst().map(PackageItem::fileName).orElse("?") + ": "
        + renderer.describe(locale, w)).toList();
    return Optional.of(new jp.madoguchi.correspondence.ReplyAttachments.Enclosure(annexPages(requestId),
        state.fileCount(), state.itemCount(), withheld));
  }

  /** The archive left on a medium (the method OTHER): the register records which manifest it was. */
  public void recordSentOnMedium(long requestId, String actor) {
    PackageState state = packages.state(requestId);
    register.recordEvent(requestId, actor, "PACKAGE_SENT_ON_MEDIUM", state.frozen()
        ? "manifest " + state.manifestSha256() + ", " + state.fileCount() + " file(s)" : "no frozen package");
  }

  void recordDownload(long requestId, long tokenId) {
    packages.recordDownload(requestId, tokenId);
    register.recordEvent(requestId, "download-link", "PACKAGE_DOWNLOADED", "archive");
  }

  static boolean isDisclosure(RequestType type) {
    return type == RequestType.DISCLOSURE || type == RequestType.THIRD_PARTY_RECORDS_DISCLOSURE;
  }

  private void requireOpen(long requestId) {
    if (packages.state(requestId).state() != PackageState.State.OPEN) {
      throw new PackageProblem("開示資料は確定済みのため変更できません(差し戻し後に変更できます) / the package is "
          + "frozen: it can change only after the decision is sent back");
    }
  }
}
