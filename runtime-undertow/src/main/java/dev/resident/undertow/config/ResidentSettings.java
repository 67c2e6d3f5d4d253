package dev.resident.undertow.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings and limits of one version: App Engine's, or the overrides of its {@code resident:} block
 * (R-CFG-6, R-REQ-2, R-REQ-5, R-REQ-6, R-LIFE-5, R-BG-2).
 *
 * @param requestDeadline the deadline of HTTP requests; null for none (the default on manual and basic
 *     scaling; 60s on automatic)
 * @param taskDeadline the deadline of task requests; 10m on automatic scaling, 24h otherwise
 * @param deadlineGrace how long a handler may still answer after its soft deadline; default 1s
 * @param pendingTimeout how long a request may wait for a slot; default 10s
 * @param maxPendingRequests how many requests may wait per instance; default 1000
 * @param shutdownGrace how long in-flight requests and the shutdown hook have; default 30s
 * @param startRetryBackoff the first wait before a failed manual instance is restarted, doubling up to
 *     30s; default 1s
 * @param maxBackgroundThreads live background threads per instance; default 10
 * @param port a fixed port for the version; 0 for an ephemeral one (the default)
 * @param instancePorts the first of the ports of manual and basic instances (instance {@code i} listens on
 *     {@code instancePorts + i}); 0 for ephemeral ones (the default)
 * @param maxRequestBodyBytes the largest request body; default 32 MB
 * @param maxHeaderBytes the largest request header field; default 8 KB
 * @param maxResponseBytes the largest response body; default 32 MB
 */
public record ResidentSettings(
    Duration requestDeadline,
    Duration taskDeadline,
    Duration deadlineGrace,
    Duration pendingTimeout,
    int maxPendingRequests,
    Duration shutdownGrace,
    Duration startRetryBackoff,
    int maxBackgroundThreads,
    int port,
    int instancePorts,
    long maxRequestBodyBytes,
    int maxHeaderBytes,
    long maxResponseBytes) {

  /** The longest wait between restarts of a failing manual instance. */
  public static final Duration MAX_START_RETRY_BACKOFF = Duration.ofSeconds(30);

  public ResidentSettings {
    Objects.requireNonNull(taskDeadline, "taskDeadline");
    Objects.requireNonNull(deadlineGrace, "deadlineGrace");
    Objects.requireNonNull(pendingTimeout, "pendingTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(startRetryBackoff, "startRetryBackoff");
  }

  /**
   * Returns App Engine's settings for a scaling type.
   *
   * @param scaling the scaling type
   * @return the defaults
   */
  public static ResidentSettings defaultsFor(ScalingType scaling) {
    boolean automatic = scaling == ScalingType.AUTOMATIC;
    return new ResidentSettings(
        automatic ? Duration.ofSeconds(60) : null,
        automatic ? Duration.ofMinutes(10) : Duration.ofHours(24),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        10,
        0,
        0,
        32L * 1024 * 1024,
        8 * 1024,
        32L * 1024 * 1024);
  }

  /**
   * Tells whether HTTP requests have a deadline.
   *
   * @return true when {@link #requestDeadline()} is set
   */
  public boolean hasRequestDeadline() {
    return requestDeadline != null;
  }
}
