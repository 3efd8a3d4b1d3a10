package jp.madoguchi.connector;

/** A system was searched for a request (synchronously, or by its worker's posted results): for the investigation. */
public record SystemSearched(long requestId, SearchResult result) {}
