package jp.madoguchi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server's processes on the same machine (from
 * {@code /proc}): what a lifecycle costs, in CPU, on both sides. PostgreSQL's is the sum over the processes named
 * {@code postgres} that can be seen; a server on another machine, or a system without {@code /proc}, gives -1.
 */
record CpuTime(long jvmNanos, long postgresNanos) {

  /** Linux's clock ticks per second for /proc's utime and stime (USER_HZ, 100 on every common kernel). */
  private static final long TICKS_PER_SECOND = 100;

  static CpuTime now() {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new CpuTime(jvm, postgres());
  }

  /** The CPU time from {@code before} to this one, in milliseconds per lifecycle: JVM and PostgreSQL (-1: unknown). */
  double[] perLifecycleMillis(CpuTime before, int lifecycles) {
    double jvm = (jvmNanos - before.jvmNanos) / 1e6 / lifecycles;
    double postgres = postgresNanos < 0 || before.postgresNanos < 0 ? -1
        : (postgresNanos - before.postgresNanos) / 1e6 / lifecycles;
    return new double[] {jvm, postgres};
  }

  private static long postgres() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    long ticks = 0;
    boolean seen = false;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path process : processes) {
        try {
          if (!"postgres".equals(Files.readString(process.resolve("comm")).strip())) {
            continue;
          }
          String stat = Files.readString(process.resolve("stat"));
          // the fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          seen = true;
        } catch (IOException | RuntimeException gone) {
          // the process ended while it was read, or is not ours to read: it is left out
        }
      }
    } catch (IOException unreadable) {
      return -1;
    }
    return seen ? ticks * (1_000_000_000L / TICKS_PER_SECOND) : -1;
  }
}
