package dev.resident.undertow.instance;

import dev.resident.api.modules.ModulesException;
import dev.resident.undertow.admission.PendingRequest;
import dev.resident.undertow.admission.Rejection;
import dev.resident.undertow.config.ResidentSettings;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.config.VersionConfig;
import dev.resident.undertow.deployment.DeploymentPlan;
import dev.resident.undertow.listen.PortListeners;
import dev.resident.undertow.time.HostClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running module version: its port, its instances (slots for manual and basic scaling, anonymous
 * instances for automatic), its state, and the choice of an instance for each request (R-REQ-4).
 */
public final class VersionRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(VersionRuntime.class);
  private static final SecureRandom IDS = new SecureRandom();

  /** How long an automatic instance may be idle before it is stopped, above min_idle_instances. */
  public static final Duration AUTOMATIC_IDLE_PERIOD = Duration.ofMinutes(15);

  private final ApplicationRuntime application;
  private final VersionConfig config;
  private final DeploymentPlan plan;
  private final HostServices host;
  private final List<InstanceSlot> slots = new CopyOnWriteArrayList<>();
  private final List<Instance> automatic = new CopyOnWriteArrayList<>();
  private final Map<Instance, HostClock.Cancellable> idleTimers = new ConcurrentHashMap<>();
  private volatile VersionState state = VersionState.STOPPED;
  private PortListeners.Listener listener;
  private HostClock.Cancellable scaleCheck;
  private int turn;

  VersionRuntime(ApplicationRuntime application, VersionConfig config, DeploymentPlan plan) {
    this.application = application;
    this.config = config;
    this.plan = plan;
    this.host = application.host();
  }

  void open() {
    listener = host.listeners().open(config.settings().port(), host.portHandlers().versionPort(this));
    int count = 0;
    if (config.scaling() instanceof ScalingConfig.Manual manual) {
      count = manual.instances();
    } else if (config.scaling() instanceof ScalingConfig.Basic basic) {
      count = basic.maxInstances();
    }
    for (int i = 0; i < count; i++) {
      if (application.runsSlot(config, i)) {
        addSlot(i);
      }
    }
  }

  private void addSlot(int index) {
    InstanceSlot slot = new InstanceSlot(this, index);
    int base = config.settings().instancePorts();
    slot.open(base == 0 ? 0 : base + index);
    slots.add(slot);
  }

  /**
   * Starts the version: manual instances get their start requests, basic ones wait for requests,
   * automatic ones start to the minimum of idle instances.
   *
   * @return completes once every manual instance has been sent its start request
   */
  public synchronized CompletableFuture<Void> start() {
    if (state == VersionState.STARTED) {
      return CompletableFuture.completedFuture(null);
    }
    state = VersionState.STARTED;
    LOG.info("version {} started", config.key());
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    if (config.scalingType() == ScalingType.MANUAL) {
      for (InstanceSlot slot : slots) {
        sent.add(slot.startNew());
      }
    } else if (config.scaling() instanceof ScalingConfig.Automatic auto) {
      for (int i = 0; i < auto.minIdleInstances(); i++) {
        sent.add(spawnAutomatic().start());
      }
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
  }

  /**
   * Stops every instance of the version, each through the full shutdown sequence.
   *
   * @param reason why
   * @return completes when every instance has stopped
   */
  public CompletableFuture<Void> stop(StopReason reason) {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    synchronized (this) {
      if (state == VersionState.STOPPED && reason != StopReason.HOST_STOPPED) {
        return CompletableFuture.completedFuture(null);
      }
      state = VersionState.STOPPED;
      LOG.info("version {} stopping ({})", config.key(), reason);
    }
    for (InstanceSlot slot : slots) {
      stops.add(slot.stop(reason));
    }
    for (Instance instance : automatic) {
      stops.add(instance.stop(config.settings().shutdownGrace(), reason));
    }
    return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
  }

  /**
   * Changes the number of manual instances: new ones start (if the version is started), removed ones stop.
   *
   * @param count the new number, 1 to 200
   * @return completes when new instances have answered their start requests and removed ones stopped
   */
  public CompletableFuture<Void> setNumInstances(int count) {
    if (config.scalingType() != ScalingType.MANUAL) {
      throw new ModulesException("setNumInstances needs manual scaling; " + config.key() + " uses "
          + config.scalingType().yamlName() + " scaling");
    }
    if (count < 1 || count > 200) {
      throw new ModulesException("The number of instances must be from 1 to 200, found " + count);
    }
    List<CompletableFuture<?>> changes = new ArrayList<>();
    synchronized (this) {
      for (int i = slots.size(); i < count; i++) {
        addSlot(i);
        InstanceSlot slot = slots.get(i);
        if (state == VersionState.STARTED) {
          slot.startNew();
          changes.add(slot.current().started());
        }
      }
      while (slots.size() > count) {
        InstanceSlot slot = slots.remove(slots.size() - 1);
        slot.retire();
        changes.add(slot.stop(StopReason.SCALED_DOWN).whenComplete((ignored, failure) -> slot.close()));
      }
    }
    LOG.info("version {} set to {} instances", config.key(), count);
    return CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new));
  }

  /**
   * Chooses an instance for a request that did not name one, and offers the request to it.
   *
   * @param request the request
   * @param failfast whether it must be admitted at once
   * @return false when no instance can take it (the version is stopped or has no live instance)
   */
  public boolean dispatch(PendingRequest request, boolean failfast) {
    Instance instance = choose();
    if (instance == null) {
      return false;
    }
    instance.offer(request, failfast || config.failfast());
    return true;
  }

  private synchronized Instance choose() {
    if (state != VersionState.STARTED) {
      return null;
    }
    return switch (config.scalingType()) {
      case MANUAL -> leastOutstanding(liveInstances());
      case BASIC -> chooseBasic();
      case AUTOMATIC -> chooseAutomatic();
    };
  }

  private Instance chooseBasic() {
    for (InstanceSlot slot : slots) {
      Instance instance = slot.current();
      if (instance != null && instance.hasFreeSlot()) {
        return instance;
      }
    }
    for (InstanceSlot slot : slots) {
      Instance instance = slot.current();
      if (instance == null || instance.state() == InstanceState.STOPPED) {
        Instance started = slot.liveOrStart();
        if (started != null) {
          return started;
        }
      }
    }
    return leastOutstanding(liveInstances());
  }

  private Instance chooseAutomatic() {
    List<Instance> live = liveInstances();
    Instance best = leastOutstanding(live);
    if (best != null && best.hasFreeSlot()) {
      return best;
    }
    if (live.isEmpty()) {
      Instance spawned = spawnAutomatic();
      spawned.start();
      return spawned;
    }
    armScaleCheck();
    return best;
  }

  /** When every instance is full, a new one is made if requests still wait after max_pending_latency. */
  private void armScaleCheck() {
    if (scaleCheck != null) {
      return;
    }
    Duration latency = ((ScalingConfig.Automatic) config.scaling()).maxPendingLatency();
    scaleCheck = host.clock().schedule(latency, this::scaleUpIfWaiting);
  }

  private void scaleUpIfWaiting() {
    Instance spawned;
    Instance busiest;
    synchronized (this) {
      scaleCheck = null;
      if (state != VersionState.STARTED) {
        return;
      }
      List<Instance> live = liveInstances();
      busiest = live.stream().filter(i -> i.pending() > 0)
          .max((a, b) -> Integer.compare(a.pending(), b.pending())).orElse(null);
      if (busiest == null) {
        return;
      }
      if (live.size() >= ((ScalingConfig.Automatic) config.scaling()).maxInstances()) {
        armScaleCheck();
        return;
      }
      spawned = spawnAutomatic();
      armScaleCheck();
    }
    LOG.info("version {} adds {}: requests waited {}", config.key(), spawned,
        ((ScalingConfig.Automatic) config.scaling()).maxPendingLatency());
    spawned.start();
    for (PendingRequest request : busiest.takeMovable(spawned.maxConcurrent())) {
      spawned.offer(request, false);
    }
  }

  private Instance spawnAutomatic() {
    byte[] random = new byte[8];
    IDS.nextBytes(random);
    Instance instance = new Instance(this, HexFormat.of().formatHex(random), null, 1);
    automatic.add(instance);
    return instance;
  }

  private Instance leastOutstanding(List<Instance> candidates) {
    // Runs for every request that does not name its instance: a loop, not a stream.
    List<Instance> pool = new ArrayList<>(candidates.size());
    for (Instance candidate : candidates) {
      if (candidate.state() == InstanceState.SERVING) {
        pool.add(candidate);
      }
    }
    if (pool.isEmpty()) {
      pool = candidates;
    }
    if (pool.isEmpty()) {
      return null;
    }
    int start = Math.floorMod(turn++, pool.size());
    Instance best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (int k = 0; k < pool.size(); k++) {
      Instance candidate = pool.get((start + k) % pool.size());
      int load = candidate.outstanding();
      if (load < bestLoad) {
        best = candidate;
        bestLoad = load;
      }
    }
    return best;
  }

  /**
   * Offers a request that named an instance to that instance only.
   *
   * @param slot the instance's slot
   * @param request the request
   * @param failfast whether it must be admitted at once
   * @return the instance's state when it could not be offered (404 for {@link InstanceState#STOPPING},
   *     503 otherwise), or null when offered
   */
  public InstanceState dispatchTo(InstanceSlot slot, PendingRequest request, boolean failfast) {
    Instance instance;
    synchronized (this) {
      instance = config.scalingType() == ScalingType.BASIC && state == VersionState.STARTED
          ? slot.liveOrStart()
          : slot.current();
    }
    if (instance == null || instance.state() == InstanceState.STOPPED) {
      return InstanceState.STOPPED;
    }
    if (instance.state() == InstanceState.STOPPING) {
      return InstanceState.STOPPING;
    }
    instance.offer(request, failfast || config.failfast());
    return null;
  }

  /** Basic instances always may go; automatic ones only above min_idle_instances. */
  private synchronized boolean mayEvict(Instance instance) {
    if (!(config.scaling() instanceof ScalingConfig.Automatic auto)) {
      return true;
    }
    long serving = liveInstances().stream().filter(i -> i.state() == InstanceState.SERVING).count();
    return serving > auto.minIdleInstances();
  }

  void requeue(Instance from, List<PendingRequest> waiting, Rejection fallback) {
    for (PendingRequest request : waiting) {
      if (request.addressed() || !redispatch(from, request)) {
        from.admissionReject(request, fallback);
      }
    }
  }

  private boolean redispatch(Instance from, PendingRequest request) {
    Instance other;
    synchronized (this) {
      other = liveInstances().stream()
          .filter(i -> i != from && i.state() == InstanceState.SERVING)
          .min((a, b) -> Integer.compare(a.outstanding(), b.outstanding()))
          .orElse(null);
    }
    if (other == null) {
      return false;
    }
    other.offer(request, false);
    return true;
  }

  void instanceServing(Instance instance) {
    if (instance.slot() != null) {
      instance.slot().instanceServing();
    }
    if (config.scaling() instanceof ScalingConfig.Basic basic) {
      scheduleIdleCheck(instance, basic.idleTimeout());
    } else if (config.scalingType() == ScalingType.AUTOMATIC) {
      scheduleIdleCheck(instance, AUTOMATIC_IDLE_PERIOD);
    }
  }

  private void scheduleIdleCheck(Instance instance, Duration after) {
    idleTimers.put(instance, host.clock().schedule(after, () -> checkIdle(instance)));
  }

  private void checkIdle(Instance instance) {
    idleTimers.remove(instance);
    if (instance.state() != InstanceState.SERVING) {
      return;
    }
    Duration timeout = config.scaling() instanceof ScalingConfig.Basic basic
        ? basic.idleTimeout()
        : AUTOMATIC_IDLE_PERIOD;
    Duration idle = Duration.ofNanos(instance.idleNanos());
    if (idle.compareTo(timeout) >= 0 && mayEvict(instance)) {
      LOG.info("{} idle for {}, stopping", instance, idle);
      instance.stop(config.settings().shutdownGrace(), StopReason.IDLE);
    } else {
      boolean fullPeriod = idle.isZero() || idle.compareTo(timeout) >= 0;
      scheduleIdleCheck(instance, fullPeriod ? timeout : timeout.minus(idle));
    }
  }

  void instanceStopped(Instance instance, StopReason reason) {
    HostClock.Cancellable idle = idleTimers.remove(instance);
    if (idle != null) {
      idle.cancel();
    }
    automatic.remove(instance);
    if (instance.slot() != null) {
      instance.slot().instanceStopped(instance, reason);
    }
  }

  /**
   * Returns the instances that run now, in slot order.
   *
   * @return live instances: starting, serving or stopping
   */
  public List<Instance> liveInstances() {
    List<Instance> live = new ArrayList<>();
    for (InstanceSlot slot : slots) {
      Instance instance = slot.current();
      if (instance != null && instance.state() != InstanceState.STOPPED) {
        live.add(instance);
      }
    }
    for (Instance instance : automatic) {
      if (instance.state() != InstanceState.STOPPED) {
        live.add(instance);
      }
    }
    return live;
  }

  /**
   * Returns the slots of a manual or basic version.
   *
   * @return slots in id order; empty on automatic scaling
   */
  public List<InstanceSlot> slots() {
    return List.copyOf(slots);
  }

  /**
   * Finds a slot by instance id.
   *
   * @param instanceId such as {@code "0"}
   * @return the slot, or null
   */
  public InstanceSlot slot(String instanceId) {
    for (InstanceSlot slot : slots) {
      if (slot.id().equals(instanceId)) {
        return slot;
      }
    }
    return null;
  }

  /**
   * Finds a live automatic instance by id.
   *
   * @param instanceId the hexadecimal id
   * @return the instance, or null
   */
  public Instance automaticInstance(String instanceId) {
    for (Instance instance : automatic) {
      if (instance.id().equals(instanceId)) {
        return instance;
      }
    }
    return null;
  }

  /**
   * Returns the number of manual instances configured now.
   *
   * @return the slot count
   */
  public int numInstances() {
    return slots.size();
  }

  /**
   * Returns the version's own port.
   *
   * @return the port
   */
  public int port() {
    return listener.port();
  }

  /**
   * Returns the version's state.
   *
   * @return the state
   */
  public VersionState state() {
    return state;
  }

  /**
   * Returns the version's configuration.
   *
   * @return the configuration
   */
  public VersionConfig config() {
    return config;
  }

  ResidentSettings settings() {
    return config.settings();
  }

  DeploymentPlan plan() {
    return plan;
  }

  HostServices host() {
    return host;
  }

  ApplicationRuntime application() {
    return application;
  }

  void close() {
    for (InstanceSlot slot : slots) {
      slot.close();
    }
    if (listener != null) {
      listener.close();
    }
  }

  @Override
  public String toString() {
    return "version " + config.key() + " (" + config.scalingType().yamlName() + ", " + state + ")";
  }
}
