package jp.madoguchi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The columns that hold bytes compressed already (a letter's PDF, a requester's document) are stored out of line
 * without PostgreSQL's attempt to compress them again (V73): the attempt read every PDF and saved nothing. Same
 * context configuration as {@code PostgresApplicationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres", "pgtest"})
class PostgresCompressedBytesTest {

  @Autowired JdbcClient jdbc;

  @Test
  void pdfsAndDocumentsAreStoredWithoutAnotherCompression() {
    Map<String, String> columns = Map.of("letter_document", "pdf", "request_document", "content");
    columns.forEach((table, column) -> assertThat(jdbc.sql("""
            SELECT a.attstorage FROM pg_attribute a
            WHERE a.attrelid = to_regclass(:table) AND a.attname = :column AND NOT a.attisdropped""")
        .param("table", table).param("column", column).query(String.class).single())
        .as("storage of %s.%s", table, column).isEqualTo("e"));
  }
}
