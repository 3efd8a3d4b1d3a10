package jp.madoguchi.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.madoguchi.connector.ConnectorProperties.Connector;
import org.junit.jupiter.api.Test;

/** Bad connector configuration stops the start with a message naming the connector and the setting. */
class ConnectorDefinitionsTest {

  private static Connector sql(String code, String query) {
    Connector connector = new Connector();
    connector.setCode(code);
    connector.setKind("SQL");
    connector.getSql().setUrl("jdbc:postgresql://db/crm");
    connector.getSql().setUsername("reader");
    connector.getSql().setPasswordEnv("CRM_PASSWORD");
    connector.getSql().setAccess(Map.of("CRM_CUSTOMER", query));
    return connector;
  }

  private static List<String> problems(Connector... connectors) {
    ConnectorProperties properties = new ConnectorProperties();
    properties.setDefinitions(List.of(connectors));
    try {
      ConnectorDefinitions.check(properties, Map.of("CRM_PASSWORD", "secret", "SHOP_SECRET", "s")::get);
      return List.of();
    } catch (InvalidConnectorConfigurationException invalid) {
      return invalid.problems();
    }
  }

  @Test
  void aGoodSqlConnectorIsAccepted() {
    assertThat(problems(sql("crm", "SELECT * FROM customers WHERE email = :email AND created::date > '2020-01-01'")))
        .isEmpty();
  }

  @Test
  void anAccessQueryWithoutANamedIdentifierIsRefused() {
    assertThat(problems(sql("crm", "SELECT * FROM customers WHERE email = 'taro@example.jp'")))
        .singleElement().asString()
        .contains("madoguchi.connectors.definitions[0] (crm).sql.access.CRM_CUSTOMER")
        .contains("names none of the person's identifiers");
    assertThat(problems(sql("crm", "SELECT * FROM customers WHERE email = :mail")))
        .anySatisfy(problem -> assertThat(problem).contains("unknown parameter :mail"));
  }

  @Test
  void anUnknownKindADuplicateCodeAndAMissingSecretAreRefused() {
    Connector ftp = sql("files", "SELECT 1 WHERE :email IS NOT NULL");
    ftp.setKind("FTP");
    Connector http = new Connector();
    http.setCode("shop");
    http.setKind("HTTP");
    http.getHttp().setBaseUrl("https://shop.example.jp/madoguchi");
    http.getHttp().setSecretEnv("SHOP_SIGNING_SECRET");
    List<String> problems = problems(sql("crm", "SELECT 1 WHERE :email IS NOT NULL"),
        sql("crm", "SELECT 1 WHERE :email IS NOT NULL"), ftp, http);
    assertThat(problems).containsExactly(
        "madoguchi.connectors.definitions[1] (crm).code: the code \"crm\" is used by another connector",
        "madoguchi.connectors.definitions[2] (files).kind: unknown kind \"FTP\" (SQL, HTTP or EXTERNAL_TASK)",
        "madoguchi.connectors.definitions[3] (shop).http.secret-env: the environment variable SHOP_SIGNING_SECRET "
            + "is not set");
    assertThatThrownBy(() -> {
      ConnectorProperties properties = new ConnectorProperties();
      properties.setDefinitions(List.of(ftp));
      ConnectorDefinitions.check(properties, name -> null);
    }).isInstanceOf(InvalidConnectorConfigurationException.class).hasMessageStartingWith(
        "madoguchi.connectors is not valid:");
  }
}
