package jp.madoguchi.connector;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every message between the desk and a system (ADR 0031): HMAC-SHA256 with the secret shared with
 * that system, over {@code <timestamp>\n<path>\n<body>}, the timestamp in epoch seconds, hex in lower case. Sent in
 * {@value #TIMESTAMP} and {@value #SIGNATURE}. A receiver refuses a message whose signature differs or whose timestamp
 * is further than the replay window from its clock. A response is signed the same way over the path it answers.
 */
public final class Signatures {

  public static final String TIMESTAMP = "X-Madoguchi-Timestamp";
  public static final String SIGNATURE = "X-Madoguchi-Signature";

  private Signatures() {}

  public static String sign(String secret, String timestamp, String path, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "\n" + path + "\n" + (body == null ? "" : body))
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HmacSHA256 is not available", impossible);
    }
  }

  /** Whether the signature is right and the timestamp within the window of now. */
  public static boolean valid(String secret, String timestamp, String signature, String path, String body,
      Duration window, Instant now) {
    if (secret == null || timestamp == null || signature == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException notANumber) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, timestamp.strip(), path, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  public static String timestamp(Instant now) {
    return Long.toString(now.getEpochSecond());
  }
}
