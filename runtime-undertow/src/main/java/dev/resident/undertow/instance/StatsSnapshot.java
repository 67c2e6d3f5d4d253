package dev.resident.undertow.instance;

import dev.resident.api.RuntimeStats;
import java.time.Duration;
import java.util.Map;

/**
 * An immutable snapshot of one instance's figures (R-API-5).
 *
 * @param cpuTime CPU time of the instance's code: requests while they run, their threads, background
 *     threads, the shutdown hook
 * @param heapUsedBytes heap the JVM uses
 * @param memoryLimitBytes the memory limit of the instance class
 * @param uptime time since the instance started
 * @param requestsTotal requests finished
 * @param requestsActive requests admitted and not finished
 * @param requestsPending requests waiting for a slot
 * @param latencyP50 median latency of recent requests
 * @param latencyP99 99th percentile latency of recent requests
 * @param rejections rejections by reason, every reason present
 * @param deadlinesExceeded requests that reached their soft deadline
 * @param runawayThreads handler threads still running after their hard deadline
 * @param backgroundThreads live background threads
 */
public record StatsSnapshot(
    Duration cpuTime,
    long heapUsedBytes,
    long memoryLimitBytes,
    Duration uptime,
    long requestsTotal,
    int requestsActive,
    int requestsPending,
    Duration latencyP50,
    Duration latencyP99,
    Map<String, Long> rejections,
    long deadlinesExceeded,
    int runawayThreads,
    int backgroundThreads)
    implements RuntimeStats {

  @Override
  public Duration getCpuTime() {
    return cpuTime;
  }

  @Override
  public long getHeapUsedBytes() {
    return heapUsedBytes;
  }

  @Override
  public long getMemoryLimitBytes() {
    return memoryLimitBytes;
  }

  @Override
  public Duration getUptime() {
    return uptime;
  }

  @Override
  public long getRequestsTotal() {
    return requestsTotal;
  }

  @Override
  public int getRequestsActive() {
    return requestsActive;
  }

  @Override
  public int getRequestsPending() {
    return requestsPending;
  }

  @Override
  public Duration getLatencyP50() {
    return latencyP50;
  }

  @Override
  public Duration getLatencyP99() {
    return latencyP99;
  }

  @Override
  public Map<String, Long> getRejections() {
    return rejections;
  }

  @Override
  public long getDeadlinesExceeded() {
    return deadlinesExceeded;
  }

  @Override
  public int getRunawayThreads() {
    return runawayThreads;
  }

  @Override
  public int getBackgroundThreads() {
    return backgroundThreads;
  }
}
