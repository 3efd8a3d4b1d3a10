package jp.madoguchi.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The desk's SMTP connections against a real SMTP server (GreenMail on a port of its own) behind a TCP relay the
 * test runs, which counts the connections the desk opens and can cut them as a server that drops its clients does.
 */
class SmtpConnectionsTest {

  private GreenMail server;
  private Relay relay;
  private JavaMailSenderImpl sender;
  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void start() throws IOException {
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    relay = new Relay(server.getSmtp().getPort());
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(relay.port());
  }

  @AfterEach
  void stop() throws IOException {
    relay.close();
    server.stop();
  }

  @Test
  void emailsSentOneAfterAnotherShareOneConnectionAndKeepTheirMessageIds() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 30);
    for (int i = 1; i <= 5; i++) {
      connections.send(message("<letter-" + i + "@madoguchi.test>"));
    }
    assertThat(relay.accepted()).isEqualTo(1);
    assertThat(connections.opened()).isEqualTo(1);
    assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpConnectionsTest::messageId))
        .containsExactly("<letter-1@madoguchi.test>", "<letter-2@madoguchi.test>", "<letter-3@madoguchi.test>",
            "<letter-4@madoguchi.test>", "<letter-5@madoguchi.test>");
    connections.destroy();
    await().atMost(Duration.ofSeconds(5)).until(() -> relay.open() == 0);
  }

  @Test
  void aConnectionIsClosedAfterItsLastAllowedEmail() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 2);
    for (int i = 1; i <= 5; i++) {
      connections.send(message("<limit-" + i + "@madoguchi.test>"));
    }
    assertThat(server.getReceivedMessages()).hasSize(5);
    assertThat(relay.accepted()).isEqualTo(3);
    // the first two connections sent their two and were closed at once; the third waits for the next e-mail
    await().atMost(Duration.ofSeconds(5)).until(() -> relay.open() == 1);
  }

  @Test
  void aConnectionTheServerDroppedIsReplacedAndNoEmailIsLost() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 30);
    connections.send(message("<before-drop@madoguchi.test>"));
    relay.cutAll();
    connections.send(message("<after-drop@madoguchi.test>"));
    assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpConnectionsTest::messageId))
        .containsExactly("<before-drop@madoguchi.test>", "<after-drop@madoguchi.test>");
    assertThat(relay.accepted()).isEqualTo(2);
  }

  @Test
  void aConnectionIdleForLongerThanAllowedIsClosedAndNotUsedAgain() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 30);
    connections.send(message("<first@madoguchi.test>"));
    clock.move(Duration.ofSeconds(29));
    connections.closeIdle();
    assertThat(relay.open()).as("idle for 29 s of 30: kept").isEqualTo(1);
    clock.move(Duration.ofSeconds(1));
    connections.closeIdle();
    await().atMost(Duration.ofSeconds(5)).until(() -> relay.open() == 0);
    connections.send(message("<second@madoguchi.test>"));
    assertThat(relay.accepted()).isEqualTo(2);

    // and one found idle too long when an e-mail comes, before the sweep came by
    clock.move(Duration.ofMinutes(1));
    connections.send(message("<third@madoguchi.test>"));
    assertThat(relay.accepted()).isEqualTo(3);
    assertThat(server.getReceivedMessages()).hasSize(3);
  }

  @Test
  void aRefusedEmailFailsAsSpringsSenderFailsAndItsConnectionIsNotUsedAgain() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 30);
    connections.send(message("<fine@madoguchi.test>"));
    MimeMessage noRecipient = new MimeMessage(sender.getSession());
    noRecipient.setFrom("desk@madoguchi.test");
    noRecipient.setText("no one to send to");

    Throwable ours = catchFailure(() -> connections.send(noRecipient));
    Throwable springs = catchFailure(() -> sender.send(noRecipient));
    assertThat(ours).isInstanceOf(MailSendException.class);
    assertThat(SmtpFailures.isPermanent(ours)).isEqualTo(SmtpFailures.isPermanent(springs));
    assertThat(SmtpFailures.describe(ours)).endsWith(rootLine(springs));

    int before = relay.accepted();
    connections.send(message("<after-failure@madoguchi.test>"));
    assertThat(relay.accepted()).as("a new connection after the failure").isEqualTo(before + 1);
  }

  @Test
  void anUnreachableServerIsAFailureToTryAgainNotAPermanentOne() throws Exception {
    sender.setPort(closedPort());
    SmtpConnections connections = connections(Duration.ofSeconds(30), 30);
    MimeMessage message = message("<nowhere@madoguchi.test>");
    Throwable ours = catchFailure(() -> connections.send(message));
    Throwable springs = catchFailure(() -> sender.send(message));
    assertThat(ours).isInstanceOf(MailSendException.class).hasMessageContaining("Mail server connection failed")
        .hasMessageContaining(String.valueOf(sender.getPort()));
    assertThat(SmtpFailures.isPermanent(ours)).isFalse();
    assertThat(SmtpFailures.describe(ours)).as("what staff read").isEqualTo(SmtpFailures.describe(springs));
    assertThat(connections.opened()).isZero();
  }

  @Test
  void oneEmailPerConnectionSendsAsSpringsSenderDoes() throws Exception {
    SmtpConnections connections = connections(Duration.ofSeconds(30), 1);
    connections.send(message("<a@madoguchi.test>"));
    connections.send(message("<b@madoguchi.test>"));
    assertThat(relay.accepted()).isEqualTo(2);
    assertThat(connections.opened()).as("Spring's sender opened them").isZero();
    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  @Test
  void settingsThatCannotWorkAreRefusedAtStart() {
    assertThatThrownBy(() -> new SmtpConnectionProperties(Duration.ZERO, 30))
        .hasMessageContaining("max-idle must be positive");
    assertThatThrownBy(() -> new SmtpConnectionProperties(Duration.ofSeconds(30), 0))
        .hasMessageContaining("messages-per-connection must be at least 1");
  }

  private SmtpConnections connections(Duration maxIdle, int perConnection) {
    return new SmtpConnections(sender, new SmtpConnectionProperties(maxIdle, perConnection), clock);
  }

  private MimeMessage message(String messageId) throws MessagingException {
    MimeMessage message = new MimeMessage(sender.getSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom("desk@madoguchi.test");
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("taro@example.jp"));
    message.setSubject("受付のお知らせ " + messageId, "UTF-8");
    message.setText("ご請求を受け付けました。", "UTF-8");
    message.setHeader("Message-ID", messageId);
    return message;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static Throwable catchFailure(Runnable send) {
    try {
      send.run();
    } catch (RuntimeException failure) {
      return failure;
    }
    throw new AssertionError("the e-mail was sent");
  }

  private static String rootLine(Throwable failure) {
    String described = SmtpFailures.describe(failure);
    return described.substring(described.lastIndexOf(" <- ") + 4);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T01:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A TCP relay to the SMTP server that counts the connections it accepted and can cut every open one. */
  private static final class Relay implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final int target;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket[]> pairs = new CopyOnWriteArrayList<>();

    Relay(int target) throws IOException {
      this.target = target;
      Thread acceptor = new Thread(this::accept, "smtp-relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    /** Connections the client has not closed yet. */
    int open() {
      return (int) pairs.stream().filter(pair -> !pair[0].isClosed()).count();
    }

    void cutAll() throws IOException {
      for (Socket[] pair : pairs) {
        pair[0].close();
        pair[1].close();
      }
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
          accepted.incrementAndGet();
          Socket[] pair = {client, upstream};
          pairs.add(pair);
          pump(client, upstream, pair);
          pump(upstream, client, pair);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private static void pump(Socket from, Socket to, Socket[] pair) {
      Thread thread = new Thread(() -> {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          in.transferTo(out);
        } catch (IOException cut) {
          // one side closed: the relay closes both, as a connection does
        } finally {
          closeBoth(pair);
        }
      }, "smtp-relay-pump");
      thread.setDaemon(true);
      thread.start();
    }

    private static void closeBoth(Socket[] pair) {
      for (Socket socket : pair) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      cutAll();
    }
  }
}
