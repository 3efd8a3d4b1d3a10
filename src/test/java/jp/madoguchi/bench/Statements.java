package jp.madoguchi.bench;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements the database has run so far for this run's user, by their text with the values taken out
 * ({@code pg_stat_statements}): between two readings, how many of each a phase sent. Unlike CPU time and rates, the
 * count does not move with the machine's other load, so that a change that saves statements shows as such on any
 * machine. Counted only where the server loads the extension ({@code shared_preload_libraries}, a restart) and it
 * is created in the benchmark's database ({@code bench/lib.sh} does that when it may); otherwise {@link #counted}
 * is false and the page says "n/a".
 */
record Statements(boolean counted, Map<String, Long> calls) {

  /** Not counted. */
  static final Statements NONE = new Statements(false, Map.of());
  /** Counted, none yet: what the counts of several phases are added to. */
  static final Statements ZERO = new Statements(true, Map.of());

  /** The counts now, or {@link #NONE} when the database does not count statements. */
  static Statements read(JdbcClient jdbc) {
    boolean installed = jdbc.sql("SELECT to_regclass('pg_stat_statements') IS NOT NULL").query(Boolean.class)
        .single();
    if (!installed) {
      return NONE;
    }
    Map<String, Long> calls = new TreeMap<>();
    try {
      // the harness's own readings of the statistics are left out; the same text under another plan id is one
      jdbc.sql("""
              SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls FROM pg_stat_statements
              WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND userid = current_user::regrole AND query NOT LIKE '%pg\\_stat%'
              """)
          .query(resultSet -> {
            calls.merge(rowsOfABatchAsOne(resultSet.getString(1)), resultSet.getLong(2), Long::sum);
          });
    } catch (RuntimeException notLoaded) {
      // created in the database, but the server does not load it: "must be loaded via shared_preload_libraries"
      return NONE;
    }
    return new Statements(true, calls);
  }

  /** The rows after the first of an insert the driver rewrote from a batch, however many: one kind of statement. */
  private static final Pattern MORE_ROWS = Pattern.compile("\\)(\\s*,\\s*\\(\\s*(\\$\\d+(\\s*,\\s*)?)+\\s*\\))+");

  /** {@code VALUES ($1, $2), ($3, $4), ($5, $6)} as {@code VALUES ($1, $2), ...}: a batch, whatever its size. */
  static String rowsOfABatchAsOne(String text) {
    return MORE_ROWS.matcher(text).replaceAll("), ...");
  }

  Statements plus(Statements other) {
    return combine(other, 1);
  }

  Statements minus(Statements earlier) {
    return combine(earlier, -1);
  }

  private Statements combine(Statements other, int sign) {
    if (!counted || !other.counted) {
      return NONE;
    }
    Map<String, Long> combined = new TreeMap<>(calls);
    other.calls.forEach((text, count) -> combined.merge(text, sign * count, Long::sum));
    return new Statements(true, combined);
  }

  /** All statements sent. */
  long total() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Statements per lifecycle, or "n/a" where they were not counted. */
  String perLifecycle(int lifecycles) {
    return counted ? String.format(Locale.ROOT, "%.0f", (double) total() / lifecycles) : "n/a";
  }

  /**
   * A markdown table of the {@code limit} statements whose count per lifecycle differs most between two phases, after
   * the totals; empty where either phase's statements were not counted.
   */
  static String comparison(String first, Statements ofFirst, int firstLifecycles, String second,
      Statements ofSecond, int secondLifecycles, int limit) {
    if (!ofFirst.counted || !ofSecond.counted) {
      return "";
    }
    Set<String> texts = new HashSet<>(ofFirst.calls.keySet());
    texts.addAll(ofSecond.calls.keySet());
    List<String> largest = texts.stream()
        .filter(text -> difference(text, ofFirst, firstLifecycles, ofSecond, secondLifecycles) != 0)
        .sorted(Comparator.comparingDouble((String text) -> -Math.abs(
            difference(text, ofFirst, firstLifecycles, ofSecond, secondLifecycles)))
            .thenComparing(Comparator.naturalOrder()))
        .limit(limit).toList();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "| statement | %s | %s | difference |%n|---|---|---|---|%n", first, second));
    table.append(String.format(Locale.ROOT, "| all statements | %.1f | %.1f | %+.1f |%n",
        (double) ofFirst.total() / firstLifecycles, (double) ofSecond.total() / secondLifecycles,
        (double) ofFirst.total() / firstLifecycles - (double) ofSecond.total() / secondLifecycles));
    for (String text : largest) {
      table.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %+.1f |%n", shortened(text),
          (double) ofFirst.calls.getOrDefault(text, 0L) / firstLifecycles,
          (double) ofSecond.calls.getOrDefault(text, 0L) / secondLifecycles,
          difference(text, ofFirst, firstLifecycles, ofSecond, secondLifecycles)));
    }
    return table.toString();
  }

  private static double difference(String text, Statements ofFirst, int firstLifecycles, Statements ofSecond,
      int secondLifecycles) {
    return (double) ofFirst.calls.getOrDefault(text, 0L) / firstLifecycles
        - (double) ofSecond.calls.getOrDefault(text, 0L) / secondLifecycles;
  }

  /** A statement's text for a cell of the page: its first 110 characters, without what would end the cell. */
  static String shortened(String text) {
    String cell = text.replace('|', '/').replace('`', '\'');
    return cell.length() <= 110 ? cell : cell.substring(0, 107) + "...";
  }
}
