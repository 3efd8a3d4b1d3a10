package jp.madoguchi.disclosure;

/** A file of the frozen package's archive, with its SHA-256 and size. */
public record ManifestEntry(String path, String sha256, long size, String storageKey) {}
