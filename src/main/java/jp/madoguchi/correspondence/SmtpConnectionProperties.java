package jp.madoguchi.correspondence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the desk keeps its SMTP connections open ({@link SmtpConnections}).
 *
 * @param maxIdle a connection no e-mail used for this long is closed (RFC 5321 asks servers to wait five minutes
 *     for a client's next command; many relays wait less)
 * @param messagesPerConnection a connection is closed after this many e-mails (relays limit how many one connection
 *     may send); 1 opens a connection for every e-mail, as Spring's sender does
 */
@ConfigurationProperties("madoguchi.correspondence.smtp-connections")
public record SmtpConnectionProperties(
    @DefaultValue("PT30S") Duration maxIdle,
    @DefaultValue("30") int messagesPerConnection) {

  public SmtpConnectionProperties {
    if (maxIdle == null || maxIdle.isNegative() || maxIdle.isZero()) {
      throw new IllegalArgumentException("madoguchi.correspondence.smtp-connections.max-idle must be positive");
    }
    if (messagesPerConnection < 1) {
      throw new IllegalArgumentException(
          "madoguchi.correspondence.smtp-connections.messages-per-connection must be at least 1");
    }
  }
}
