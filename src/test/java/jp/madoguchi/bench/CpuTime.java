package jp.madoguchi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server's processes on the same machine (from
 * {@code /proc}): what a lifecycle costs, in CPU, on both sides. PostgreSQL's is the sum over the processes named
 * {@code postgres} that can be seen, less the connections (and autovacuum workers) of other databases: the machine
 * is shared, and other builds' backends would otherwise count as ours. The server's own processes (checkpointer,
 * WAL writer, ...) serve every database and are counted. The benchmark's database is the one the application
 * connects to ({@code MADOGUCHI_BENCH_DB_NAME}, as a system property or in the environment); a server on another
 * machine, or a system without {@code /proc}, gives -1.
 */
record CpuTime(long jvmNanos, Map<String, Long> postgresTicks) {

  /** Linux's clock ticks per second for /proc's utime and stime (USER_HZ, 100 on every common kernel). */
  private static final long TICKS_PER_SECOND = 100;

  static CpuTime now() {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return new CpuTime(jvm, postgres());
  }

  /**
   * The CPU time from {@code before} to this one, in milliseconds per lifecycle: JVM and PostgreSQL (-1: unknown).
   * PostgreSQL's is summed process by process: what each process seen now used since {@code before} (all of it for
   * one started since). A process that ended in between (a pooled connection closed at the end of its lifetime, an
   * autovacuum worker done) is left out: until session 25 the sums were subtracted, and a connection closed during a
   * long run took all its CPU out of the later sum, which came out negative.
   */
  double[] perLifecycleMillis(CpuTime before, int lifecycles) {
    double jvm = (jvmNanos - before.jvmNanos) / 1e6 / lifecycles;
    if (postgresTicks == null || before.postgresTicks == null) {
      return new double[] {jvm, -1};
    }
    long ticks = 0;
    for (Map.Entry<String, Long> process : postgresTicks.entrySet()) {
      ticks += process.getValue() - before.postgresTicks.getOrDefault(process.getKey(), 0L);
    }
    return new double[] {jvm, ticks * (1_000_000_000L / TICKS_PER_SECOND) / 1e6 / lifecycles};
  }

  private static final String DATABASE = System.getProperty("MADOGUCHI_BENCH_DB_NAME",
      System.getenv().getOrDefault("MADOGUCHI_BENCH_DB_NAME", "madoguchi_bench"));

  /**
   * Whether a PostgreSQL process works for the benchmark's database, from its title ("postgres: [cluster: ]user
   * database host(port) state" for a connection, "postgres: autovacuum worker database", "postgres: checkpointer" for the
   * server's own).
   */
  static boolean servesOurDatabase(String commandLine) {
    String title = commandLine.replace('\0', ' ').strip();
    if (!title.startsWith("postgres: ")) {
      return true;
    }
    // Debian's servers name their cluster first: "postgres: 15/main: user database host(port) state"
    String[] words = title.substring("postgres: ".length()).replaceFirst("^\\S+: ", "").split("\\s+");
    if (words.length >= 3 && words[0].equals("autovacuum") && words[1].equals("worker")) {
      return words[2].equals(DATABASE);
    }
    boolean connection = words.length >= 3 && (words[2].contains("(") || words[2].equals("[local]"));
    return !connection || words[1].equals(DATABASE);
  }

  /** CPU ticks (user and system) of each PostgreSQL process serving the database, by pid and start time; or null. */
  private static Map<String, Long> postgres() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return null;
    }
    Map<String, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path process : processes) {
        try {
          if (!"postgres".equals(Files.readString(process.resolve("comm")).strip())
              || !servesOurDatabase(Files.readString(process.resolve("cmdline")))) {
            continue;
          }
          String stat = Files.readString(process.resolve("stat"));
          // the fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the
          // 15th, starttime the 22nd (a pid used again is another process)
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(process.getFileName() + "@" + fields[19], Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
          // the process ended while it was read, or is not ours to read: it is left out
        }
      }
    } catch (IOException unreadable) {
      return null;
    }
    return ticks.isEmpty() ? null : ticks;
  }
}
