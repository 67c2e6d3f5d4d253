package dev.resident.undertow;

import dev.resident.undertow.config.InstanceClass;
import dev.resident.undertow.config.ResidentSettings;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.VersionConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A module version configured in code, with the same defaults as yaml (R-HOST-1). Each setting is checked
 * when it is set.
 *
 * <pre>{@code
 * VersionConfig worker = VersionBuilder.manual("worker", "v1", 2)
 *     .instanceClass(InstanceClass.B4)
 *     .pendingTimeout(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 */
public final class VersionBuilder {

  private final String module;
  private final String version;
  private final ScalingConfig scaling;
  private InstanceClass instanceClass;
  private boolean threadsafe = true;
  private int maxConcurrentRequests = 10;
  private boolean publicAccess = true;
  private boolean failfast;
  private String startHandler;
  private Duration requestDeadline;
  private boolean requestDeadlineSet;
  private Duration taskDeadline;
  private Duration deadlineGrace;
  private Duration pendingTimeout;
  private Integer maxPendingRequests;
  private Duration shutdownGrace;
  private Duration startRetryBackoff;
  private Integer maxBackgroundThreads;
  private int port;
  private int instancePorts;

  private VersionBuilder(String module, String version, ScalingConfig scaling) {
    this.module = Objects.requireNonNull(module, "module");
    this.version = Objects.requireNonNull(version, "version");
    this.scaling = scaling;
    this.instanceClass = InstanceClass.defaultFor(scaling.type());
  }

  /**
   * Starts a manual-scaling version.
   *
   * @param module the module name
   * @param version the version name
   * @param instances resident instances, 1 to 200
   * @return the builder
   */
  public static VersionBuilder manual(String module, String version, int instances) {
    checkRange("instances", instances, 1, 200);
    return new VersionBuilder(module, version, new ScalingConfig.Manual(instances));
  }

  /**
   * Starts a basic-scaling version with the default idle timeout (5 minutes).
   *
   * @param module the module name
   * @param version the version name
   * @param maxInstances instances at most, 1 to 200
   * @return the builder
   */
  public static VersionBuilder basic(String module, String version, int maxInstances) {
    return basic(module, version, maxInstances, ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * Starts a basic-scaling version.
   *
   * @param module the module name
   * @param version the version name
   * @param maxInstances instances at most, 1 to 200
   * @param idleTimeout how long an instance may be idle before it stops; positive
   * @return the builder
   */
  public static VersionBuilder basic(String module, String version, int maxInstances, Duration idleTimeout) {
    checkRange("maxInstances", maxInstances, 1, 200);
    return new VersionBuilder(module, version, new ScalingConfig.Basic(maxInstances, positive("idleTimeout", idleTimeout)));
  }

  /**
   * Starts an automatic-scaling version with App Engine's defaults.
   *
   * @param module the module name
   * @param version the version name
   * @return the builder
   */
  public static VersionBuilder automatic(String module, String version) {
    return automatic(module, version, ScalingConfig.Automatic.DEFAULTS);
  }

  /**
   * Starts an automatic-scaling version.
   *
   * @param module the module name
   * @param version the version name
   * @param scaling the automatic scaling parameters
   * @return the builder
   */
  public static VersionBuilder automatic(String module, String version, ScalingConfig.Automatic scaling) {
    return new VersionBuilder(module, version, Objects.requireNonNull(scaling, "scaling"));
  }

  /**
   * Sets the instance class; default B2 (manual, basic) or F1 (automatic).
   *
   * @param instanceClass a class that fits the scaling type
   * @return this builder
   */
  public VersionBuilder instanceClass(InstanceClass instanceClass) {
    if (!instanceClass.fits(scaling.type())) {
      throw new IllegalArgumentException("instanceClass must be one of "
          + InstanceClass.allowedFor(scaling.type()) + " for " + scaling.type().yamlName()
          + " scaling, found " + instanceClass);
    }
    this.instanceClass = instanceClass;
    return this;
  }

  /**
   * Sets whether instances serve several requests at once; default true. False admits one at a time.
   *
   * @param threadsafe whether requests may run concurrently
   * @return this builder
   */
  public VersionBuilder threadsafe(boolean threadsafe) {
    this.threadsafe = threadsafe;
    return this;
  }

  /**
   * Sets how many requests an instance serves at once; default 10.
   *
   * @param maxConcurrentRequests 1 to 1000
   * @return this builder
   */
  public VersionBuilder maxConcurrentRequests(int maxConcurrentRequests) {
    checkRange("maxConcurrentRequests", maxConcurrentRequests, 1, 1000);
    this.maxConcurrentRequests = maxConcurrentRequests;
    return this;
  }

  /**
   * Rejects requests at once when no slot is free, as the backend option {@code failfast}; default off.
   *
   * @return this builder
   */
  public VersionBuilder failfast() {
    this.failfast = true;
    return this;
  }

  /**
   * Makes the version private, as a backend without {@code public}: its ports accept internal requests only.
   *
   * @return this builder
   */
  public VersionBuilder privateAccess() {
    this.publicAccess = false;
    return this;
  }

  /**
   * Sets the path that serves the start request instead of {@code /_ah/start}.
   *
   * @param path a path starting with {@code /}
   * @return this builder
   */
  public VersionBuilder startHandler(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("startHandler must be a path starting with /, found " + path);
    }
    this.startHandler = path;
    return this;
  }

  /**
   * Sets the deadline of HTTP requests; default 60 s on automatic scaling, none otherwise.
   *
   * @param deadline a positive duration, or null for none
   * @return this builder
   */
  public VersionBuilder requestDeadline(Duration deadline) {
    this.requestDeadline = deadline == null ? null : positive("requestDeadline", deadline);
    this.requestDeadlineSet = true;
    return this;
  }

  /**
   * Sets the deadline of task requests; default 10 min on automatic scaling, 24 h otherwise.
   *
   * @param deadline a positive duration
   * @return this builder
   */
  public VersionBuilder taskDeadline(Duration deadline) {
    this.taskDeadline = positive("taskDeadline", deadline);
    return this;
  }

  /**
   * Sets how long a handler may still answer after its soft deadline; default 1 s.
   *
   * @param grace zero or more
   * @return this builder
   */
  public VersionBuilder deadlineGrace(Duration grace) {
    this.deadlineGrace = notNegative("deadlineGrace", grace);
    return this;
  }

  /**
   * Sets how long a request may wait for a slot; default 10 s.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public VersionBuilder pendingTimeout(Duration timeout) {
    this.pendingTimeout = positive("pendingTimeout", timeout);
    return this;
  }

  /**
   * Sets how many requests may wait per instance; default 1000.
   *
   * @param max 0 to 1,000,000
   * @return this builder
   */
  public VersionBuilder maxPendingRequests(int max) {
    checkRange("maxPendingRequests", max, 0, 1_000_000);
    this.maxPendingRequests = max;
    return this;
  }

  /**
   * Sets how long in-flight requests and the shutdown hook have when an instance stops; default 30 s.
   *
   * @param grace zero or more
   * @return this builder
   */
  public VersionBuilder shutdownGrace(Duration grace) {
    this.shutdownGrace = notNegative("shutdownGrace", grace);
    return this;
  }

  /**
   * Sets the first wait before a failed manual instance restarts, doubling up to 30 s; default 1 s.
   *
   * @param backoff a positive duration
   * @return this builder
   */
  public VersionBuilder startRetryBackoff(Duration backoff) {
    this.startRetryBackoff = positive("startRetryBackoff", backoff);
    return this;
  }

  /**
   * Sets how many background threads an instance may have alive; default 10.
   *
   * @param max 0 to 1000
   * @return this builder
   */
  public VersionBuilder maxBackgroundThreads(int max) {
    checkRange("maxBackgroundThreads", max, 0, 1000);
    this.maxBackgroundThreads = max;
    return this;
  }

  /**
   * Sets a fixed port for the version; default 0, an ephemeral port.
   *
   * @param port 0 to 65535
   * @return this builder
   */
  public VersionBuilder port(int port) {
    checkRange("port", port, 0, 65535);
    this.port = port;
    return this;
  }

  /**
   * Sets the first port of the manual or basic instances (instance {@code i} listens on
   * {@code base + i}); default 0, ephemeral ports.
   *
   * @param base 0 to 65535
   * @return this builder
   */
  public VersionBuilder instancePorts(int base) {
    checkRange("instancePorts", base, 0, 65535);
    this.instancePorts = base;
    return this;
  }

  /**
   * Builds the version.
   *
   * @return the immutable configuration, whose source is {@code code}
   */
  public VersionConfig build() {
    ResidentSettings defaults = ResidentSettings.defaultsFor(scaling.type());
    ResidentSettings settings = new ResidentSettings(
        requestDeadlineSet ? requestDeadline : defaults.requestDeadline(),
        or(taskDeadline, defaults.taskDeadline()),
        or(deadlineGrace, defaults.deadlineGrace()),
        or(pendingTimeout, defaults.pendingTimeout()),
        or(maxPendingRequests, defaults.maxPendingRequests()),
        or(shutdownGrace, defaults.shutdownGrace()),
        or(startRetryBackoff, defaults.startRetryBackoff()),
        or(maxBackgroundThreads, defaults.maxBackgroundThreads()),
        port,
        instancePorts,
        defaults.maxRequestBodyBytes(),
        defaults.maxHeaderBytes(),
        defaults.maxResponseBytes());
    return new VersionConfig(module, version, scaling, instanceClass, threadsafe,
        threadsafe ? maxConcurrentRequests : 1, publicAccess, failfast, startHandler, List.of(), List.of(), Map.of(),
        settings, "code");
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static void checkRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", found " + value);
    }
  }

  private static Duration positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, found " + value);
    }
    return value;
  }

  private static Duration notNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or more, found " + value);
    }
    return value;
  }
}
