package dev.resident.api;

import dev.resident.api.spi.RuntimeBinding;
import java.time.Duration;
import java.util.Map;

/**
 * Figures about the current instance, as a snapshot taken when {@link #current()} was called.
 *
 * <p>One JVM holds every instance, so the memory limit of the instance class is reported beside the heap
 * the JVM uses, not enforced per instance.
 */
public interface RuntimeStats {

  /**
   * Returns a snapshot of the current instance's figures.
   *
   * @return the figures of the instance the calling thread belongs to
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  static RuntimeStats current() {
    return RuntimeBinding.require("RuntimeStats.current()", true).stats();
  }

  /**
   * Returns the CPU time used by the instance's code: requests (counted while they run, not only once they
   * end), threads made for requests, background threads and the shutdown hook.
   *
   * @return CPU time since the instance started
   */
  Duration getCpuTime();

  /**
   * Returns the heap the JVM uses now; every instance of the JVM shares it.
   *
   * @return bytes of heap in use
   */
  long getHeapUsedBytes();

  /**
   * Returns the memory limit of the instance class (128 MB for B1 and F1, and so on).
   *
   * @return bytes the instance class allows
   */
  long getMemoryLimitBytes();

  /**
   * Returns how long the instance has been up.
   *
   * @return time since the instance started
   */
  Duration getUptime();

  /**
   * Returns how many requests the instance has finished, whatever their status.
   *
   * @return requests finished since the instance started
   */
  long getRequestsTotal();

  /**
   * Returns how many requests the instance is serving now.
   *
   * @return requests admitted and not yet finished
   */
  int getRequestsActive();

  /**
   * Returns how many requests wait in the instance's pending queue now.
   *
   * @return requests waiting for a slot
   */
  int getRequestsPending();

  /**
   * Returns the median latency of recent requests.
   *
   * @return the 50th percentile, zero when no request has finished
   */
  Duration getLatencyP50();

  /**
   * Returns the 99th percentile latency of recent requests.
   *
   * @return the 99th percentile, zero when no request has finished
   */
  Duration getLatencyP99();

  /**
   * Returns how many requests were rejected, by reason.
   *
   * @return counts keyed by {@code pending-timeout}, {@code queue-full}, {@code failfast},
   *     {@code stopping} and {@code start-failed}, every key present, in that order
   */
  Map<String, Long> getRejections();

  /**
   * Returns how many requests passed their deadline.
   *
   * @return requests that reached their soft deadline since the instance started
   */
  long getDeadlinesExceeded();

  /**
   * Returns how many threads still run a request whose hard deadline has passed.
   *
   * @return runaway request threads now alive
   */
  int getRunawayThreads();

  /**
   * Returns how many background threads of the instance are alive.
   *
   * @return live background threads
   */
  int getBackgroundThreads();
}
