package jp.madoguchi.connector;

import java.util.List;
import java.util.Map;

/** What a system holds about the person: its records (JSON-like rows) per category code. */
public record SearchResult(String systemCode, String connectorCode, Map<String, List<Map<String, Object>>> records) {

  public int count() {
    return records.values().stream().mapToInt(List::size).sum();
  }
}
