package jp.madoguchi.correspondence;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the JVM (GreenMail) on the port the test profile sends to, that a test can stop and start
 * again to play an outage. Other tests leave letters in the outbox too; a test looks only at the messages of its
 * own requests, by the reference number each message carries in a header.
 */
public final class Smtp {

  private GreenMail server;

  public void start() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP);
      server.start();
    }
  }

  public void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The messages received since the server (re)started about one request, one per recipient. */
  public List<MimeMessage> about(String reference) {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages()).filter(message -> reference.equals(header(message,
        "X-Madoguchi-Reference"))).toList();
  }

  /** The messages about one request carrying one kind of letter. */
  public List<MimeMessage> about(String reference, LetterKind kind) {
    return about(reference).stream().filter(message -> kind.name().equals(header(message, "X-Madoguchi-Letter")))
        .toList();
  }

  static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }
}
