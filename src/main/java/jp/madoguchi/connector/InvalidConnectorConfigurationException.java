package jp.madoguchi.connector;

import java.util.List;

/** The connectors' configuration cannot be used: each problem names the connector and the setting. */
public class InvalidConnectorConfigurationException extends IllegalStateException {

  private final List<String> problems;

  public InvalidConnectorConfigurationException(List<String> problems) {
    super("madoguchi.connectors is not valid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
