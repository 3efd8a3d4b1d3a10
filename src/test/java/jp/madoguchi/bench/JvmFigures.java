package jp.madoguchi.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a benchmark ran in: the limit ({@link Runtime#maxMemory()}, set by {@code -Xmx}) and the most heap it
 * used. Heap in use only grows between two collections, so its highest point is the heap in use just before some
 * collection (which the collector's notifications report) or the heap in use now. Watches from the first call of
 * {@link #watch()}: benchmarks call it from a static field, before their application context starts.
 */
final class JvmFigures {

  private static final long MB = 1024 * 1024;
  private static final JvmFigures WATCHING = new JvmFigures();

  private final AtomicLong peakUsedBeforeCollection = new AtomicLong();
  private final AtomicLong mostUsedAfterCollection = new AtomicLong();

  private JvmFigures() {
    Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
        .collect(Collectors.toSet());
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GcInfo collection = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
              .getGcInfo();
          peakUsedBeforeCollection.accumulateAndGet(heapUsed(collection.getMemoryUsageBeforeGc(), heapPools),
              Math::max);
          mostUsedAfterCollection.accumulateAndGet(heapUsed(collection.getMemoryUsageAfterGc(), heapPools),
              Math::max);
        }
      }, null, null);
    }
  }

  private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
    return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
        .mapToLong(pool -> pool.getValue().getUsed()).sum();
  }

  /** The figures, watched from the first call on. */
  static JvmFigures watch() {
    return WATCHING;
  }

  long heapLimitBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  long peakHeapUsedBytes() {
    return Math.max(peakUsedBeforeCollection.get(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /**
   * The most heap in use right after a collection: what the application kept (and the garbage the collection left
   * for a later one), a closer measure of what it needs than the peak, up to which the collector lets the heap fill.
   */
  long mostHeapUsedAfterCollectionBytes() {
    return mostUsedAfterCollection.get();
  }

  /** The heap option the JVM was started with, as given: {@code -Xmx512m}, or that there was none. */
  static String heapOption() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(argument -> argument.startsWith("-Xmx") || argument.startsWith("-XX:MaxHeapSize="))
        .reduce((first, last) -> last).orElse("no -Xmx: the JVM's default");
  }

  /** For the pages: limit, option, peak and its share of the limit, each collector's work (full collections apart). */
  String summary() {
    StringBuilder collections = new StringBuilder();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections.append(collections.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %d (%.1f s)",
          collector.getName(), Math.max(0, collector.getCollectionCount()),
          Math.max(0, collector.getCollectionTime()) / 1000.0));
    }
    return String.format(Locale.ROOT,
        "heap limit %d MB (`Runtime.maxMemory()`; `%s`), peak heap used %d MB (%.0f%% of the limit), most in "
            + "use after a collection %d MB; collections: %s",
        heapLimitBytes() / MB, heapOption(), peakHeapUsedBytes() / MB,
        100.0 * peakHeapUsedBytes() / heapLimitBytes(), mostHeapUsedAfterCollectionBytes() / MB, collections);
  }
}
