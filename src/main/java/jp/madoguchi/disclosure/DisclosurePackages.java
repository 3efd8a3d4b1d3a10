package jp.madoguchi.disclosure;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.request.PersonalDataErased;
import jp.madoguchi.request.RequestRegister;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The disclosure packages, in our tables: the only class that writes {@code disclosure_package},
 * {@code disclosure_item}, {@code disclosure_withholding}, {@code disclosure_manifest_entry} and
 * {@code disclosure_download}. The content of items and renderings is in the {@link DisclosureStore}.
 */
@Component
class DisclosurePackages {

  private final JdbcClient jdbc;
  private final DisclosureStore store;
  private final RequestRegister register;

  DisclosurePackages(JdbcClient jdbc, DisclosureStore store, RequestRegister register) {
    this.jdbc = jdbc;
    this.store = store;
    this.register = register;
  }

  PackageState state(long requestId) {
    return jdbc.sql("SELECT * FROM disclosure_package WHERE request_id = ?").param(requestId)
        .query((rs, n) -> new PackageState(requestId, PackageState.State.valueOf(rs.getString("state")),
            instant(rs, "frozen_at"), rs.getString("frozen_by"), rs.getString("manifest_sha256"),
            (Integer) rs.getObject("item_count"), (Integer) rs.getObject("withheld_count"),
            (Integer) rs.getObject("file_count"), rs.getObject("total_bytes") == null ? null
                : rs.getLong("total_bytes"), instant(rs, "erased_at")))
        .optional().orElseGet(() -> PackageState.open(requestId));
  }

  List<PackageItem> items(long requestId) {
    return jdbc.sql("SELECT * FROM disclosure_item WHERE request_id = ? ORDER BY category_code, id")
        .param(requestId).query(DisclosurePackages::item).list();
  }

  Optional<PackageItem> item(long requestId, long itemId) {
    return jdbc.sql("SELECT * FROM disclosure_item WHERE request_id = ? AND id = ?").params(requestId, itemId)
        .query(DisclosurePackages::item).optional();
  }

  long totalBytes(long requestId) {
    return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM disclosure_item WHERE request_id = ?")
        .param(requestId).query(Long.class).single();
  }

  List<Withholding> withholdings(long requestId) {
    return jdbc.sql("""
            SELECT w.* FROM disclosure_withholding w JOIN disclosure_item i ON i.id = w.item_id
            WHERE i.request_id = ? ORDER BY w.item_id, w.row_index, w.id
            """)
        .param(requestId)
        .query((rs, n) -> new Withholding(rs.getLong("id"), rs.getLong("item_id"),
            (Integer) rs.getObject("row_index"), rs.getString("field_name"),
            Withholding.Kind.valueOf(rs.getString("kind")), rs.getString("ground"), rs.getString("reason"),
            rs.getString("marked_by"), instant(rs, "marked_at")))
        .list();
  }

  List<ManifestEntry> manifest(long requestId) {
    return jdbc.sql("SELECT * FROM disclosure_manifest_entry WHERE request_id = ? ORDER BY id").param(requestId)
        .query((rs, n) -> new ManifestEntry(rs.getString("path"), rs.getString("sha256"), rs.getLong("size_bytes"),
            rs.getString("storage_key")))
        .list();
  }

  /** Records an item whose content the store already holds. */
  @Transactional
  long addItem(long requestId, String category, String system, String fileName, String mediaType,
      DisclosureStore.Stored stored, String actor) {
    Instant now = RequestRegister.now();
    jdbc.sql("""
            INSERT INTO disclosure_item (request_id, category_code, system_code, file_name, media_type, size_bytes,
              sha256, storage_key, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, category, system, fileName, mediaType, stored.size(), stored.sha256(), stored.key(), actor,
            utc(now))
        .update();
    long id = jdbc.sql("SELECT id FROM disclosure_item WHERE storage_key = ?").param(stored.key())
        .query(Long.class).single();
    register.recordEvent(requestId, actor, "PACKAGE_ITEM_ADDED",
        "item " + id + " (" + category + (system == null ? "" : ", " + system) + ", " + stored.size() + " bytes)");
    return id;
  }

  @Transactional
  void removeItem(long requestId, long itemId, String actor) {
    item(requestId, itemId).ifPresent(item -> {
      jdbc.sql("DELETE FROM disclosure_withholding WHERE item_id = ?").param(itemId).update();
      jdbc.sql("DELETE FROM disclosure_item WHERE id = ?").param(itemId).update();
      register.recordEvent(requestId, actor, "PACKAGE_ITEM_REMOVED", "item " + itemId);
      deleteAfterCommit(List.of(item.storageKey()));
    });
  }

  @Transactional
  void withhold(long requestId, long itemId, Integer row, String field, Withholding.Kind kind, String ground,
      String reason, String actor) {
    jdbc.sql("""
            INSERT INTO disclosure_withholding (item_id, row_index, field_name, kind, ground, reason, marked_by,
              marked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(itemId, row, field, kind.name(), ground, reason, actor, utc(RequestRegister.now()))
        .update();
    register.recordEvent(requestId, actor, "PACKAGE_" + kind.name(), "item " + itemId
        + (row == null ? "" : ", row " + row) + (field == null ? "" : ", field") + ": " + ground);
  }

  @Transactional
  void release(long requestId, long withholdingId, String actor) {
    int removed = jdbc.sql("""
            DELETE FROM disclosure_withholding WHERE id = ?
              AND item_id IN (SELECT id FROM disclosure_item WHERE request_id = ?)
            """).params(withholdingId, requestId).update();
    if (removed > 0) {
      register.recordEvent(requestId, actor, "PACKAGE_RELEASED", "withholding " + withholdingId);
    }
  }

  /** Fixes the package: its archive's files with their hashes, and the counts that outlive the content. */
  @Transactional
  void recordFrozen(long requestId, List<ManifestEntry> entries, String manifestSha256, int items, int withheld,
      long totalBytes, String actor) {
    Instant now = RequestRegister.now();
    jdbc.sql("DELETE FROM disclosure_package WHERE request_id = ?").param(requestId).update();
    jdbc.sql("""
            INSERT INTO disclosure_package (request_id, state, frozen_at, frozen_by, manifest_sha256, item_count,
              withheld_count, file_count, total_bytes) VALUES (?, 'FROZEN', ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, utc(now), actor, manifestSha256, items, withheld, entries.size() + 1, totalBytes)
        .update();
    for (ManifestEntry entry : entries) {
      jdbc.sql("""
              INSERT INTO disclosure_manifest_entry (request_id, path, sha256, size_bytes, storage_key)
              VALUES (?, ?, ?, ?, ?)
              """)
          .params(requestId, entry.path(), entry.sha256(), entry.size(), entry.storageKey())
          .update();
    }
    register.recordEvent(requestId, actor, "PACKAGE_FROZEN", "manifest " + manifestSha256 + ", " + items
        + " item(s), " + withheld + " withheld");
  }

  /**
   * Opens a frozen package again (a sent-back decision): the renderings go; the items and withholdings stay for
   * staff to change.
   */
  @Transactional
  void unfreeze(long requestId, String actor) {
    if (!state(requestId).frozen()) {
      return;
    }
    List<String> renderings = jdbc.sql("""
            SELECT storage_key FROM disclosure_manifest_entry WHERE request_id = ? AND storage_key IS NOT NULL
              AND storage_key NOT IN (SELECT storage_key FROM disclosure_item WHERE request_id = ?
                AND storage_key IS NOT NULL)
            """)
        .params(requestId, requestId).query(String.class).list();
    jdbc.sql("DELETE FROM disclosure_manifest_entry WHERE request_id = ?").param(requestId).update();
    jdbc.sql("UPDATE disclosure_package SET state = 'OPEN' WHERE request_id = ?").param(requestId).update();
    register.recordEvent(requestId, actor, "PACKAGE_UNFROZEN", null);
    deleteAfterCommit(renderings);
  }

  void recordDownload(long requestId, long tokenId) {
    jdbc.sql("INSERT INTO disclosure_download (request_id, token_id, downloaded_at) VALUES (?, ?, ?)")
        .params(requestId, tokenId, utc(RequestRegister.now()))
        .update();
  }

  int downloads(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM disclosure_download WHERE request_id = ?").param(requestId)
        .query(Integer.class).single();
  }

  /**
   * The request's personal data is erased: the content of the items and renderings, the items' names and the
   * reasons staff wrote go; what stays is the manifest's hashes and sizes, the items' hashes, and the counts.
   */
  @EventListener
  void erase(PersonalDataErased erased) {
    long requestId = erased.requestId();
    List<String> keys = new ArrayList<>(jdbc.sql("""
            SELECT storage_key FROM disclosure_item WHERE request_id = ? AND storage_key IS NOT NULL
            UNION SELECT storage_key FROM disclosure_manifest_entry WHERE request_id = ? AND storage_key IS NOT NULL
            """).params(requestId, requestId).query(String.class).list());
    PackageState before = state(requestId);
    jdbc.sql("UPDATE disclosure_item SET storage_key = NULL, file_name = NULL WHERE request_id = ?")
        .param(requestId).update();
    jdbc.sql("UPDATE disclosure_withholding SET reason = NULL WHERE item_id IN"
        + " (SELECT id FROM disclosure_item WHERE request_id = ?)").param(requestId).update();
    jdbc.sql("UPDATE disclosure_manifest_entry SET storage_key = NULL WHERE request_id = ?").param(requestId)
        .update();
    if (before.state() == PackageState.State.OPEN && items(requestId).isEmpty()) {
      deleteAfterCommit(keys);
      return;
    }
    if (before.state() == PackageState.State.OPEN) {
      jdbc.sql("DELETE FROM disclosure_package WHERE request_id = ?").param(requestId).update();
      jdbc.sql("""
              INSERT INTO disclosure_package (request_id, state, item_count, total_bytes, erased_at)
              VALUES (?, 'ERASED', ?, ?, ?)
              """)
          .params(requestId, items(requestId).size(), totalBytes(requestId), utc(erased.erasedAt())).update();
    } else {
      jdbc.sql("UPDATE disclosure_package SET state = 'ERASED', erased_at = ? WHERE request_id = ?")
          .params(utc(erased.erasedAt()), requestId).update();
    }
    deleteAfterCommit(keys);
  }

  /**
   * Deletes files once the rows no longer naming them are committed: a rolled-back change keeps its files, and a
   * failure after the commit leaves orphans (no row names them), never rows pointing nowhere.
   */
  private void deleteAfterCommit(List<String> keys) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      keys.forEach(store::delete);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        keys.forEach(store::delete);
      }
    });
  }

  InputStream open(String storageKey) {
    return store.open(storageKey);
  }

  private static PackageItem item(ResultSet rs, int n) throws SQLException {
    return new PackageItem(rs.getLong("id"), rs.getLong("request_id"), rs.getString("category_code"),
        rs.getString("system_code"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("storage_key"), rs.getString("added_by"), instant(rs, "added_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
