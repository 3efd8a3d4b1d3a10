package jp.madoguchi.correspondence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is sent.
 *
 * @param downloadValidDays how many days the download link of a letter sent by e-mail works
 * @param maxAttempts after this many failed attempts a letter is FAILED and waits for staff
 * @param firstRetryAfter the wait after the first failed attempt; each further failure multiplies it
 * @param retryMultiplier the factor of the exponential back-off
 * @param maxRetryAfter the longest wait between two attempts
 * @param pollInterval how often each node looks for letters due (the safety net behind sending after commit)
 * @param staleClaimAfter a letter claimed longer ago than this is taken to belong to a node that died, and is
 *     claimed again; must be longer than the SMTP timeouts allow one send to take
 * @param batchSize how many letters one poll sends at most
 * @param nodeId names this node in claims, for operators reading the table; defaults to the host name
 * @param parsedFonts how many letters may be written at the same time, each with a parsed copy of the letter font
 *     (about 20 MB of heap each, kept for the next letters); a further letter waits for one
 * @param senders how many e-mails each node sends at the same time right after the transactions that queued them
 *     commit (each an SMTP conversation of its own, mostly waiting for the server and the database); the poll sends
 *     what they could not take
 * @param pdfDeflateLevel how hard PDFBox compresses the streams of every PDF the desk writes (the letters and the
 *     disclosure annex: mostly the embedded font's subset), from 0 (not at all) to 9; zlib's default is 6. At 1 a
 *     letter takes about 30% less CPU to write and 4% more bytes (docs/performance.md, issue 21, session 22;
 *     ADR 0048)
 */
@ConfigurationProperties("madoguchi.correspondence")
public record CorrespondenceProperties(
    @DefaultValue("14") int downloadValidDays,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT1M") Duration firstRetryAfter,
    @DefaultValue("2.0") double retryMultiplier,
    @DefaultValue("PT1H") Duration maxRetryAfter,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("PT10M") Duration staleClaimAfter,
    @DefaultValue("50") int batchSize,
    String nodeId,
    @DefaultValue("2") int parsedFonts,
    @DefaultValue("4") int senders,
    @DefaultValue("1") int pdfDeflateLevel) {

  public CorrespondenceProperties {
    if (downloadValidDays < 1) {
      throw new IllegalArgumentException("madoguchi.correspondence.download-valid-days must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("madoguchi.correspondence.max-attempts must be at least 1");
    }
    if (retryMultiplier < 1.0) {
      throw new IllegalArgumentException("madoguchi.correspondence.retry-multiplier must be at least 1");
    }
    if (parsedFonts < 1) {
      throw new IllegalArgumentException("madoguchi.correspondence.parsed-fonts must be at least 1");
    }
    if (senders < 1) {
      throw new IllegalArgumentException("madoguchi.correspondence.senders must be at least 1");
    }
    if (pdfDeflateLevel < 0 || pdfDeflateLevel > 9) {
      throw new IllegalArgumentException(
          "madoguchi.correspondence.pdf-deflate-level must be from 0 to 9, not " + pdfDeflateLevel);
    }
    nodeId = nodeId == null || nodeId.isBlank() ? hostName() : nodeId.strip();
  }

  /** The wait before the next attempt after {@code failedAttempts} failures: exponential, capped. */
  Duration retryAfter(int failedAttempts) {
    double factor = Math.pow(retryMultiplier, Math.max(0, failedAttempts - 1));
    double millis = firstRetryAfter.toMillis() * factor;
    return millis >= maxRetryAfter.toMillis() ? maxRetryAfter : Duration.ofMillis((long) millis);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      return "node";
    }
  }
}
