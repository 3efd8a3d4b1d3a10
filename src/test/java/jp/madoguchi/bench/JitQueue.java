package jp.madoguchi.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JIT compiler's queue, as {@code jcmd <pid> Compiler.queue} shows it (the JDK's {@code DiagnosticCommand}
 * MBean): how many methods wait to be compiled. On two cores the JVM has one C2 compiler thread; under the
 * benchmarks' load it fell behind by hundreds of the desk's methods, which ran their profiled first-tier code
 * meanwhile: the intake's first measured phase of ours read 7.6 ms of JVM CPU per request and the next 4.5 ms
 * (issue 21, session 20). The harnesses wait, without load, for the queue after their warm-up, so that every
 * measured phase runs the code a node runs once it has been up a while.
 */
final class JitQueue {

  /** Methods that may still wait for the compiler when the measured phases begin. */
  static final int SETTLED = 10;

  /** The longest wait, without load, for the queue (a harness may set another). */
  static final int MAX_WAIT_SECONDS = 180;

  private JitQueue() {}

  /** Methods waiting for the JIT compiler (C1 and C2 queues), or -1 when the JVM does not say. */
  static int length() {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
          new Object[] {null}, new String[] {String[].class.getName()});
      // a waiting method's line starts with its compile id; the headings and the compiles running do not
      return (int) text.toString().lines()
          .filter(line -> !line.isEmpty() && Character.isDigit(line.charAt(0))).count();
    } catch (JMException | RuntimeException unavailable) {
      return -1;
    }
  }

  /** What waiting for the queue found: its length before and after, and how long it took. */
  record Wait(int before, int after, double seconds) {
    String text() {
      return before < 0 ? "not known (no DiagnosticCommand MBean)"
          : String.format(java.util.Locale.ROOT, "%d methods waited for the JIT compiler after the warm-up, %d after "
              + "%.0f s without load", before, after, seconds);
    }
  }

  /** Waits, without load, until at most {@code settled} methods wait for the compiler, for at most {@code maxSeconds}. */
  static Wait await(int settled, int maxSeconds) throws InterruptedException {
    long start = System.nanoTime();
    int before = length();
    int now = before;
    while (now > settled && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
      Thread.sleep(1000);
      now = length();
    }
    return new Wait(before, now, (System.nanoTime() - start) / 1e9);
  }
}
