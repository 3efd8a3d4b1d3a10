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
  /**
   * The action a manager approved for the whole request ({@code ERASURE}, {@code CORRECTION}, {@code SUSPENSION}),
   * set when the desk decides (ADR 0034); unset when nothing is to be done on the systems.
   */
  public static final ProcessVariable<String> APPROVED_ACTION = ProcessVariable.string("approvedAction");
  /**
   * True when only part of the request is to be carried out (a PARTIAL decision): connectors act on the whole
   * person, so every system is then acted on by its owning group, who carry out the approved part.
   */
  public static final ProcessVariable<Boolean> ACTION_IN_PART = ProcessVariable.bool("actionInPart");
  /**
   * How a system is acted on, set per system when its action starts (local to it): {@code CONNECTOR} (SQL or HTTP,
   * called by the desk), {@code EXTERNAL_TASK} (its worker) or {@code MANUAL} (its owning group). Not personal data.
   */
  public static final ProcessVariable<String> SYSTEM_ACTION_KIND = ProcessVariable.string("systemActionKind");

  private ConnectorVariables() {}
}
