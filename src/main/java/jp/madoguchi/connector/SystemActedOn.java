package jp.madoguchi.connector;

/**
 * An approved action was carried out on a system through its connector, or the system told how its accepted action
 * ended (its signed callback): for the request's search, which records per system what was done. Codes and a count
 * only.
 *
 * @param outcome {@code DONE}, {@code ACCEPTED} (a callback will tell) or {@code FAILED} (the system said so)
 * @param count the rows or records the system says it changed, when it says
 */
public record SystemActedOn(long requestId, String systemCode, String connectorCode, String action, Integer count,
    String outcome) {}
