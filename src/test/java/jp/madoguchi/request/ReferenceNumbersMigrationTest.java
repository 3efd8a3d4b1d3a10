package jp.madoguchi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import jp.madoguchi.support.TestDatabaseServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V75 gives reference numbers from a sequence of their own, which must start after every number the ids gave before
 * it, on both databases the desk runs on: each migrated to V74 on a database of its own (H2 in memory; PostgreSQL
 * created by the test on the test server and dropped after), given requests with a gap in their ids, then migrated on.
 */
class ReferenceNumbersMigrationTest {

  @Test
  void onH2TheFirstNumberFollowsTheLargestId() {
    assertThat(firstNumberAfterRequests(h2(), "h2")).isEqualTo(8);
  }

  @Test
  void onPostgresqlTheFirstNumberFollowsTheLargestId() throws SQLException {
    String name = "madoguchi_refnum_" + UUID.randomUUID().toString().substring(0, 8);
    onTestServer("CREATE DATABASE " + name);
    try {
      DataSource postgres = new DriverManagerDataSource(TestDatabaseServer.url(name), TestDatabaseServer.USER,
          TestDatabaseServer.PASSWORD);

      assertThat(firstNumberAfterRequests(postgres, "postgresql")).isEqualTo(8);
    } finally {
      onTestServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  void onAnEmptyRegisterTheFirstNumberIsOne() {
    DataSource h2 = h2();
    migrate(h2, "h2", "latest");

    assertThat(JdbcClient.create(h2).sql("SELECT nextval('request_reference_number')").query(Long.class).single())
        .isEqualTo(1);
  }

  /** Migrates to V74, registers requests with ids 1, 2 and 7 (as left by a rolled-back registration), migrates on. */
  private static long firstNumberAfterRequests(DataSource dataSource, String vendor) {
    migrate(dataSource, vendor, "74");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (long id : new long[] {1, 2, 7}) {
      jdbc.sql("""
          INSERT INTO desk_request (id, reference, request_type, channel, personal_information_kind, language,
            arrived_on, received_at, status, principal_name, created_at)
          VALUES (?, ?, 'DISCLOSURE', 'WEB', 'ORDINARY', 'ja', DATE '2026-12-01', TIMESTAMP WITH TIME ZONE
            '2026-12-01 10:00:00+09:00', 'RECEIVED', '山田 太郎', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+09:00')
          """).params(id, "MDG-2026-%06d".formatted(id)).update();
    }
    migrate(dataSource, vendor, "latest");
    return jdbc.sql("SELECT nextval('request_reference_number')").query(Long.class).single();
  }

  /** Our migrations as the application runs them on that database (ADR 13), up to {@code target}. */
  private static void migrate(DataSource dataSource, String vendor, String target) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .target(target).load().migrate();
  }

  private static DataSource h2() {
    return new DriverManagerDataSource("jdbc:h2:mem:refnum" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static void onTestServer(String sql) throws SQLException {
    try (Connection admin = TestDatabaseServer.connect(TestDatabaseServer.TEST_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}
