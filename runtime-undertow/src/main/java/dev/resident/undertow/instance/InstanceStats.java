package dev.resident.undertow.instance;

import dev.resident.api.RuntimeStats;
import dev.resident.undertow.admission.Rejection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one instance, and snapshots of them as {@link RuntimeStats} (R-API-5). */
final class InstanceStats {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int LATENCY_WINDOW = 1024;

  private final LongAdder requestsTotal = new LongAdder();
  private final Object cpuLock = new Object();
  /** CPU of the runs that ended. Guarded by {@link #cpuLock}. */
  private long endedCpuNanos;
  /** The threads running code of the instance now, with their CPU time when the run began. Guarded by cpuLock. */
  private final Map<Thread, Long> running = new HashMap<>();
  private final LongAdder deadlinesExceeded = new LongAdder();
  private final LongAdder hookFailures = new LongAdder();
  private final AtomicInteger runawayThreads = new AtomicInteger();
  private final long[] latencies = new long[LATENCY_WINDOW];
  private int latencyCount;
  private int latencyNext;

  private static long currentThreadCpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static long threadCpuNanos(Thread thread) {
    long nanos = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : 0;
    return Math.max(0, nanos);
  }

  /**
   * Returns a runnable that counts the CPU time {@code runnable} uses on its thread as the instance's, while
   * it runs (so that a long request shows its CPU before it ends) and after.
   *
   * @param runnable code of the instance: a request, a thread made for one, a background thread
   * @return the counted runnable
   */
  Runnable counted(Runnable runnable) {
    return () -> {
      Thread thread = Thread.currentThread();
      // Read before taking the lock: the reading is a system call, and every request of the instance takes
      // this lock twice. (The end is read under the lock, so that a snapshot never counts more than the run.)
      long begin = currentThreadCpuNanos();
      synchronized (cpuLock) {
        running.put(thread, begin);
      }
      try {
        runnable.run();
      } finally {
        synchronized (cpuLock) {
          Long start = running.remove(thread);
          if (start != null) {
            endedCpuNanos += Math.max(0, currentThreadCpuNanos() - start);
          }
        }
      }
    };
  }

  private long cpuNanos() {
    synchronized (cpuLock) {
      long total = endedCpuNanos;
      for (Map.Entry<Thread, Long> run : running.entrySet()) {
        total += Math.max(0, threadCpuNanos(run.getKey()) - run.getValue());
      }
      return total;
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
        Duration.ofNanos(cpuNanos()),
        runtime.totalMemory() - runtime.freeMemory(),
        memoryLimitBytes,
        Duration.ofNanos(uptimeNanos),
        requestsTotal.sum(),
        active,
        pending,
        percentile(window, 50),
        percentile(window, 99),
        Collections.unmodifiableMap(byReason),
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
