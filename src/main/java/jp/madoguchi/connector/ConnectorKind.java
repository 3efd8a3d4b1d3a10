package jp.madoguchi.connector;

/** How the desk reaches a system: it queries its database, calls its endpoint, or the system pulls external tasks. */
public enum ConnectorKind {
  SQL,
  HTTP,
  EXTERNAL_TASK
}
