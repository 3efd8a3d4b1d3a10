package jp.madoguchi.bench;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows inserted, updated and deleted so far in each table of the database's schema and in their TOAST tables
 * ({@code pg_stat_all_tables}): between two readings, what a phase wrote where. The database's totals say how much a
 * lifecycle writes; these say which tables, so that ours' rows can be set against the skeleton's table by table.
 */
record TableWrites(Map<String, long[]> rows) {

  static final TableWrites NONE = new TableWrites(Map.of());

  /** The counters now; the caller has cleared the statistics snapshot (they are read once per transaction). */
  static TableWrites read(JdbcClient jdbc) {
    Map<String, long[]> rows = new TreeMap<>();
    // a large value (a letter's PDF) is stored out of line, in chunks of 2 kB: rows of its table's TOAST table
    jdbc.sql("""
            SELECT lower(coalesce(owner.relname || ' (TOAST)', stats.relname)), n_tup_ins, n_tup_upd, n_tup_del
            FROM pg_stat_all_tables stats LEFT JOIN pg_class owner ON owner.reltoastrelid = stats.relid
            WHERE stats.schemaname = current_schema()
              OR (stats.schemaname = 'pg_toast' AND owner.relnamespace = current_schema()::regnamespace)
            """)
        .query(resultSet -> {
          rows.merge(resultSet.getString(1), new long[] {resultSet.getLong(2), resultSet.getLong(3),
              resultSet.getLong(4)}, TableWrites::add);
        });
    return new TableWrites(rows);
  }

  TableWrites plus(TableWrites other) {
    return combine(other, 1);
  }

  TableWrites minus(TableWrites earlier) {
    return combine(earlier, -1);
  }

  private TableWrites combine(TableWrites other, int sign) {
    Map<String, long[]> combined = new TreeMap<>();
    rows.forEach((table, counts) -> combined.put(table, counts.clone()));
    other.rows.forEach((table, counts) -> combined.merge(table,
        new long[] {sign * counts[0], sign * counts[1], sign * counts[2]}, TableWrites::add));
    return new TableWrites(combined);
  }

  private static long[] add(long[] one, long[] other) {
    return new long[] {one[0] + other[0], one[1] + other[1], one[2] + other[2]};
  }

  /** Rows written (inserted + updated + deleted) in a table, or 0. */
  long written(String table) {
    return sum(rows.getOrDefault(table, new long[3]));
  }

  /** Rows inserted, updated and deleted in all tables. */
  long[] total() {
    return rows.values().stream().reduce(new long[3], TableWrites::add);
  }

  private static long sum(long[] counts) {
    return counts[0] + counts[1] + counts[2];
  }

  /**
   * A markdown table of the {@code limit} tables whose writes per lifecycle differ most between two phases, with
   * each phase's inserted / updated / deleted rows per lifecycle, and the sums of all tables.
   */
  static String comparison(String first, TableWrites ofFirst, int firstLifecycles, String second,
      TableWrites ofSecond, int secondLifecycles, int limit) {
    Set<String> tables = new HashSet<>(ofFirst.rows.keySet());
    tables.addAll(ofSecond.rows.keySet());
    List<String> largest = tables.stream()
        .filter(table -> ofFirst.written(table) + ofSecond.written(table) > 0)
        .sorted(Comparator.comparingDouble((String table) -> -Math.abs(
            (double) ofFirst.written(table) / firstLifecycles - (double) ofSecond.written(table) / secondLifecycles))
            .thenComparing(Comparator.naturalOrder()))
        .limit(limit).toList();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "| table | %s: inserted / updated / deleted | %s: inserted / updated / deleted | difference in rows written |%n"
            + "|---|---|---|---|%n", first, second));
    table.append(String.format(Locale.ROOT, "| all tables | %s | %s | %+.1f |%n",
        perLifecycle(ofFirst.total(), firstLifecycles), perLifecycle(ofSecond.total(), secondLifecycles),
        (double) sum(ofFirst.total()) / firstLifecycles - (double) sum(ofSecond.total()) / secondLifecycles));
    for (String name : largest) {
      double difference = (double) ofFirst.written(name) / firstLifecycles
          - (double) ofSecond.written(name) / secondLifecycles;
      table.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %+.1f |%n", name,
          perLifecycle(ofFirst.rows.get(name), firstLifecycles),
          perLifecycle(ofSecond.rows.get(name), secondLifecycles), difference));
    }
    return table.toString();
  }

  private static String perLifecycle(long[] counts, int lifecycles) {
    if (counts == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", (double) counts[0] / lifecycles,
        (double) counts[1] / lifecycles, (double) counts[2] / lifecycles);
  }
}
