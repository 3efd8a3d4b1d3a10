package jp.madoguchi.disclosure;

import java.time.Instant;

/** An item of a disclosure package: a file gathered for the request, with what proves it. */
public record PackageItem(long id, long requestId, String categoryCode, String systemCode, String fileName,
    String mediaType, long size, String sha256, String storageKey, String addedBy, Instant addedAt) {

  /** Whether the item can be read as records (rows of fields): CSV or JSON. */
  public boolean tabular() {
    return isCsv() || isJson();
  }

  boolean isCsv() {
    return mediaType.startsWith("text/csv") || (fileName != null && fileName.toLowerCase().endsWith(".csv"));
  }

  boolean isJson() {
    return mediaType.startsWith("application/json")
        || (fileName != null && fileName.toLowerCase().endsWith(".json"));
  }
}
