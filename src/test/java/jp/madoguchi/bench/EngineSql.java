package jp.madoguchi.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL the engine sends for a task query, caught from its MyBatis statement log ({@code ==>  Preparing:} and
 * {@code ==> Parameters:}) while the query runs once, with its parameters written in, and PostgreSQL's plan of it.
 */
final class EngineSql {

  /** The engine's task statements log under their mapper's name. */
  static final String TASK_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";

  private EngineSql() {}

  /** The last task statement {@code query} sent, parameters written in. */
  static String capture(Supplier<?> query) {
    Logger logger = (Logger) LoggerFactory.getLogger(TASK_STATEMENTS);
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> caught = new ListAppender<>();
    caught.start();
    logger.addAppender(caught);
    logger.setLevel(Level.DEBUG);
    try {
      query.get();
    } finally {
      logger.setLevel(before);
      logger.detachAppender(caught);
    }
    String sql = null;
    String parameters = null;
    for (ILoggingEvent event : caught.list) {
      String message = event.getFormattedMessage().strip();
      if (message.startsWith("==>  Preparing:")) {
        sql = message.substring("==>  Preparing:".length()).strip();
        parameters = null;
      } else if (message.startsWith("==> Parameters:")) {
        parameters = message.substring("==> Parameters:".length()).strip();
      }
    }
    if (sql == null) {
      throw new IllegalStateException("no task statement was logged under " + TASK_STATEMENTS);
    }
    return withParameters(sql, parameters == null || parameters.isBlank() ? List.of() : split(parameters));
  }

  /** {@code EXPLAIN (ANALYZE, BUFFERS)} of the statement the query sends. */
  static String explain(JdbcClient jdbc, Supplier<?> query) {
    String sql = capture(query);
    return String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list())
        + "\n\n-- " + sql;
  }

  /** MyBatis writes parameters as {@code value(Type), value(Type)} (no value of these queries holds "), "). */
  static List<String> split(String parameters) {
    List<String> literals = new ArrayList<>();
    String rest = parameters.endsWith(")") ? parameters.substring(0, parameters.length() - 1) : parameters;
    for (String parameter : rest.split("\\), ")) {
      int typeStart = parameter.lastIndexOf('(');
      literals.add(literal(parameter.substring(0, typeStart), parameter.substring(typeStart + 1)));
    }
    return literals;
  }

  static String literal(String value, String type) {
    return switch (type) {
      case "Integer", "Long", "Short", "Boolean", "Double", "BigDecimal" -> value;
      case "Timestamp" -> "TIMESTAMP '" + value + "'";
      default -> "'" + value.replace("'", "''") + "'";
    };
  }

  static String withParameters(String sql, List<String> literals) {
    StringBuilder written = new StringBuilder();
    int next = 0;
    boolean quoted = false;
    for (char c : sql.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == '?' && !quoted && next < literals.size()) {
        written.append(literals.get(next++));
      } else {
        written.append(c);
      }
    }
    return written.toString();
  }
}
