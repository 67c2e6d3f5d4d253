package dev.resident.undertow.metrics;

import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.admin.HostOperations;
import dev.resident.undertow.admin.StartRecords;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.instance.ApplicationRuntime;
import dev.resident.undertow.instance.Instance;
import dev.resident.undertow.instance.InstanceCounters;
import dev.resident.undertow.instance.InstanceListener;
import dev.resident.undertow.instance.InstanceSlot;
import dev.resident.undertow.instance.InstanceState;
import dev.resident.undertow.instance.RequestCounters;
import dev.resident.undertow.instance.RequestOutcome;
import dev.resident.undertow.instance.VersionRuntime;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A Micrometer {@link MeterBinder} of a running host (R-OPS-3): per instance (tags {@code module},
 * {@code version}, {@code instance}) its requests by outcome, pending queue and wait, rejections by reason,
 * deadlines, runaway and background threads, CPU time, uptime and memory limit; per version its instances
 * by state and its starts and failed starts; per host its request-pool threads. Every meter reads a counter
 * the host keeps anyway, so a request costs the metrics nothing. An instance's meters are removed when it
 * stops; {@link #close()} removes them all.
 *
 * <pre>{@code
 * ResidentMetrics.of(host).bindTo(registry);
 * }</pre>
 */
public final class ResidentMetrics implements MeterBinder, AutoCloseable {

  private final HostOperations operations;
  private final List<Binding> bindings = new CopyOnWriteArrayList<>();

  private ResidentMetrics(HostOperations operations) {
    this.operations = Objects.requireNonNull(operations, "operations");
  }

  /**
   * Returns the metrics of a started host.
   *
   * @param host the host
   * @return a binder of its meters
   */
  public static ResidentMetrics of(ResidentHost host) {
    return new ResidentMetrics(host.operations());
  }

  /**
   * Returns the metrics of a host's operations.
   *
   * @param operations the host's operations
   * @return a binder of its meters
   */
  public static ResidentMetrics of(HostOperations operations) {
    return new ResidentMetrics(operations);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Binding binding = new Binding(registry);
    bindings.add(binding);
    binding.bind();
  }

  /** Removes every meter this binder registered, from every registry, and stops following instances. */
  @Override
  public void close() {
    for (Binding binding : bindings) {
      binding.close();
    }
    bindings.clear();
  }

  /** The meters in one registry. */
  private final class Binding implements InstanceListener {
    private final MeterRegistry registry;
    private final List<Meter> hostMeters = new ArrayList<>();
    private final Map<Instance, List<Meter>> instanceMeters = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Binding(MeterRegistry registry) {
      this.registry = registry;
    }

    void bind() {
      ApplicationRuntime application = operations.application();
      ThreadPoolExecutor pool = operations.requestPool();
      hostMeters.add(Gauge.builder("resident.request.pool.threads", pool, ThreadPoolExecutor::getPoolSize)
          .description("Threads of the host's request pool").register(registry));
      hostMeters.add(Gauge.builder("resident.request.pool.threads.active", pool, ThreadPoolExecutor::getActiveCount)
          .description("Threads of the request pool running a task").register(registry));
      for (VersionRuntime version : application.versions()) {
        bindVersion(version);
      }
      application.addListener(this);
      for (VersionRuntime version : application.versions()) {
        for (Instance instance : version.liveInstances()) {
          instanceStarting(instance);
        }
      }
    }

    private void bindVersion(VersionRuntime version) {
      VersionConfig config = version.config();
      Tags tags = Tags.of("module", config.module(), "version", config.version());
      for (InstanceState state : InstanceState.values()) {
        hostMeters.add(Gauge.builder("resident.instances", version, v -> count(v, state))
            .tags(tags).tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
            .description("Instances of the version in a state; STOPPED counts empty manual and basic slots")
            .strongReference(true).register(registry));
      }
      StartRecords.Counts counts = operations.starts().counts(config);
      hostMeters.add(FunctionCounter.builder("resident.instance.starts", counts, StartRecords.Counts::starts)
          .tags(tags).description("Instance starts begun").register(registry));
      hostMeters.add(FunctionCounter.builder("resident.instance.starts.failed", counts, StartRecords.Counts::failures)
          .tags(tags).description("Instance starts that failed").register(registry));
    }

    @Override
    public void instanceStarting(Instance instance) {
      if (closed) {
        return;
      }
      instanceMeters.computeIfAbsent(instance, this::register);
      if (instance.state() == InstanceState.STOPPED) {
        instanceStopped(instance);
      }
    }

    @Override
    public void instanceStopped(Instance instance) {
      List<Meter> meters = instanceMeters.remove(instance);
      if (meters != null) {
        meters.forEach(registry::remove);
      }
    }

    private List<Meter> register(Instance instance) {
      VersionConfig config = instance.version();
      Tags tags = Tags.of("module", config.module(), "version", config.version(), "instance", instance.id());
      InstanceCounters c = instance.counters();
      RequestCounters r = c.requests();
      List<Meter> meters = new ArrayList<>();
      for (RequestOutcome outcome : RequestOutcome.values()) {
        meters.add(FunctionTimer.builder("resident.requests", r, x -> x.count(outcome), x -> x.totalNanos(outcome),
                TimeUnit.NANOSECONDS)
            .tags(tags).tag("outcome", outcome.tag())
            .description("Requests that ran on the instance, by outcome, from arrival to the end of the response")
            .register(registry));
      }
      meters.add(FunctionTimer.builder("resident.pending.wait", r, RequestCounters::waits,
              RequestCounters::waitNanos, TimeUnit.NANOSECONDS)
          .tags(tags).description("Time requests waited from arrival until they ran").register(registry));
      meters.add(Gauge.builder("resident.pending.requests", c, InstanceCounters::pending)
          .tags(tags).description("Requests in the pending queue").register(registry));
      meters.add(Gauge.builder("resident.requests.active", c, InstanceCounters::active)
          .tags(tags).description("Requests admitted and running").register(registry));
      for (Rejection rejection : Rejection.values()) {
        if (!rejection.byInstance()) {
          continue;
        }
        meters.add(FunctionCounter.builder("resident.rejections", c, x -> x.rejected(rejection))
            .tags(tags).tag("reason", rejection.reason())
            .description("Requests turned away, by reason").register(registry));
      }
      meters.add(FunctionCounter.builder("resident.deadlines.exceeded", c, InstanceCounters::deadlinesExceeded)
          .tags(tags).description("Requests that reached their soft deadline").register(registry));
      meters.add(Gauge.builder("resident.threads.runaway", c, InstanceCounters::runawayThreads)
          .tags(tags).description("Handler threads still running after their hard deadline").register(registry));
      meters.add(Gauge.builder("resident.threads.background", c, InstanceCounters::backgroundThreads)
          .tags(tags).description("Live background threads").register(registry));
      meters.add(FunctionCounter.builder("resident.cpu.time", c, x -> x.cpuNanos() / 1e9)
          .tags(tags).baseUnit("seconds").description("CPU time of the instance's code").register(registry));
      meters.add(TimeGauge.builder("resident.instance.uptime", c, TimeUnit.NANOSECONDS, InstanceCounters::uptimeNanos)
          .tags(tags).description("Time since the instance was made").register(registry));
      meters.add(Gauge.builder("resident.instance.memory.limit", c, InstanceCounters::memoryLimitBytes)
          .tags(tags).baseUnit("bytes").description("Memory limit of the instance class (reported, not enforced)")
          .register(registry));
      return meters;
    }

    void close() {
      closed = true;
      operations.application().removeListener(this);
      for (Instance instance : List.copyOf(instanceMeters.keySet())) {
        instanceStopped(instance);
      }
      hostMeters.forEach(registry::remove);
      hostMeters.clear();
    }
  }

  private static double count(VersionRuntime version, InstanceState state) {
    int n = 0;
    for (Instance instance : version.liveInstances()) {
      if (instance.state() == state) {
        n++;
      }
    }
    if (state == InstanceState.STOPPED) {
      for (InstanceSlot slot : version.slots()) {
        Instance current = slot.current();
        if (current == null || current.state() == InstanceState.STOPPED) {
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "resident-metrics(" + operations + ")";
  }
}
