package dev.resident.undertow.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the scaling block of a module yaml file: at most one of {@code automatic_scaling},
 * {@code basic_scaling} and {@code manual_scaling}; automatic scaling when there is none (R-CFG-1,
 * R-MOD-3).
 */
final class ScalingReader {
  /** The most instances of a manual or basic scaling version (App Engine's paid limit). */
  static final int MAX_INSTANCES = 200;

  /** The most concurrent requests App Engine allows an automatic scaling instance. */
  static final int MAX_AUTOMATIC_CONCURRENT_REQUESTS = 100;

  private static final String AUTOMATIC = "automatic_scaling";
  private static final String BASIC = "basic_scaling";
  private static final String MANUAL = "manual_scaling";
  private static final List<String> BLOCKS = List.of(AUTOMATIC, BASIC, MANUAL);

  private static final KeySet MANUAL_KEYS = KeySet.of("instances");
  private static final KeySet BASIC_KEYS = KeySet.of("max_instances", "idle_timeout");
  private static final KeySet AUTOMATIC_KEYS =
      new KeySet(
          List.of(
              "min_idle_instances",
              "max_idle_instances",
              "min_pending_latency",
              "max_pending_latency",
              "max_concurrent_requests",
              "max_instances"),
          Set.of(
              "min_instances",
              "target_cpu_utilization",
              "target_throughput_utilization",
              "cool_down_period_sec",
              "cpu_utilization"),
          Set.of(),
          false);

  private static final Rule<Duration> LATENCY = Rules.duration(Duration.ZERO, null);

  /** Stands for {@code automatic} where no single default fits; no written duration is negative. */
  private static final Duration AUTOMATIC_LATENCY = Duration.ofNanos(-1);

  private ScalingReader() {}

  /**
   * The scaling of a module yaml file.
   *
   * @param config the scaling, defaults applied
   * @param maxConcurrentRequests {@code automatic_scaling.max_concurrent_requests} when given; null
   *     otherwise
   */
  record Result(ScalingConfig config, Located<Integer> maxConcurrentRequests) {}

  /**
   * Reads the scaling of a module yaml file. A second scaling block is reported and ignored.
   *
   * @param root the top mapping of the file
   * @return the scaling
   */
  static Result read(Section root) {
    String chosen = null;
    for (YamlNode.Entry entry : root.entries()) {
      if (!BLOCKS.contains(entry.key())) {
        continue;
      }
      if (chosen == null) {
        chosen = entry.key();
      } else if (!chosen.equals(entry.key())) {
        root.problems()
            .mustBe(
                entry.keyOrigin(),
                entry.key(),
                "absent when " + chosen + " is given (one scaling block at most)",
                "both");
      }
    }
    if (MANUAL.equals(chosen)) {
      return new Result(manual(root.section(MANUAL, MANUAL_KEYS)), null);
    }
    if (BASIC.equals(chosen)) {
      return new Result(basic(root.section(BASIC, BASIC_KEYS)), null);
    }
    Optional<Section> automatic = root.section(AUTOMATIC, AUTOMATIC_KEYS);
    Located<Integer> concurrency =
        automatic
            .flatMap(
                s ->
                    s.located(
                        "max_concurrent_requests",
                        Rules.integer(1, MAX_AUTOMATIC_CONCURRENT_REQUESTS)))
            .orElse(null);
    return new Result(automatic(automatic), concurrency);
  }

  private static ScalingConfig manual(Optional<Section> block) {
    return new ScalingConfig.Manual(instanceCount(block, "instances"));
  }

  private static ScalingConfig basic(Optional<Section> block) {
    Duration idleTimeout =
        block
            .flatMap(s -> s.optional("idle_timeout", Rules.duration(Duration.ofMillis(1), null)))
            .orElse(ScalingConfig.Basic.DEFAULT_IDLE_TIMEOUT);
    return new ScalingConfig.Basic(instanceCount(block, "max_instances"), idleTimeout);
  }

  /** Reads a required instance count of 1 to 200; 1 when it is missing or not allowed. */
  private static int instanceCount(Optional<Section> block, String key) {
    return block
        .flatMap(s -> s.required(key, Rules.integer(1, MAX_INSTANCES)))
        .map(Located::value)
        .orElse(1);
  }

  private static ScalingConfig automatic(Optional<Section> block) {
    ScalingConfig.Automatic d = ScalingConfig.Automatic.DEFAULTS;
    if (block.isEmpty()) {
      return d;
    }
    Section s = block.get();
    int maxInstances =
        s.get("max_instances", Rules.integer(1, Integer.MAX_VALUE), d.maxInstances());
    Rule<Integer> idle = Rules.integer(0, Integer.MAX_VALUE);
    int minIdle = orAutomatic(s, "min_idle_instances", idle, d.minIdleInstances());
    int maxIdle = orAutomatic(s, "max_idle_instances", idle, d.maxIdleInstances());
    Duration min = orAutomatic(s, "min_pending_latency", LATENCY, d.minPendingLatency());
    Duration max = orAutomatic(s, "max_pending_latency", LATENCY, AUTOMATIC_LATENCY);
    if (max.isNegative()) {
      max = min.compareTo(d.maxPendingLatency()) > 0 ? min : d.maxPendingLatency();
    } else if (min.compareTo(max) > 0) {
      s.reject(
          "min_pending_latency", "at most max_pending_latency (" + DurationSyntax.format(max) + ")");
    }
    if (minIdle > maxInstances) {
      s.reject("min_idle_instances", "at most max_instances (" + maxInstances + ")");
    }
    return new ScalingConfig.Automatic(minIdle, maxIdle, min, max, maxInstances);
  }

  /** Reads a value that may also be written {@code automatic}, which stands for the default. */
  private static <T> T orAutomatic(Section s, String key, Rule<T> rule, T automatic) {
    return s.get(key, rule.orKeyword("automatic", automatic), automatic);
  }
}
