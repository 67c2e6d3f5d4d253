package dev.resident.undertow.instance;

import dev.resident.undertow.admission.AdmissionQueue;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.time.HostClock;

/**
 * The live figures of one instance, each read from its counter as it is now, without a snapshot and
 * without allocating: for metrics gauges and counters (R-OPS-3) and the admin API (R-OPS-1).
 */
public final class InstanceCounters {

  private final Instance instance;
  private final InstanceStats stats;
  private final AdmissionQueue admission;
  private final BackgroundThreads background;
  private final HostClock clock;
  private final long createdNanos;

  InstanceCounters(Instance instance, InstanceStats stats, AdmissionQueue admission,
      BackgroundThreads background, HostClock clock, long createdNanos) {
    this.instance = instance;
    this.stats = stats;
    this.admission = admission;
    this.background = background;
    this.clock = clock;
    this.createdNanos = createdNanos;
  }

  /**
   * Returns the per-request counters: requests by outcome and pending waits.
   *
   * @return the counters
   */
  public RequestCounters requests() {
    return stats.counters();
  }

  /**
   * Returns the requests admitted and running.
   *
   * @return active requests
   */
  public int active() {
    return admission.active();
  }

  /**
   * Returns the length of the pending queue.
   *
   * @return waiting requests
   */
  public int pending() {
    return admission.pending();
  }

  /**
   * Returns the rejections for one reason.
   *
   * @param rejection the reason
   * @return the count
   */
  public long rejected(Rejection rejection) {
    return admission.rejected(rejection);
  }

  /**
   * Returns the requests that reached their soft deadline.
   *
   * @return the count
   */
  public long deadlinesExceeded() {
    return stats.deadlinesExceeded();
  }

  /**
   * Returns the handler threads still running after their hard deadline.
   *
   * @return the count
   */
  public int runawayThreads() {
    return stats.runawayThreads();
  }

  /**
   * Returns the live background threads.
   *
   * @return the count
   */
  public int backgroundThreads() {
    return background.count();
  }

  /**
   * Returns the CPU time of the instance's code.
   *
   * @return nanoseconds
   */
  public long cpuNanos() {
    return stats.cpuNanos();
  }

  /**
   * Returns the time since the instance was made.
   *
   * @return nanoseconds
   */
  public long uptimeNanos() {
    return clock.nanoTime() - createdNanos;
  }

  /**
   * Returns the memory limit of the instance class.
   *
   * @return bytes
   */
  public long memoryLimitBytes() {
    return instance.version().instanceClass().memoryBytes();
  }

  @Override
  public String toString() {
    return "counters of " + instance;
  }
}
