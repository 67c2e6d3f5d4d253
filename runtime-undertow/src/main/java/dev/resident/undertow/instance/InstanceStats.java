package dev.resident.undertow.instance;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.admission.Rejection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one instance, and snapshots of them as {@link RuntimeStats} (R-API-5). */
final class InstanceStats {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int LATENCY_WINDOW = 1024;

  private final LongAdder requestsTotal = new LongAdder();
  private final LongAdder cpuNanos = new LongAdder();
  private final LongAdder deadlinesExceeded = new LongAdder();
  private final LongAdder hookFailures = new LongAdder();
  private final AtomicInteger runawayThreads = new AtomicInteger();
  private final long[] latencies = new long[LATENCY_WINDOW];
  private int latencyCount;
  private int latencyNext;

  static long currentThreadCpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  static long threadCpuNanos(Thread thread) {
    long nanos = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : 0;
    return Math.max(0, nanos);
  }

  void addCpu(long nanos) {
    if (nanos > 0) {
      cpuNanos.add(nanos);
    }
  }

  void requestFinished(long latencyNanos) {
    requestsTotal.increment();
    synchronized (latencies) {
      latencies[latencyNext] = latencyNanos;
      latencyNext = (latencyNext + 1) % LATENCY_WINDOW;
      latencyCount = Math.min(latencyCount + 1, LATENCY_WINDOW);
    }
  }

  void deadlineExceeded() {
    deadlinesExceeded.increment();
  }

  void hookFailed() {
    hookFailures.increment();
  }

  long hookFailures() {
    return hookFailures.sum();
  }

  void runawayStarted() {
    runawayThreads.incrementAndGet();
  }

  void runawayEnded() {
    runawayThreads.decrementAndGet();
  }

  StatsSnapshot snapshot(
      long uptimeNanos,
      long liveBackgroundCpuNanos,
      long memoryLimitBytes,
      int active,
      int pending,
      Map<Rejection, Long> rejections,
      int backgroundThreads) {
    long[] window;
    synchronized (latencies) {
      window = Arrays.copyOf(latencies, latencyCount);
    }
    Arrays.sort(window);
    Map<String, Long> byReason = new LinkedHashMap<>();
    rejections.forEach((reason, count) -> byReason.put(reason.reason(), count));
    Runtime runtime = Runtime.getRuntime();
    return new StatsSnapshot(
        Duration.ofNanos(cpuNanos.sum() + liveBackgroundCpuNanos),
        runtime.totalMemory() - runtime.freeMemory(),
        memoryLimitBytes,
        Duration.ofNanos(uptimeNanos),
        requestsTotal.sum(),
        active,
        pending,
        percentile(window, 50),
        percentile(window, 99),
        Map.copyOf(byReason),
        deadlinesExceeded.sum(),
        runawayThreads.get(),
        backgroundThreads);
  }

  private static Duration percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return Duration.ofNanos(sorted[Math.max(0, index)]);
  }
}
