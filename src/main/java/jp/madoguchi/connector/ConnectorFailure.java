package jp.madoguchi.connector;

/**
 * A system could not be searched or acted on. The message names the system, the connector and what went wrong in
 * general terms (timeout, too many rows, refused, bad signature, SQL state); never the person's identifiers, a
 * statement's parameters or the system's answer, since it becomes the engine's incident and job log.
 */
public class ConnectorFailure extends RuntimeException {

  ConnectorFailure(String message) {
    super(message);
  }
}
