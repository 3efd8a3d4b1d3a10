package jp.madoguchi.connector;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.inventory.InventoryKind;
import jp.madoguchi.request.RequestRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which configured connector searches and acts on each system of the inventory: the managers' choice, made in the
 * desk and taking effect at once. A system without a connector is searched by its owning group (MANUAL).
 */
@Service
public class SystemConnectors {

  private final JdbcClient jdbc;
  private final ConnectorDefinitions definitions;
  private final Inventory inventory;

  SystemConnectors(JdbcClient jdbc, ConnectorDefinitions definitions, Inventory inventory) {
    this.jdbc = jdbc;
    this.definitions = definitions;
    this.inventory = inventory;
  }

  /** The connector chosen for a system, if any. */
  public Optional<String> connectorOf(String systemCode) {
    return jdbc.sql("SELECT connector_code FROM system_connector WHERE system_code = ?").param(systemCode)
        .query(String.class).optional();
  }

  /** Every choice made, by system code. */
  public Map<String, String> all() {
    return jdbc.sql("SELECT system_code, connector_code FROM system_connector")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Chooses the connector of a system; a blank connector code makes the system manual again.
   *
   * @throws InvalidChoiceException naming the field when the system is not in the inventory or the connector is not
   *     configured
   */
  @Transactional
  public void choose(String systemCode, String connectorCode, String actor) {
    if (systemCode == null || inventory.entry(InventoryKind.SYSTEMS, systemCode).isEmpty()) {
      throw new InvalidChoiceException("systemCode", "connector.choice.unknownSystem", systemCode);
    }
    jdbc.sql("DELETE FROM system_connector WHERE system_code = ?").param(systemCode).update();
    if (connectorCode == null || connectorCode.isBlank()) {
      return;
    }
    if (definitions.find(connectorCode).isEmpty()) {
      throw new InvalidChoiceException("connectorCode", "connector.choice.unknownConnector", connectorCode);
    }
    jdbc.sql("INSERT INTO system_connector (system_code, connector_code, chosen_by, chosen_at) VALUES (?, ?, ?, ?)")
        .params(systemCode, connectorCode, actor, RequestRegister.now().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** A choice that cannot be saved: the field, a message key and the value given. */
  public static class InvalidChoiceException extends IllegalArgumentException {
    private final String field;
    private final String messageKey;
    private final String value;

    InvalidChoiceException(String field, String messageKey, String value) {
      super(field + ": \"" + value + "\" " + (field.equals("systemCode") ? "is not a system of the inventory"
          : "is not a configured connector (madoguchi.connectors.definitions)"));
      this.field = field;
      this.messageKey = messageKey;
      this.value = value;
    }

    public String field() {
      return field;
    }

    public String messageKey() {
      return messageKey;
    }

    public String value() {
      return value;
    }
  }
}
