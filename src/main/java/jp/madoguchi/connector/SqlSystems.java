package jp.madoguchi.connector;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.connector.ConnectorDefinitions.Definition;
import jp.madoguchi.connector.ConnectorProperties.Sql;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL connectors' databases: a small pool each, opened on first use. Access queries run in a read-only
 * transaction with the statement timeout and the row limit (one row more than allowed is read, to tell "exactly the
 * limit" from "too many": too many is a failure, never a partial result). Action statements run in one transaction
 * per system. Only named parameters reach the database; failures name the SQL state, never the values.
 */
@Component
class SqlSystems {

  private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

  Map<String, List<Map<String, Object>>> access(Definition connector, String systemCode, List<String> categories,
      PersonIdentifiers person) {
    Sql sql = connector.settings().getSql();
    Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
    TransactionTemplate readOnly = transaction(connector, true);
    NamedParameterJdbcTemplate jdbc = jdbc(connector, sql.getMaxRows() + 1);
    return readOnly.execute(status -> {
      for (String category : categories) {
        List<Map<String, Object>> rows;
        try {
          rows = jdbc.queryForList(sql.getAccess().get(category), person.parameters());
        } catch (DataAccessException failure) {
          throw failure(connector, systemCode, "the access query of category " + category, failure);
        }
        if (rows.size() > sql.getMaxRows()) {
          throw new ConnectorFailure("System " + systemCode + " (connector " + connector.code() + "): the access "
              + "query of category " + category + " returned more than its limit of " + sql.getMaxRows()
              + " rows; nothing of it is used (is the query too broad?)");
        }
        records.put(category, rows.stream().map(SqlSystems::plain).toList());
      }
      return records;
    });
  }

  int act(Definition connector, String systemCode, Action action, PersonIdentifiers person) {
    List<String> statements = statements(connector, action);
    NamedParameterJdbcTemplate jdbc = jdbc(connector, 0);
    return transaction(connector, false).execute(status -> {
      int count = 0;
      for (int i = 0; i < statements.size(); i++) {
        try {
          count += jdbc.update(statements.get(i), person.parameters());
        } catch (DataAccessException failure) {
          throw failure(connector, systemCode, "statement " + (i + 1) + " of " + action, failure);
        }
      }
      return count;
    });
  }

  static List<String> statements(Definition connector, Action action) {
    return connector.settings().getSql().getActions().entrySet().stream()
        .filter(entry -> ConnectorDefinitions.action(entry.getKey()) == action)
        .flatMap(entry -> entry.getValue().stream()).toList();
  }

  private static ConnectorFailure failure(Definition connector, String systemCode, String what,
      DataAccessException failure) {
    String why;
    if (failure instanceof QueryTimeoutException) {
      why = "timed out after " + connector.settings().getSql().getStatementTimeout().toSeconds() + " s";
    } else if (failure.getRootCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
      why = "failed with SQL state " + sql.getSQLState();
    } else {
      // the class only: a driver's message may quote a value
      why = "failed (" + failure.getClass().getSimpleName() + ")";
    }
    return new ConnectorFailure("System " + systemCode + " (connector " + connector.code() + "): " + what + " "
        + why);
  }

  private NamedParameterJdbcTemplate jdbc(Definition connector, int maxRows) {
    JdbcTemplate template = new JdbcTemplate(pool(connector));
    template.setQueryTimeout((int) connector.settings().getSql().getStatementTimeout().toSeconds());
    if (maxRows > 0) {
      template.setMaxRows(maxRows);
    }
    return new NamedParameterJdbcTemplate(template);
  }

  private TransactionTemplate transaction(Definition connector, boolean readOnly) {
    DataSourceTransactionManager manager = new DataSourceTransactionManager(pool(connector));
    manager.setEnforceReadOnly(readOnly);
    TransactionTemplate template = new TransactionTemplate(manager);
    template.setReadOnly(readOnly);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_DEFAULT);
    template.setTimeout((int) connector.settings().getSql().getStatementTimeout().toSeconds() * 2);
    return template;
  }

  private HikariDataSource pool(Definition connector) {
    return pools.computeIfAbsent(connector.code(), code -> {
      Sql sql = connector.settings().getSql();
      HikariDataSource pool = new HikariDataSource();
      pool.setPoolName("connector-" + code);
      pool.setJdbcUrl(sql.getUrl());
      pool.setUsername(sql.getUsername());
      pool.setPassword(connector.secret());
      pool.setMaximumPoolSize(2);
      pool.setMinimumIdle(0);
      pool.setConnectionTimeout(10_000);
      pool.setInitializationFailTimeout(-1);
      return pool;
    });
  }

  /** A row as JSON-friendly values: dates and times as ISO text. */
  private static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> plain = new LinkedHashMap<>();
    row.forEach((column, value) -> plain.put(column, plainValue(value)));
    return plain;
  }

  private static Object plainValue(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    return value instanceof Temporal temporal ? temporal.toString() : value.toString();
  }

  @PreDestroy
  void close() {
    new ArrayList<>(pools.values()).forEach(HikariDataSource::close);
  }
}
