package jp.madoguchi.intake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Submissions, documents and row counts for the intake tests (and the intake benchmark). */
public final class IntakeFixtures {

  private IntakeFixtures() {}

  static final String PRINCIPAL_NAME = "山田 花子";
  static final String PRINCIPAL_EMAIL = "hanako.yamada@example.jp";

  /** A valid disclosure request, as a mutable JSON tree. */
  public static Map<String, Object> disclosure() {
    Map<String, Object> principal = new LinkedHashMap<>();
    principal.put("name", PRINCIPAL_NAME);
    principal.put("nameKana", "ヤマダ ハナコ");
    principal.put("dateOfBirth", "1985-07-15");
    principal.put("postalCode", "100-0001");
    principal.put("address", "東京都千代田区千代田1-1");
    principal.put("phone", "03-1234-5678");
    principal.put("email", PRINCIPAL_EMAIL);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DISCLOSURE");
    body.put("principal", principal);
    body.put("disclosureMethod", "ELECTRONIC");
    body.put("details", "2024年以降のお客様窓口での通話記録\n及び会員登録情報");
    body.put("personalInformationKind", "ORDINARY");
    body.put("channel", "WEB");
    body.put("language", "ja");
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> principalOf(Map<String, Object> body) {
    return (Map<String, Object>) body.get("principal");
  }

  /** A small but well-formed PDF document. */
  public static byte[] pdf() {
    String pdf = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """;
    return pdf.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
  }

  /** What the register and the engine hold, to show that a refused submission stored nothing. */
  record Stored(long requests, long documents, long events, long idempotencyKeys, long processInstances) {

    static Stored now(JdbcClient jdbc, HistoryService history) {
      return new Stored(count(jdbc, "desk_request"), count(jdbc, "request_document"), count(jdbc, "request_event"),
          count(jdbc, "idempotency_key"), history.createHistoricProcessInstanceQuery().count());
    }

    private static long count(JdbcClient jdbc, String table) {
      return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
  }
}
