package jp.madoguchi.correspondence;

/**
 * What a written reply brings besides its letter, fetched through the same download link: the disclosure archive
 * (issue 18). Implemented by the feature that holds it, so that correspondence need not know it.
 */
public interface ReplyAttachments {

  ReplyAttachments NONE = (requestId, kind) -> false;

  /** Whether the reply letter of this kind comes with an archive to download. */
  boolean hasArchive(long requestId, LetterKind kind);
}
