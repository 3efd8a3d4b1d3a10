package jp.madoguchi.intake;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether requests are pouring in: at least {@code arrivals} submissions within the last {@code window}. A desk's
 * ordinary day (a request every few minutes) never reaches it; a breach in the news does, and then the job executor
 * yields to the submissions ({@link JobsYieldToIntake}). Keeps the times of the last {@code arrivals} submissions
 * only, in this node's memory: each node yields to the requests it takes itself.
 */
final class IntakePressure {

  private final long[] lastArrivals;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private int next;
  private long recorded;

  IntakePressure(int arrivals, Duration window, LongSupplier nanoClock) {
    if (arrivals < 1) {
      throw new IllegalArgumentException("arrivals must be at least 1: " + arrivals);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    this.lastArrivals = new long[arrivals];
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  /** A submission arrived (valid or not: what the node spends on it is the same until it is refused). */
  synchronized void arrived() {
    lastArrivals[next] = nanoClock.getAsLong();
    next = (next + 1) % lastArrivals.length;
    recorded++;
  }

  /** How many submissions this node has seen since it started. */
  synchronized long arrivalsSoFar() {
    return recorded;
  }

  /** Whether the last {@code arrivals} submissions all came within the window before now. */
  synchronized boolean pouringIn() {
    if (recorded < lastArrivals.length) {
      return false;
    }
    long oldestOfThem = lastArrivals[next];
    return nanoClock.getAsLong() - oldestOfThem < windowNanos;
  }
}
