package jp.madoguchi.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay in front of the SMTP server that can keep the server's answer to a message it has already taken. While it
 * {@linkplain #hold() holds}, a node that sends a letter gets as far as the end of the message (the server stores
 * it) and then waits for the "250" that says so: the letter stays SENDING, claimed by that node. That is the one
 * moment at which a node that dies leaves a letter to be sent twice (see {@code LetterDelivery}), and it lasts as long
 * as the check wants, so that it can kill a node in it.
 *
 * <p>The relay reads the client's bytes only to find the end of a message ({@code CRLF.CRLF}, which dot-stuffing
 * keeps out of the message itself); everything else passes unchanged in both directions.
 */
final class SmtpGate implements AutoCloseable {

  private static final int END_OF_DATA = ('\r' << 24) | ('\n' << 16) | ('.' << 8) | '\r';

  private final int serverPort;
  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "smtp-gate");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger heldInAll = new AtomicInteger();
  private boolean holding;

  SmtpGate(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  /** Where the nodes send their mail. */
  int port() {
    return listener.getLocalPort();
  }

  /** From now on, the server's answer to each message it takes waits until {@link #release()}. */
  void hold() {
    synchronized (gate) {
      holding = true;
    }
  }

  /** Lets every answer held so far through, and holds no more. */
  void release() {
    synchronized (gate) {
      holding = false;
      gate.notifyAll();
    }
  }

  /** Messages the server has taken whose sender still waits for the answer. */
  int waiting() {
    return waiting.get();
  }

  /** Messages whose answer was held, since the gate opened. */
  int heldInAll() {
    return heldInAll.get();
  }

  @Override
  public void close() {
    release();
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    sockets.forEach(SmtpGate::closeQuietly);
    threads.shutdownNow();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        sockets.add(client);
        sockets.add(server);
        Connection connection = new Connection(client, server);
        threads.execute(connection::fromClient);
        threads.execute(connection::fromServer);
      } catch (IOException closedOrRefused) {
        // the gate was closed, or the server refused one connection: the client sees its connection end
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** One client's SMTP session, relayed. */
  private final class Connection {

    private final Socket client;
    private final Socket server;
    /** The client has sent the end of a message whose answer has not come yet. */
    private volatile boolean messageTaken;

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void fromClient() {
      byte[] buffer = new byte[8192];
      int last = 0;
      try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          for (int i = 0; i < read; i++) {
            if (last == END_OF_DATA && buffer[i] == '\n') {
              // before the bytes go on: the server's answer can only come after them
              messageTaken = true;
            }
            last = (last << 8) | (buffer[i] & 0xff);
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException ended) {
        // the client went away (or was killed): so does its session with the server
      } finally {
        end();
      }
    }

    void fromServer() {
      byte[] buffer = new byte[8192];
      try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          if (messageTaken) {
            messageTaken = false;
            awaitRelease();
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException ended) {
        // the server closed the session, or the client is gone
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      } finally {
        end();
      }
    }

    private void awaitRelease() throws InterruptedException {
      synchronized (gate) {
        if (!holding) {
          return;
        }
        heldInAll.incrementAndGet();
        waiting.incrementAndGet();
        try {
          while (holding) {
            gate.wait();
          }
        } finally {
          waiting.decrementAndGet();
        }
      }
    }

    private void end() {
      closeQuietly(client);
      closeQuietly(server);
      sockets.remove(client);
      sockets.remove(server);
    }
  }
}
