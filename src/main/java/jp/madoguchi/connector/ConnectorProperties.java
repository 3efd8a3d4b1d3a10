package jp.madoguchi.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connectors the operators configured ({@code madoguchi.connectors.*}, ADR 0031): how the desk reaches each of the
 * company's systems. What is executable (statements, URLs) and secret (passwords, signing keys, named by the
 * environment variable that holds them) lives here, never in the inventory nor in a web page; managers only choose, in
 * the desk, which configured connector searches a system. Checked at startup by {@link ConnectorDefinitions}.
 */
@ConfigurationProperties("madoguchi.connectors")
public class ConnectorProperties {

  /** The connectors, each with its own code. */
  private List<Connector> definitions = new ArrayList<>();

  /** How long a one-time handle (an external task's, an accepted action's) stays valid. */
  private Duration handleLifetime = Duration.ofDays(3);

  public List<Connector> getDefinitions() {
    return definitions;
  }

  public void setDefinitions(List<Connector> definitions) {
    this.definitions = definitions;
  }

  public Duration getHandleLifetime() {
    return handleLifetime;
  }

  public void setHandleLifetime(Duration handleLifetime) {
    this.handleLifetime = handleLifetime;
  }

  /** One connector: a code, a kind (SQL, HTTP, EXTERNAL_TASK) and that kind's settings. */
  public static class Connector {
    private String code;
    private String kind;
    private Sql sql = new Sql();
    private Http http = new Http();
    private ExternalTask externalTask = new ExternalTask();

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public Sql getSql() {
      return sql;
    }

    public void setSql(Sql sql) {
      this.sql = sql;
    }

    public Http getHttp() {
      return http;
    }

    public void setHttp(Http http) {
      this.http = http;
    }

    public ExternalTask getExternalTask() {
      return externalTask;
    }

    public void setExternalTask(ExternalTask externalTask) {
      this.externalTask = externalTask;
    }
  }

  /**
   * A database reached over JDBC. Access queries per category code and action statements per action (ERASURE,
   * CORRECTION, SUSPENSION) take the person's identifiers as named parameters ({@code :email}, {@code :phone},
   * {@code :name}, {@code :nameKana}, {@code :birthDate}, {@code :customerNumber}).
   */
  public static class Sql {
    private String url;
    private String username;
    /** The environment variable that holds the password. */
    private String passwordEnv;
    private Duration statementTimeout = Duration.ofSeconds(30);
    /** More rows than this from one access query is a failure, never a partial result. */
    private int maxRows = 200;
    private Map<String, String> access = new LinkedHashMap<>();
    private Map<String, List<String>> actions = new LinkedHashMap<>();

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPasswordEnv() {
      return passwordEnv;
    }

    public void setPasswordEnv(String passwordEnv) {
      this.passwordEnv = passwordEnv;
    }

    public Duration getStatementTimeout() {
      return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
    }

    public int getMaxRows() {
      return maxRows;
    }

    public void setMaxRows(int maxRows) {
      this.maxRows = maxRows;
    }

    public Map<String, String> getAccess() {
      return access;
    }

    public void setAccess(Map<String, String> access) {
      this.access = access;
    }

    public Map<String, List<String>> getActions() {
      return actions;
    }

    public void setActions(Map<String, List<String>> actions) {
      this.actions = actions;
    }
  }

  /** A system that exposes a signed HTTP endpoint (see docs/operations.md#connectors for the protocol). */
  public static class Http {
    private String baseUrl;
    /** The environment variable that holds the signing secret shared with the system. */
    private String secretEnv;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    /** How old a signed timestamp may be, either way, before the message is refused as a replay. */
    private Duration replayWindow = Duration.ofMinutes(5);
    /** How long an accepted action's callback may take; later, waiting for it is a failure (an incident). */
    private Duration callbackWithin = Duration.ofHours(24);

    public Duration getCallbackWithin() {
      return callbackWithin;
    }

    public void setCallbackWithin(Duration callbackWithin) {
      this.callbackWithin = callbackWithin;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getSecretEnv() {
      return secretEnv;
    }

    public void setSecretEnv(String secretEnv) {
      this.secretEnv = secretEnv;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    public Duration getReplayWindow() {
      return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
      this.replayWindow = replayWindow;
    }
  }

  /** A system that pulls its work from the engine as external tasks of one topic. */
  public static class ExternalTask {
    private String topic;
    /** The environment variable that holds the secret the worker signs its calls to the desk with. */
    private String secretEnv;
    private Duration replayWindow = Duration.ofMinutes(5);
    /**
     * How long a worker may take to report an approved action's outcome (ADR 0034); later, waiting for it is a
     * failure (an incident).
     */
    private Duration outcomeWithin = Duration.ofHours(24);

    public Duration getOutcomeWithin() {
      return outcomeWithin;
    }

    public void setOutcomeWithin(Duration outcomeWithin) {
      this.outcomeWithin = outcomeWithin;
    }

    public String getTopic() {
      return topic;
    }

    public void setTopic(String topic) {
      this.topic = topic;
    }

    public String getSecretEnv() {
      return secretEnv;
    }

    public void setSecretEnv(String secretEnv) {
      this.secretEnv = secretEnv;
    }

    public Duration getReplayWindow() {
      return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
      this.replayWindow = replayWindow;
    }
  }
}
