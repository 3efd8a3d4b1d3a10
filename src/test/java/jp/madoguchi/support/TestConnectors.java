package jp.madoguchi.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The connector definitions of a test's own context, written as an operator writes them in the application's
 * configuration ({@code madoguchi.connectors.definitions[n]}, docs/operations.md): each secret comes from an
 * environment variable the definition names, which the test sets as a property of the same name.
 */
public final class TestConnectors {

  private final DynamicPropertyRegistry properties;
  private int next;

  private TestConnectors(DynamicPropertyRegistry properties) {
    this.properties = properties;
  }

  /** Connectors for a context of its own, whose engine is named as every differing test context's must be. */
  public static TestConnectors of(DynamicPropertyRegistry properties, String engineName) {
    properties.add("camunda.bpm.process-engine-name", () -> engineName);
    return new TestConnectors(properties);
  }

  /** A SQL connector on the sample CRM database, its password in the environment variable {@code passwordEnv}. */
  public Definition sql(String code, SampleCrm crm, String passwordEnv) {
    properties.add(passwordEnv, () -> SampleCrm.PASSWORD);
    return definition(code, "SQL").set("sql.url", crm.jdbcUrl()).set("sql.username", SampleCrm.USER)
        .set("sql.password-env", passwordEnv);
  }

  /** An HTTP connector on the signed shop, its secret in the environment variable {@code secretEnv}. */
  public Definition http(String code, SignedShop shop, String secretEnv, String secret) {
    properties.add(secretEnv, () -> secret);
    return definition(code, "HTTP").set("http.base-url", shop.baseUrl()).set("http.secret-env", secretEnv);
  }

  /** An external-task connector: its worker pulls {@code topic} and signs with the secret in {@code secretEnv}. */
  public Definition worker(String code, String topic, String secretEnv, String secret) {
    properties.add(secretEnv, () -> secret);
    return definition(code, "EXTERNAL_TASK").set("external-task.topic", topic)
        .set("external-task.secret-env", secretEnv);
  }

  /** Takes down what a test's systems were made of: the HTTP system and the CRM database, whichever was started. */
  public static void takeDown(SignedShop shop, SampleCrm crm) throws java.sql.SQLException {
    if (shop != null) {
      shop.close();
    }
    if (crm != null) {
      crm.drop();
    }
  }

  private Definition definition(String code, String kind) {
    Definition definition = new Definition("madoguchi.connectors.definitions[" + next++ + "].");
    return definition.set("code", code).set("kind", kind);
  }

  /** One connector's definition, property by property. */
  public final class Definition {

    private final String prefix;

    private Definition(String prefix) {
      this.prefix = prefix;
    }

    /** A property of the definition, e.g. {@code sql.max-rows} or {@code http.callback-within}. */
    public Definition set(String key, String value) {
      properties.add(prefix + key, () -> value);
      return this;
    }

    /** The access query of one category of the inventory, the person's identifiers as named parameters. */
    public Definition access(String category, String query) {
      return set("sql.access." + category, query);
    }

    /** The statements of an action, run in one transaction, in this order. */
    public Definition action(String action, String... statements) {
      for (int i = 0; i < statements.length; i++) {
        set("sql.actions." + action + "[" + i + "]", statements[i]);
      }
      return this;
    }
  }
}
