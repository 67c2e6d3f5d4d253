package dev.resident.undertow.config;

import java.time.Duration;
import java.util.Objects;

/** The scaling of a version and its parameters (R-MOD-3, R-CFG-1). */
public sealed interface ScalingConfig {

  /**
   * Returns the scaling type.
   *
   * @return the type
   */
  ScalingType type();

  /**
   * Manual scaling: {@code instances} resident instances.
   *
   * @param instances how many instances, 1 to 200
   */
  record Manual(int instances) implements ScalingConfig {
    @Override
    public ScalingType type() {
      return ScalingType.MANUAL;
    }
  }

  /**
   * Basic scaling: instances on demand.
   *
   * @param maxInstances the most instances, ids {@code 0..maxInstances-1}
   * @param idleTimeout how long an instance may go without a request before it is stopped; default 5m
   */
  record Basic(int maxInstances, Duration idleTimeout) implements ScalingConfig {
    /** The default {@code idle_timeout}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public Basic {
      Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    @Override
    public ScalingType type() {
      return ScalingType.BASIC;
    }
  }

  /**
   * Automatic scaling: anonymous instances by load. Values App Engine writes as {@code automatic} are
   * resolved to Resident's defaults.
   *
   * @param minIdleInstances instances kept even when idle; default 0
   * @param maxIdleInstances idle instances kept beyond the minimum; default ({@code automatic}) 1
   * @param minPendingLatency the least time a request waits before a new instance is made for it; default
   *     ({@code automatic}) 0
   * @param maxPendingLatency the time a request may wait before a new instance is made for it; default
   *     ({@code automatic}) 30ms
   * @param maxInstances the most instances; default 20
   */
  record Automatic(
      int minIdleInstances,
      int maxIdleInstances,
      Duration minPendingLatency,
      Duration maxPendingLatency,
      int maxInstances)
      implements ScalingConfig {
    /** The defaults of automatic scaling. */
    public static final Automatic DEFAULTS =
        new Automatic(0, 1, Duration.ZERO, Duration.ofMillis(30), 20);

    public Automatic {
      Objects.requireNonNull(minPendingLatency, "minPendingLatency");
      Objects.requireNonNull(maxPendingLatency, "maxPendingLatency");
    }

    @Override
    public ScalingType type() {
      return ScalingType.AUTOMATIC;
    }
  }
}
