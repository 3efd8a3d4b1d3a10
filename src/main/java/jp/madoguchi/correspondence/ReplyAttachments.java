package jp.madoguchi.correspondence;

/**
 * What a written reply brings besides its letter, fetched through the same download link: the disclosure archive
 * (issue 18). Implemented by the feature that holds it, so that correspondence need not know it.
 */
public interface ReplyAttachments {

  ReplyAttachments NONE = (requestId, kind) -> false;

  /** Whether the reply letter of this kind comes with an archive to download. */
  boolean hasArchive(long requestId, LetterKind kind);

  /**
   * What the letter's 別添 names: the annex's pages, the archive's files, the items, and each withheld part with its
   * ground, in the letter's language; empty when the request has no frozen package.
   */
  default java.util.Optional<Enclosure> enclosure(long requestId, String language) {
    return java.util.Optional.empty();
  }

  /** The enclosure of a disclosure letter. */
  record Enclosure(int annexPages, int archiveFiles, int items, java.util.List<String> withheld) {}
}
