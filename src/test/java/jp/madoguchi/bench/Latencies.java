package jp.madoguchi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in nanoseconds, collected from many threads; percentiles by the nearest-rank method. */
final class Latencies {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  /** Adds what another measured. */
  void addAll(Latencies other) {
    List<Long> theirs;
    synchronized (other.nanos) {
      theirs = new ArrayList<>(other.nanos);
    }
    nanos.addAll(theirs);
  }

  int count() {
    return nanos.size();
  }

  /** The p-th percentile (0-100) in milliseconds; NaN when nothing was measured. */
  double percentileMillis(double p) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
  }
}
