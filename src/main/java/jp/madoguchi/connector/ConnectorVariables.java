package jp.madoguchi.connector;

import jp.madoguchi.process.ProcessVariable;

/**
 * The variables of the connector delegates (designer guide, contract 4 "connectors"): {@code systemCode} names the
 * system of the inventory (the multi-instance's element); {@code connectorTopic} and {@code connectorHandle} are set
 * for an external-task system's worker; {@code connectorAction} names the action, {@code connectorOutcome} and
 * {@code connectorRecordCount} tell what happened. None holds personal data.
 */
public final class ConnectorVariables {

  public static final ProcessVariable<String> SYSTEM_CODE = ProcessVariable.string("systemCode");
  /**
   * How a system of the search is searched, set per system when its search starts (local to it): {@code MANUAL},
   * {@code CONNECTOR} (SQL or HTTP) or {@code EXTERNAL_TASK}. Not personal data.
   */
  public static final ProcessVariable<String> SYSTEM_SEARCH_KIND = ProcessVariable.string("systemSearchKind");
  public static final ProcessVariable<String> CONNECTOR_TOPIC = ProcessVariable.string("connectorTopic");
  public static final ProcessVariable<String> CONNECTOR_HANDLE = ProcessVariable.string("connectorHandle");
  public static final ProcessVariable<String> CONNECTOR_ACTION = ProcessVariable.string("connectorAction");
  public static final ProcessVariable<String> CONNECTOR_OUTCOME = ProcessVariable.string("connectorOutcome");
  public static final ProcessVariable<Long> CONNECTOR_RECORD_COUNT = ProcessVariable.number("connectorRecordCount");

  private ConnectorVariables() {}
}
