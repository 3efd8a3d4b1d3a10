package jp.madoguchi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import jp.madoguchi.request.DeskRequest.Party;

/**
 * A company system the desk searches, for real: a PostgreSQL database of its own, created by the test beside the
 * test database and dropped after it, holding a small CRM (customers, contact history, opt-outs) with two people of
 * similar names, 山田 太郎 (the requester) and 山田 太朗 (who must never be disclosed to him).
 */
public final class SampleCrm {

  /** The login the desk's connector uses for the CRM: the tests' own. */
  public static final String USER = TestDatabaseServer.USER;
  public static final String PASSWORD = TestDatabaseServer.PASSWORD;

  /** The requester the CRM knows, with his e-mail address in other letter case than the CRM's. */
  public static final Party TARO = new Party("山田 太郎", "ヤマダ タロウ", LocalDate.of(1980, 4, 1), "1000001",
      "東京都千代田区千代田1-1", "03-0000-0000", "Taro.Yamada@example.jp");

  /** The access query of the person's contact history, by e-mail address (as an operator would configure it). */
  public static final String CONTACTS_BY_EMAIL =
      "SELECT h.occurred_on, h.summary FROM contact_history h JOIN customers c ON c.id = h.customer_id "
          + "WHERE lower(c.email) = :email ORDER BY h.id";

  /** The erasure statements of the person's rows, by e-mail address, in the order the foreign keys need. */
  public static final String[] ERASURE_BY_EMAIL = {
      "DELETE FROM opt_outs WHERE customer_id IN (SELECT id FROM customers WHERE lower(email) = :email)",
      "DELETE FROM contact_history WHERE customer_id IN (SELECT id FROM customers WHERE lower(email) = :email)",
      "DELETE FROM customers WHERE lower(email) = :email"};

  private final String name;

  private SampleCrm(String name) {
    this.name = name;
  }

  /** Creates the database (named from the prefix and a random part) with its tables and the two people. */
  public static SampleCrm create(String prefix) throws SQLException {
    SampleCrm crm = new SampleCrm(prefix + UUID.randomUUID().toString().substring(0, 8));
    try (Connection admin = admin(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + crm.name);
    }
    try (Connection connection = crm.connect(); Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT, phone TEXT, birth_date DATE);
          CREATE TABLE contact_history (id SERIAL PRIMARY KEY, customer_id INT REFERENCES customers (id),
              occurred_on DATE, summary TEXT);
          CREATE TABLE opt_outs (customer_id INT REFERENCES customers (id), channel TEXT);
          """);
    }
    crm.reset();
    return crm;
  }

  /** Both people again with all their rows, as created (after a test erased some). */
  public void reset() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("""
          TRUNCATE opt_outs, contact_history, customers RESTART IDENTITY;
          INSERT INTO customers VALUES (1, '山田 太郎', 'taro.yamada@example.jp', '0300000000', '1980-04-01'),
              (2, '山田 太朗', 'taro.yamada@example.com', '0300000001', '1980-04-01');
          INSERT INTO contact_history (customer_id, occurred_on, summary) VALUES (1, '2026-01-10', '住所変更'),
              (1, '2026-03-02', '解約相談'), (2, '2026-02-01', '請求書再発行');
          INSERT INTO opt_outs VALUES (1, 'DM'), (2, 'EMAIL');
          """);
    }
  }

  /** How many rows of a table belong to a customer (1: the requester 山田 太郎, 2: his namesake 山田 太朗). */
  public int rowsOf(String table, int customerId) throws SQLException {
    String column = table.equals("customers") ? "id" : "customer_id";
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = " + customerId)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  public String jdbcUrl() {
    return TestDatabaseServer.url(name);
  }

  /** A connection to the CRM, as its owner. */
  public Connection connect() throws SQLException {
    return TestDatabaseServer.connect(name);
  }

  /** Drops the database, whoever is still connected. */
  public void drop() throws SQLException {
    try (Connection admin = admin(); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** A text (an incident's message, a log line) says nothing of the person: no name, address, phone or birth date. */
  public static void assertNoPersonalData(String text) {
    assertThat(text).doesNotContainIgnoringCase("taro.yamada").doesNotContain("山田").doesNotContain("太郎")
        .doesNotContain("0300000000").doesNotContain("1980-04-01");
  }

  /** A connection to the tests' own database, through which a CRM's database is created and dropped. */
  private static Connection admin() throws SQLException {
    return TestDatabaseServer.connect(TestDatabaseServer.TEST_DATABASE);
  }
}
