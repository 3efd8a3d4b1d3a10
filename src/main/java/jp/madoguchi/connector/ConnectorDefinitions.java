package jp.madoguchi.connector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.madoguchi.connector.ConnectorProperties.Connector;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The configured connectors, checked when the application starts: a bad one stops the start with a message that names
 * the connector and the setting (unknown kind, duplicate code, a statement without a named identifier parameter or with
 * an unknown one, a missing URL, topic or secret). Secrets are read from the environment by the variable's name.
 */
@Component
public class ConnectorDefinitions {

  /** The person's identifiers a statement may name, as {@code :email} etc. */
  public static final Set<String> IDENTIFIER_PARAMETERS = Set.of("email", "phone", "name", "nameKana", "birthDate",
      "customerNumber");

  // a named parameter: a colon not part of "::" (a PostgreSQL cast) nor after a letter or digit (a time literal)
  private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9_]*)");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** A checked connector with its secret (a password or a signing key). */
  public record Definition(String code, ConnectorKind kind, Connector settings, String secret) {}

  private final Map<String, Definition> definitions;

  public ConnectorDefinitions(ConnectorProperties properties, Environment environment) {
    this.definitions = check(properties, environment::getProperty);
  }

  /**
   * Checks the connectors; the secrets are looked up with {@code environment}.
   *
   * @throws InvalidConnectorConfigurationException listing every problem
   */
  public static Map<String, Definition> check(ConnectorProperties properties, Function<String, String> environment) {
    List<String> problems = new ArrayList<>();
    Map<String, Definition> checked = new LinkedHashMap<>();
    Set<String> codes = new HashSet<>();
    Set<String> topics = new HashSet<>();
    int index = 0;
    for (Connector connector : properties.getDefinitions()) {
      String where = "madoguchi.connectors.definitions[" + index++ + "]";
      String code = connector.getCode();
      if (code == null || !CODE.matcher(code).matches()) {
        problems.add(where + ".code: give a code of lower-case letters, digits, '-' or '_' (was \"" + code + "\")");
        continue;
      }
      where = where + " (" + code + ")";
      if (!codes.add(code)) {
        problems.add(where + ".code: the code \"" + code + "\" is used by another connector");
        continue;
      }
      ConnectorKind kind = kind(connector.getKind());
      if (kind == null) {
        problems.add(where + ".kind: unknown kind \"" + connector.getKind() + "\" (SQL, HTTP or EXTERNAL_TASK)");
        continue;
      }
      String secret = switch (kind) {
        case SQL -> checkSql(connector, where, environment, problems);
        case HTTP -> checkHttp(connector, where, environment, problems);
        case EXTERNAL_TASK -> checkExternalTask(connector, where, environment, topics, problems);
      };
      checked.put(code, new Definition(code, kind, connector, secret));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConnectorConfigurationException(problems);
    }
    return Map.copyOf(checked);
  }

  private static ConnectorKind kind(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ConnectorKind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String checkSql(Connector connector, String where, Function<String, String> environment,
      List<String> problems) {
    var sql = connector.getSql();
    if (blank(sql.getUrl()) || !sql.getUrl().startsWith("jdbc:")) {
      problems.add(where + ".sql.url: give the JDBC URL of the system's database (jdbc:...)");
    }
    if (blank(sql.getUsername())) {
      problems.add(where + ".sql.username: give the database user");
    }
    if (sql.getMaxRows() < 1) {
      problems.add(where + ".sql.max-rows: give a positive number of rows");
    }
    if (sql.getStatementTimeout() == null || sql.getStatementTimeout().toSeconds() < 1) {
      problems.add(where + ".sql.statement-timeout: give at least one second");
    }
    if (sql.getAccess().isEmpty()) {
      problems.add(where + ".sql.access: give an access query for at least one category code");
    }
    sql.getAccess().forEach((category, query) ->
        checkStatement(where + ".sql.access." + category, query, problems));
    sql.getActions().forEach((action, statements) -> {
      String at = where + ".sql.actions." + action;
      if (Optional.ofNullable(action(action)).isEmpty()) {
        problems.add(at + ": unknown action (ERASURE, CORRECTION or SUSPENSION)");
      }
      if (statements == null || statements.isEmpty()) {
        problems.add(at + ": give at least one statement");
      } else {
        for (int i = 0; i < statements.size(); i++) {
          checkStatement(at + "[" + i + "]", statements.get(i), problems);
        }
      }
    });
    return secret(sql.getPasswordEnv(), where + ".sql.password-env", environment, problems);
  }

  private static String checkHttp(Connector connector, String where, Function<String, String> environment,
      List<String> problems) {
    var http = connector.getHttp();
    if (blank(http.getBaseUrl()) || !(http.getBaseUrl().startsWith("https://")
        || http.getBaseUrl().startsWith("http://"))) {
      problems.add(where + ".http.base-url: give the system's base URL (https://...)");
    }
    if (http.getReadTimeout() == null || http.getConnectTimeout() == null) {
      problems.add(where + ".http: give the connect-timeout and read-timeout");
    }
    return secret(http.getSecretEnv(), where + ".http.secret-env", environment, problems);
  }

  private static String checkExternalTask(Connector connector, String where, Function<String, String> environment,
      Set<String> topics, List<String> problems) {
    var task = connector.getExternalTask();
    if (blank(task.getTopic())) {
      problems.add(where + ".external-task.topic: give the topic the system's worker fetches (e.g. search-crm)");
    } else if (!topics.add(task.getTopic())) {
      problems.add(where + ".external-task.topic: the topic \"" + task.getTopic() + "\" is another connector's");
    }
    return secret(task.getSecretEnv(), where + ".external-task.secret-env", environment, problems);
  }

  private static void checkStatement(String where, String statement, List<String> problems) {
    if (blank(statement)) {
      problems.add(where + ": the statement is empty");
      return;
    }
    Matcher matcher = PARAMETER.matcher(statement);
    boolean identifier = false;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (IDENTIFIER_PARAMETERS.contains(name)) {
        identifier = true;
      } else {
        problems.add(where + ": unknown parameter :" + name + " (use " + String.join(", ",
            IDENTIFIER_PARAMETERS.stream().sorted().map(p -> ":" + p).toList()) + ")");
      }
    }
    if (!identifier) {
      problems.add(where + ": the statement names none of the person's identifiers as a named parameter "
          + "(:email, :phone, :name, :nameKana, :birthDate or :customerNumber); values are never written into it");
    }
  }

  private static String secret(String variable, String where, Function<String, String> environment,
      List<String> problems) {
    if (blank(variable)) {
      problems.add(where + ": name the environment variable that holds the secret");
      return null;
    }
    String value = environment.apply(variable);
    if (blank(value)) {
      problems.add(where + ": the environment variable " + variable + " is not set");
      return null;
    }
    return value;
  }

  static Action action(String value) {
    try {
      return Action.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The connector of this code. */
  public Optional<Definition> find(String code) {
    return Optional.ofNullable(code).map(definitions::get);
  }

  /** The connectors, by code. */
  public Map<String, Definition> all() {
    return definitions;
  }
}
