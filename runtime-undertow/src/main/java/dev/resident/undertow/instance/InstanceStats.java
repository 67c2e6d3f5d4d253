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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one instance, and snapshots of them as {@link RuntimeStats} (R-API-5). */
final class InstanceStats {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int LATENCY_WINDOW = 1024;

  private final Object cpuLock = new Object();
  /** CPU of the runs that ended. Guarded by {@link #cpuLock}. */
  private long endedCpuNanos;
  /** The threads running code of the instance now, with their CPU time when the run began. Guarded by cpuLock. */
  private final Map<Thread, Long> running = new HashMap<>();
  private final LongAdder deadlinesExceeded = new LongAdder();
  private final LongAdder hookFailures = new LongAdder();
  private final AtomicInteger runawayThreads = new AtomicInteger();
  /** The latencies of the last {@value #LATENCY_WINDOW} requests, a ring written without a lock. */
  private final AtomicLongArray latencies = new AtomicLongArray(LATENCY_WINDOW);
  /** Ring indexes taken: the next request to finish writes at this one, modulo the ring's size. */
  private final AtomicLong latencyIndex = new AtomicLong();
  /** Requests finished, counted after their latency is in the ring. */
  private final AtomicLong finished = new AtomicLong();
  /** Requests by outcome and their waits, for metrics (R-OPS-3). */
  private final RequestCounters counters = new RequestCounters();

  static long currentThreadCpuNanos() {
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
      beginRun(thread, currentThreadCpuNanos());
      try {
        runnable.run();
      } finally {
        endRun(thread, currentThreadCpuNanos());
      }
    };
  }

  /**
   * Runs {@code runnable} on the current thread and counts its CPU time as the instance's: on a thread of
   * the {@link RequestPool}, by charging the thread to this instance until it runs code of another, which
   * spares two readings of the thread's CPU clock per request; on any other thread, as {@link #counted}.
   *
   * @param runnable code of the instance
   */
  void runCharged(Runnable runnable) {
    if (RequestPool.chargeCurrentThread(this)) {
      runnable.run();
    } else {
      counted(runnable).run();
    }
  }

  /**
   * Notes that {@code thread} runs code of the instance from now on.
   *
   * @param thread the thread
   * @param cpuNanos its CPU time now
   */
  void beginRun(Thread thread, long cpuNanos) {
    synchronized (cpuLock) {
      running.put(thread, cpuNanos);
    }
  }

  /**
   * Notes that {@code thread} no longer runs code of the instance, and counts the CPU it used meanwhile.
   *
   * @param thread the thread
   * @param cpuNanos its CPU time now
   */
  void endRun(Thread thread, long cpuNanos) {
    synchronized (cpuLock) {
      Long start = running.remove(thread);
      if (start != null) {
        endedCpuNanos += Math.max(0, cpuNanos - start);
      }
    }
  }

  long cpuNanos() {
    synchronized (cpuLock) {
      long total = endedCpuNanos;
      for (Map.Entry<Thread, Long> run : running.entrySet()) {
        total += Math.max(0, threadCpuNanos(run.getKey()) - run.getValue());
      }
      return total;
    }
  }

  void requestFinished(long latencyNanos, int status) {
    latencies.set((int) (latencyIndex.getAndIncrement() % LATENCY_WINDOW), latencyNanos);
    finished.incrementAndGet();
    counters.finished(status, latencyNanos);
  }

  RequestCounters counters() {
    return counters;
  }

  long deadlinesExceeded() {
    return deadlinesExceeded.sum();
  }

  int runawayThreads() {
    return runawayThreads.get();
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
    long total = finished.get();
    long[] window = new long[(int) Math.min(total, LATENCY_WINDOW)];
    for (int i = 0; i < window.length; i++) {
      window[i] = latencies.get(i);
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
        total,
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
