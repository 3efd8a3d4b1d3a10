package jp.madoguchi.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of requests (identity documents, powers of attorney, ...), kept in the register beside the request
 * they belong to. Only PDF, JPEG and PNG are kept, judged by their bytes.
 */
@Service
public class RequestDocuments {

  /**
   * What {@link #map} reads: every column but the document's bytes, which a {@code SELECT *} would fetch from the
   * database with each row (several megabytes for a request file's list), though no reader of a row uses
   * them; {@link #content} reads them.
   */
  private static final String COLUMNS = "id, request_id, kind, content_type, original_file_name, size_bytes, sha256, "
      + "uploaded_at, uploaded_by, content_erased_at, content_deleted_by, unmasked_number";

  static final int MAX_FILE_NAME_LENGTH = 255;

  private final JdbcClient jdbc;
  private final RequestRegister register;

  RequestDocuments(JdbcClient jdbc, RequestRegister register) {
    this.jdbc = jdbc;
    this.register = register;
  }

  /**
   * Keeps a document of a request and records its receipt in the request's history (kind, format, size and digest;
   * the file name stays out of the history because it may itself name the person).
   *
   * @throws IllegalArgumentException when the bytes are not a PDF, JPEG or PNG: callers validate first
   */
  @Transactional
  public RequestDocument store(long requestId, DocumentKind kind, String originalFileName, byte[] content,
      String actor) {
    DocumentFormat format = DocumentFormat.of(content)
        .orElseThrow(() -> new IllegalArgumentException("Not a PDF, JPEG or PNG document"));
    if (originalFileName != null && originalFileName.length() > MAX_FILE_NAME_LENGTH) {
      throw new IllegalArgumentException("File name longer than " + MAX_FILE_NAME_LENGTH + " characters");
    }
    String sha256 = Digests.sha256Hex(content);
    OffsetDateTime now = RequestRegister.now().atOffset(ZoneOffset.UTC);
    String uploadedBy = actor == null ? RequestRegister.SYSTEM_ACTOR : actor;
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO request_document (request_id, kind, content_type, original_file_name, size_bytes, sha256,
              content, uploaded_at, uploaded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(requestId, kind.name(), format.contentType(), originalFileName, (long) content.length, sha256,
            content, now, uploadedBy)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    register.recordEvent(requestId, uploadedBy, "DOCUMENT_RECEIVED",
        "%s %s %d bytes sha256:%s".formatted(kind.name(), format.contentType(), content.length, sha256));
    // as written: not read back, which would fetch its bytes again
    return new RequestDocument(id, requestId, kind, format.contentType(), originalFileName, content.length, sha256,
        now.toInstant(), uploadedBy, null, null, null);
  }

  /**
   * The request's document with exactly these bytes (same SHA-256 and size), if it has one. A copy deleted as unmasked
   * does not count: sent again, it is kept again, for staff to see and delete.
   */
  public Optional<RequestDocument> withContent(long requestId, byte[] content) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM request_document WHERE request_id = ? AND sha256 = ?"
            + " AND size_bytes = ? AND unmasked_number IS NULL ORDER BY id")
        .params(requestId, Digests.sha256Hex(content), (long) content.length)
        .query(RequestDocuments::map)
        .stream()
        .findFirst();
  }

  /**
   * When the latest document of this kind still held was received: the day documents sent after the request reached
   * the desk. Copies deleted as unmasked do not count.
   */
  public Optional<Instant> lastReceivedAt(long requestId, DocumentKind kind) {
    return jdbc.sql("SELECT MAX(uploaded_at) FROM request_document WHERE request_id = ? AND kind = ?"
            + " AND unmasked_number IS NULL")
        .params(requestId, kind.name())
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  /**
   * Deletes an upload that shows a number the desk may not keep (a My Number, an unmasked insurer number): its bytes
   * and file name go at once; kept are that it was received, its kind, size and digest, and who deleted it, why and
   * when, in the row and in the request's history. Returns the document as it now stands, or empty when the request
   * has no such document or its bytes are already gone.
   */
  @Transactional
  public Optional<RequestDocument> deleteUnmasked(long requestId, long documentId, UnmaskedNumber shows,
      String actor) {
    OffsetDateTime now = RequestRegister.now().atOffset(ZoneOffset.UTC);
    int deleted = jdbc.sql("""
            UPDATE request_document SET content = NULL, original_file_name = NULL, content_erased_at = ?,
              content_deleted_by = ?, unmasked_number = ?
            WHERE id = ? AND request_id = ? AND content_erased_at IS NULL
            """)
        .params(now, actor, shows.name(), documentId, requestId)
        .update();
    if (deleted == 0) {
      return Optional.empty();
    }
    RequestDocument document = jdbc.sql("SELECT " + COLUMNS + " FROM request_document WHERE id = ?").param(documentId)
        .query(RequestDocuments::map).single();
    register.recordEvent(requestId, actor, "DOCUMENT_DELETED_UNMASKED", "%s #%d shows %s: %d bytes sha256:%s deleted"
        .formatted(document.kind().name(), documentId, shows.name(), document.sizeBytes(), document.sha256()));
    return Optional.of(document);
  }

  public List<RequestDocument> documentsOf(long requestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM request_document WHERE request_id = ? ORDER BY uploaded_at, id")
        .param(requestId)
        .query(RequestDocuments::map)
        .list();
  }

  public int count(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM request_document WHERE request_id = ?").param(requestId)
        .query(Integer.class).single();
  }

  /** The document's bytes, or empty once they were erased with the request's personal data. */
  public Optional<byte[]> content(long documentId) {
    return jdbc.sql("SELECT content FROM request_document WHERE id = ?").param(documentId)
        .query((rs, n) -> rs.getBytes("content"))
        .optional();
  }

  /** The request's personal data is erased: the documents' bytes and names go; kind, size and digest stay. */
  @EventListener
  void eraseContent(PersonalDataErased erased) {
    jdbc.sql("UPDATE request_document SET content = NULL, original_file_name = NULL, content_erased_at = ?"
            + " WHERE request_id = ? AND content_erased_at IS NULL")
        .params(erased.erasedAt().atOffset(ZoneOffset.UTC), erased.requestId())
        .update();
  }

  private static RequestDocument map(ResultSet rs, int row) throws SQLException {
    return new RequestDocument(rs.getLong("id"), rs.getLong("request_id"), DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("content_type"), rs.getString("original_file_name"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
        rs.getString("uploaded_by"), instant(rs.getObject("content_erased_at", OffsetDateTime.class)),
        rs.getString("content_deleted_by"),
        rs.getString("unmasked_number") == null ? null : UnmaskedNumber.valueOf(rs.getString("unmasked_number")));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
