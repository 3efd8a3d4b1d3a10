package jp.madoguchi.correspondence;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import jp.madoguchi.correspondence.LetterComposer.ComposedLetter;
import jp.madoguchi.request.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The composed letters, kept with their request in {@code letter_document}. */
@Component
class LetterDocuments {

  private final JdbcClient jdbc;

  LetterDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A letter as composed: the e-mail's subject, the plain text, and the PDF when it has one ({@code pdf} is null when
   * the letter was read for its e-mail, which carries a link to the PDF, not the PDF).
   */
  record StoredLetter(long letterId, long requestId, String subject, String text, byte[] pdf, int pages,
      boolean hasPdf) {}

  void store(long letterId, long requestId, ComposedLetter letter, Instant composedAt) {
    String sha256 = letter.pdf() == null ? null : sha256(letter.pdf());
    jdbc.sql("""
            INSERT INTO letter_document (letter_id, request_id, subject, body_text, pdf, pdf_sha256, page_count,
              composed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(letterId, requestId, letter.subject(), letter.text(), letter.pdf(), sha256,
            letter.pdf() == null ? null : letter.pages(), composedAt.atOffset(ZoneOffset.UTC))
        .update();
  }

  Optional<StoredLetter> find(long letterId) {
    return jdbc.sql("SELECT * FROM letter_document WHERE letter_id = ?")
        .param(letterId)
        .query((rs, n) -> {
          byte[] pdf = rs.getBytes("pdf");
          return stored(rs, pdf, pdf != null);
        })
        .optional();
  }

  /**
   * A stored letter from a row with its columns {@code letter_id, request_id, subject, body_text, page_count}
   * ({@link Outbox#findForMail} reads them with the letter's own).
   */
  static StoredLetter stored(ResultSet rs, byte[] pdf, boolean hasPdf) throws SQLException {
    return new StoredLetter(rs.getLong("letter_id"), rs.getLong("request_id"), rs.getString("subject"),
        rs.getString("body_text"), pdf, rs.getInt("page_count"), hasPdf);
  }

  /** The request's personal data is erased: the letters themselves (text and PDF) go. */
  @EventListener
  void erase(PersonalDataErased erased) {
    jdbc.sql("DELETE FROM letter_document WHERE request_id = ?").param(erased.requestId()).update();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java platform provides SHA-256", impossible);
    }
  }
}
