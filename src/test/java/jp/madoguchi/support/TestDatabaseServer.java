package jp.madoguchi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the tests run on (the same environment variables as {@code application-pgtest.yaml}): where
 * it is, the tests' login, the test database, and connections to the databases a test creates beside it.
 */
public final class TestDatabaseServer {

  public static final String HOST = System.getenv().getOrDefault("MADOGUCHI_DB_HOST", "127.0.0.1");
  public static final String PORT = System.getenv().getOrDefault("MADOGUCHI_DB_PORT", "5432");
  public static final String USER = System.getenv().getOrDefault("MADOGUCHI_DB_USER", "madoguchi");
  public static final String PASSWORD = System.getenv().getOrDefault("MADOGUCHI_DB_PASSWORD", "madoguchi");
  /** The database the tests' contexts run on; a test creates and drops its own databases through it. */
  public static final String TEST_DATABASE = System.getenv().getOrDefault("MADOGUCHI_TEST_DB_NAME",
      "madoguchi_test");

  private TestDatabaseServer() {}

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, PASSWORD);
  }
}
