package jp.madoguchi.correspondence;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The download links of written replies, for what is fetched through them besides the letter: a link is valid for
 * the archive exactly when it is valid for its letter (it expires and is withdrawn with it).
 */
@Component
public class ReplyLinks {

  private final DownloadTokens tokens;

  ReplyLinks(DownloadTokens tokens) {
    this.tokens = tokens;
  }

  /** A valid link: its id (for the download record), its request and its letter's kind. */
  public record Link(long tokenId, long requestId, LetterKind letter) {}

  public Optional<Link> of(String token, Instant now) {
    return tokens.requestOf(token, now);
  }
}
