package jp.madoguchi.correspondence;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The desk's SMTP connections, kept open from one e-mail to the next. Spring's {@link JavaMailSenderImpl} opens a
 * connection for every e-mail and closes it after: a TCP connection, the server's greeting and {@code EHLO}, and,
 * with the settings of most relays, {@code STARTTLS} with a TLS handshake and {@code AUTH}, for each of a breach
 * day's thousands of acknowledgements and confirmations. Here a sender takes an idle connection, asks the server
 * whether it is still there ({@code NOOP}, what {@link Transport#isConnected()} does), sends and gives it back; a
 * connection is closed when it has sent {@code messagesPerConnection} e-mails (relays limit them), when it has been
 * idle for {@code maxIdle} (servers drop idle clients), after any failure, and when the application stops.
 *
 * <p>The e-mails and the failures are those of {@link JavaMailSenderImpl#send(MimeMessage...)}: the message is
 * prepared as it prepares it (sent date, {@code saveChanges} keeping the Message-ID the desk gave it), a refused
 * login is a {@link MailAuthenticationException}, an unreachable server or a refused e-mail a
 * {@link MailSendException} with the message's exception, so that {@link SmtpFailures} reads them as before.
 * A sender that is not a {@link JavaMailSenderImpl}, or {@code messagesPerConnection} of 1, sends as Spring does.
 */
@Component
class SmtpConnections implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

  /** An open connection, and what decides when it is closed. */
  private static final class Connection {
    final Transport transport;
    int sent;
    Instant lastUsed;

    Connection(Transport transport, Instant now) {
      this.transport = transport;
      this.lastUsed = now;
    }
  }

  private final JavaMailSender sender;
  private final SmtpConnectionProperties properties;
  private final Clock clock;
  /** The connections no sender is using, the last given back first. Guarded by itself. */
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final AtomicLong opened = new AtomicLong();
  private volatile boolean stopped;

  @Autowired
  SmtpConnections(JavaMailSender sender, SmtpConnectionProperties properties) {
    this(sender, properties, Clock.systemUTC());
  }

  SmtpConnections(JavaMailSender sender, SmtpConnectionProperties properties, Clock clock) {
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  /** Sends the message over an open connection, or a new one. */
  void send(MimeMessage message) {
    if (!(sender instanceof JavaMailSenderImpl smtp) || properties.messagesPerConnection() <= 1 || stopped) {
      sender.send(message);
      return;
    }
    prepare(message);
    Connection connection = take(smtp, message);
    boolean sent = false;
    try {
      Address[] recipients = message.getAllRecipients();
      connection.transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
      sent = true;
    } catch (MessagingException | RuntimeException failure) {
      throw new MailSendException(Map.of(message, failure));
    } finally {
      if (sent) {
        connection.sent++;
        giveBack(connection);
      } else {
        closeQuietly(connection.transport);
      }
    }
  }

  /** How many connections this node has opened since it started (no metric shows it yet; the tests read it). */
  long opened() {
    return opened.get();
  }

  /** Closes the connections idle for longer than {@code maxIdle}, before the server drops them. */
  @Scheduled(fixedDelayString = "${madoguchi.correspondence.smtp-connections.max-idle:PT30S}")
  void closeIdle() {
    Instant now = clock.instant();
    List<Connection> stale = new ArrayList<>();
    synchronized (idle) {
      idle.removeIf(connection -> {
        boolean old = !connection.lastUsed.plus(properties.maxIdle()).isAfter(now);
        if (old) {
          stale.add(connection);
        }
        return old;
      });
    }
    stale.forEach(connection -> closeQuietly(connection.transport));
  }

  @Override
  public void destroy() {
    stopped = true;
    List<Connection> open;
    synchronized (idle) {
      open = new ArrayList<>(idle);
      idle.clear();
    }
    open.forEach(connection -> closeQuietly(connection.transport));
  }

  /** As {@link JavaMailSenderImpl} prepares a message before it sends it. */
  private static void prepare(MimeMessage message) {
    try {
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        // saveChanges gives the message a new Message-ID; the desk's (the same for every attempt) is kept
        message.setHeader("Message-ID", messageId);
      }
    } catch (MessagingException failure) {
      throw new MailPreparationException(failure);
    }
  }

  /** An idle connection the server still answers on, or a new one. */
  private Connection take(JavaMailSenderImpl smtp, MimeMessage message) {
    Instant now = clock.instant();
    while (true) {
      Connection connection;
      synchronized (idle) {
        connection = idle.pollFirst();
      }
      if (connection == null) {
        return connect(smtp, now, message);
      }
      if (connection.lastUsed.plus(properties.maxIdle()).isAfter(now) && connection.transport.isConnected()) {
        return connection;
      }
      closeQuietly(connection.transport);
    }
  }

  private Connection connect(JavaMailSenderImpl smtp, Instant now, MimeMessage message) {
    String username = smtp.getUsername();
    String password = smtp.getPassword();
    if ("".equals(username)) {
      // as JavaMailSenderImpl: no user name means no login
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    Transport transport = null;
    try {
      transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
      transport.connect(smtp.getHost(), smtp.getPort(), username, password);
      opened.incrementAndGet();
      return new Connection(transport, now);
    } catch (AuthenticationFailedException refused) {
      closeQuietly(transport);
      throw new MailAuthenticationException(refused);
    } catch (MessagingException | RuntimeException unreachable) {
      closeQuietly(transport);
      // as JavaMailSenderImpl says it: the message's failure names the host and port staff see in the list
      throw new MailSendException("Mail server connection failed", unreachable, Map.of(message, unreachable));
    }
  }

  private void giveBack(Connection connection) {
    connection.lastUsed = clock.instant();
    boolean kept = false;
    if (connection.sent < properties.messagesPerConnection()) {
      synchronized (idle) {
        // under the lock that destroy() drains the idle connections with: none is given back after it has run
        if (!stopped) {
          idle.addFirst(connection);
          kept = true;
        }
      }
    }
    if (!kept) {
      closeQuietly(connection.transport);
    }
  }

  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException | RuntimeException failure) {
      LOG.debug("Closing an SMTP connection failed: {}", failure.toString());
    }
  }
}
