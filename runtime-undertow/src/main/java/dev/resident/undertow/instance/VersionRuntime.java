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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running module version: its port, its instances (slots for manual and basic scaling, anonymous
 * instances for automatic), its state, and the choice of an instance for each request (R-REQ-4).
 *
 * <p>Every change of the version's state, its slots and its automatic instances runs on the version's
 * {@link SerialLane} (R-REL-2): the public operations enqueue a task and return a future, instance events
 * ({@code serving}, {@code stopped}) and timers (idle checks, restarts, scale-up checks) enqueue theirs, and
 * no lock is held across two lifecycle objects. The request path ({@link #dispatch}, {@link #dispatchTo})
 * reads the published state without a lock and hands anything that changes it (a basic instance to start,
 * an automatic instance to make) to the lane, so an I/O thread never waits on the lifecycle.
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
  private final SerialLane lane;
  /** Replaced, never changed in place, on the lane; read from any thread. */
  private volatile List<InstanceSlot> slots = List.of();
  /** Changed on the lane; read from any thread. */
  private final List<Instance> automatic = new CopyOnWriteArrayList<>();
  /** Written on the lane only. */
  private volatile VersionState state = VersionState.STOPPED;
  private final AtomicBoolean scaleCheckArmed = new AtomicBoolean();
  private PortListeners.Listener listener;
  /** Which of equally loaded instances is tried first; a race on it only changes that order. */
  private int turn;

  /**
   * A change that begins on the lane and ends later, such as a stop that waits for in-flight requests.
   *
   * @param begun completes once the lane has made the change (every instance concerned is stopping)
   * @param done completes once the change is complete (those instances stopped)
   */
  public record Change(CompletableFuture<Void> begun, CompletableFuture<Void> done) {}

  VersionRuntime(ApplicationRuntime application, VersionConfig config, DeploymentPlan plan) {
    this.application = application;
    this.config = config;
    this.plan = plan;
    this.host = application.host();
    this.lane = new SerialLane(config.key(), host.lifecycleExecutor());
  }

  /** Opens the version's port and those of its slots; before the host starts, on the starting thread. */
  void open() {
    listener = host.listeners().open(config.settings().port(), host.portHandlers().versionPort(this));
    int count = 0;
    if (config.scaling() instanceof ScalingConfig.Manual manual) {
      count = manual.instances();
    } else if (config.scaling() instanceof ScalingConfig.Basic basic) {
      count = basic.maxInstances();
    }
    List<InstanceSlot> opened = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (application.runsSlot(config, i)) {
        opened.add(openSlot(i));
      }
    }
    slots = List.copyOf(opened);
  }

  private InstanceSlot openSlot(int index) {
    InstanceSlot slot = new InstanceSlot(this, index);
    int base = config.settings().instancePorts();
    slot.open(base == 0 ? 0 : base + index);
    return slot;
  }

  /**
   * Starts the version: manual instances get their start requests, basic ones wait for requests,
   * automatic ones start to the minimum of idle instances. A started version starts nothing more.
   *
   * @return completes once every manual instance has been sent its start request
   */
  public CompletableFuture<Void> start() {
    return lane.submit(() -> {
      if (state == VersionState.STARTED) {
        return CompletableFuture.completedFuture(null);
      }
      state = VersionState.STARTED;
      LOG.info("version {} started", config.key());
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      if (config.scalingType() == ScalingType.MANUAL) {
        for (InstanceSlot slot : slots) {
          sent.add(slot.ensureRunning());
        }
      } else if (config.scaling() instanceof ScalingConfig.Automatic auto) {
        for (int i = 0; i < auto.minIdleInstances(); i++) {
          sent.add(spawnAutomatic().start());
        }
      }
      return allOf(sent);
    });
  }

  /**
   * Stops every instance of the version, each through the full shutdown sequence. A stopped version stops
   * nothing more, unless the host stops, which waits for every instance still stopping.
   *
   * @param reason why
   * @return the change: begun once every instance is stopping, done once every one has stopped
   */
  public Change stop(StopReason reason) {
    CompletableFuture<Void> begun = new CompletableFuture<>();
    CompletableFuture<Void> done = lane.submit(() -> {
      if (state == VersionState.STOPPED && reason != StopReason.HOST_STOPPED) {
        begun.complete(null);
        return CompletableFuture.completedFuture(null);
      }
      if (state == VersionState.STARTED) {
        LOG.info("version {} stopping ({})", config.key(), reason);
      }
      state = VersionState.STOPPED;
      List<CompletableFuture<Void>> stops = new ArrayList<>();
      for (InstanceSlot slot : slots) {
        stops.add(slot.stop(reason));
      }
      for (Instance instance : automatic) {
        stops.add(instance.stop(config.settings().shutdownGrace(), reason));
      }
      begun.complete(null);
      return allOf(stops);
    });
    done.whenComplete((ok, failure) -> {
      if (failure != null) {
        begun.completeExceptionally(failure);
      }
    });
    return new Change(begun, done);
  }

  /**
   * Changes the number of manual instances: new ones start (if the version is started), removed ones stop.
   *
   * @param count the new number, 1 to 200
   * @return the change: begun once new instances are starting and removed ones stopping; done once new
   *     instances have answered their start requests and removed ones have stopped
   * @throws ModulesException if the version is not manual or the count is out of range
   */
  public Change setNumInstances(int count) {
    if (config.scalingType() != ScalingType.MANUAL) {
      throw new ModulesException("setNumInstances needs manual scaling; " + config.key() + " uses "
          + config.scalingType().yamlName() + " scaling");
    }
    if (count < 1 || count > 200) {
      throw new ModulesException("The number of instances must be from 1 to 200, found " + count);
    }
    CompletableFuture<Void> begun = new CompletableFuture<>();
    CompletableFuture<Void> done = lane.submit(() -> {
      List<CompletableFuture<?>> changes = new ArrayList<>();
      List<InstanceSlot> next = new ArrayList<>(slots);
      for (int i = next.size(); i < count; i++) {
        InstanceSlot slot = openSlot(i);
        next.add(slot);
        if (state == VersionState.STARTED) {
          slot.startNew();
          changes.add(slot.current().started());
        }
      }
      List<InstanceSlot> removed = new ArrayList<>();
      while (next.size() > count) {
        removed.add(next.remove(next.size() - 1));
      }
      slots = List.copyOf(next);
      for (InstanceSlot slot : removed) {
        slot.retire();
        changes.add(slot.stop(StopReason.SCALED_DOWN).whenComplete((ignored, failure) -> slot.close()));
      }
      LOG.info("version {} set to {} instances", config.key(), count);
      begun.complete(null);
      return CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new));
    });
    done.whenComplete((ok, failure) -> {
      if (failure != null) {
        begun.completeExceptionally(failure);
      }
    });
    return new Change(begun, done);
  }

  /**
   * Chooses an instance for a request that did not name one, and offers the request to it. Never blocks:
   * when an instance must be started or made for it, the lane does that and offers the request then.
   *
   * @param request the request
   * @param failfast whether it must be admitted at once
   * @return false when no instance can take it (the version is stopped or has no live instance)
   */
  public boolean dispatch(PendingRequest request, boolean failfast) {
    if (state != VersionState.STARTED) {
      return false;
    }
    boolean fast = failfast || config.failfast();
    Instance instance = switch (config.scalingType()) {
      case MANUAL -> leastOutstanding(liveInstances());
      case BASIC -> chooseBasic(request, fast);
      case AUTOMATIC -> chooseAutomatic(request, fast);
    };
    if (instance != null) {
      instance.offer(request, fast);
      return true;
    }
    // Basic and automatic choices return null when they handed the request to the lane.
    return config.scalingType() != ScalingType.MANUAL;
  }

  /**
   * Basic scaling concentrates requests on the lowest-numbered instances: the first live one with a free
   * slot; else, when a slot is empty, the lane starts an instance there and offers the request (null is
   * returned: the request is handed over); else the least loaded live instance.
   */
  private Instance chooseBasic(PendingRequest request, boolean failfast) {
    List<InstanceSlot> all = slots;
    for (InstanceSlot slot : all) {
      Instance instance = slot.current();
      if (instance != null && instance.hasFreeSlot()) {
        return instance;
      }
    }
    Instance least = leastOutstanding(liveInstances());
    for (InstanceSlot slot : all) {
      if (slot.empty()) {
        lane.execute(() -> offerToBasic(request, failfast));
        return null;
      }
    }
    if (least == null) {
      lane.execute(() -> offerToBasic(request, failfast));
    }
    return least;
  }

  /** The lane's half of {@link #chooseBasic}: the same choice, now able to start an instance. */
  private void offerToBasic(PendingRequest request, boolean failfast) {
    Instance target = null;
    for (InstanceSlot slot : slots) {
      Instance instance = slot.current();
      if (instance != null && instance.hasFreeSlot()) {
        target = instance;
        break;
      }
    }
    for (int i = 0; target == null && i < slots.size(); i++) {
      InstanceSlot slot = slots.get(i);
      if (slot.empty()) {
        target = slot.liveOrStart();
      }
    }
    if (target == null) {
      target = leastOutstanding(liveInstances());
    }
    if (target == null) {
      request.refuse(Rejection.NOT_SERVING);
    } else {
      target.offer(request, failfast);
    }
  }

  /** On the lane: a request that named a basic instance that was not running. */
  private void offerToSlot(InstanceSlot slot, PendingRequest request, boolean failfast) {
    Instance instance = slot.liveOrStart();
    if (instance == null) {
      request.refuse(Rejection.NOT_SERVING);
    } else if (instance.state() == InstanceState.STOPPING) {
      request.refuse(Rejection.STOPPING);
    } else {
      instance.offer(request, failfast);
    }
  }

  private Instance chooseAutomatic(PendingRequest request, boolean failfast) {
    List<Instance> live = liveInstances();
    Instance best = leastOutstanding(live);
    if (best != null && best.hasFreeSlot()) {
      return best;
    }
    if (live.isEmpty()) {
      lane.execute(() -> {
        Instance target = leastOutstanding(liveInstances());
        if (target == null && state == VersionState.STARTED) {
          target = spawnAutomatic();
          target.start();
        }
        if (target == null) {
          request.refuse(Rejection.NOT_SERVING);
        } else {
          target.offer(request, failfast);
        }
      });
      return null;
    }
    armScaleCheck();
    return best;
  }

  /** When every instance is full, a new one is made if requests still wait after max_pending_latency. */
  private void armScaleCheck() {
    if (scaleCheckArmed.compareAndSet(false, true)) {
      Duration latency = ((ScalingConfig.Automatic) config.scaling()).maxPendingLatency();
      host.clock().schedule(latency, () -> lane.execute(this::scaleUpIfWaiting));
    }
  }

  private void scaleUpIfWaiting() {
    scaleCheckArmed.set(false);
    if (state != VersionState.STARTED) {
      return;
    }
    List<Instance> live = liveInstances();
    Instance busiest = live.stream().filter(i -> i.pending() > 0)
        .max((a, b) -> Integer.compare(a.pending(), b.pending())).orElse(null);
    if (busiest == null) {
      return;
    }
    if (live.size() >= ((ScalingConfig.Automatic) config.scaling()).maxInstances()) {
      armScaleCheck();
      return;
    }
    Instance spawned = spawnAutomatic();
    armScaleCheck();
    LOG.info("version {} adds {}: requests waited {}", config.key(), spawned,
        ((ScalingConfig.Automatic) config.scaling()).maxPendingLatency());
    spawned.start();
    for (PendingRequest request : busiest.takeMovable(spawned.maxConcurrent())) {
      spawned.offer(request, false);
    }
  }

  /** On the lane. */
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
   * Offers a request that named an instance to that instance only. Never blocks: a basic instance that must
   * start for it is started on the lane, which offers the request then.
   *
   * @param slot the instance's slot
   * @param request the request
   * @param failfast whether it must be admitted at once
   * @return the instance's state when it could not be offered (404 for {@link InstanceState#STOPPING},
   *     503 otherwise), or null when offered or handed to the lane
   */
  public InstanceState dispatchTo(InstanceSlot slot, PendingRequest request, boolean failfast) {
    boolean fast = failfast || config.failfast();
    if (slot.empty() && config.scalingType() == ScalingType.BASIC && state == VersionState.STARTED) {
      lane.execute(() -> offerToSlot(slot, request, fast));
      return null;
    }
    Instance instance = slot.current();
    if (instance == null || instance.state() == InstanceState.STOPPED) {
      return InstanceState.STOPPED;
    }
    if (instance.state() == InstanceState.STOPPING) {
      return InstanceState.STOPPING;
    }
    instance.offer(request, fast);
    return null;
  }

  /** Basic instances always may go; automatic ones only above min_idle_instances. On the lane. */
  private boolean mayEvict(Instance instance) {
    if (!(config.scaling() instanceof ScalingConfig.Automatic auto)) {
      return true;
    }
    long serving = liveInstances().stream().filter(i -> i.state() == InstanceState.SERVING).count();
    return serving > auto.minIdleInstances();
  }

  /**
   * Moves the requests a stopping instance held to other serving instances of the version; addressed ones,
   * and any that no instance can take, get {@code fallback}. Any thread; takes no lifecycle lock.
   */
  void requeue(Instance from, List<PendingRequest> waiting, Rejection fallback) {
    for (PendingRequest request : waiting) {
      if (request.addressed() || !redispatch(from, request)) {
        from.admissionReject(request, fallback);
      }
    }
  }

  /**
   * Offers an unaddressed request to the least loaded serving instance other than {@code from}.
   *
   * @return false when there is none
   */
  boolean redispatch(Instance from, PendingRequest request) {
    Instance other = null;
    for (Instance candidate : liveInstances()) {
      if (candidate != from && candidate.state() == InstanceState.SERVING
          && (other == null || candidate.outstanding() < other.outstanding())) {
        other = candidate;
      }
    }
    if (other == null) {
      return false;
    }
    other.offer(request, false);
    return true;
  }

  /** From any thread: the lane notes a serving instance (its slot's restart backoff starts again). */
  void instanceServing(Instance instance) {
    lane.execute(() -> {
      if (instance.slot() != null && instance.state() == InstanceState.SERVING) {
        instance.slot().instanceServing();
      }
    });
  }

  /**
   * Returns how long an instance of this version may be idle before it is stopped (R-LIFE-7).
   *
   * @return {@code idle_timeout} on basic scaling, {@link #AUTOMATIC_IDLE_PERIOD} on automatic, null on
   *     manual, whose instances stay
   */
  Duration idleTimeout() {
    if (config.scaling() instanceof ScalingConfig.Basic basic) {
      return basic.idleTimeout();
    }
    return config.scalingType() == ScalingType.AUTOMATIC ? AUTOMATIC_IDLE_PERIOD : null;
  }

  /**
   * Decides, on the lane, whether an instance whose idle timer fired goes: idle long enough and allowed
   * to (automatic keeps {@code min_idle_instances}), it stops; otherwise its timer is armed again for
   * the rest of the period.
   */
  void checkIdle(Instance instance) {
    if (instance.state() != InstanceState.SERVING) {
      return;
    }
    Duration timeout = idleTimeout();
    Duration idle = Duration.ofNanos(instance.idleNanos());
    if (idle.compareTo(timeout) >= 0 && mayEvict(instance)) {
      LOG.info("{} idle for {}, stopping", instance, idle);
      instance.stop(config.settings().shutdownGrace(), StopReason.IDLE);
    } else {
      boolean fullPeriod = idle.isZero() || idle.compareTo(timeout) >= 0;
      instance.armIdleCheck(fullPeriod ? timeout : timeout.minus(idle));
    }
  }

  /** From any thread: the lane forgets a stopped instance and lets its slot decide what follows. */
  void instanceStopped(Instance instance, StopReason reason) {
    lane.execute(() -> {
      automatic.remove(instance);
      if (instance.slot() != null) {
        instance.slot().instanceStopped(instance, reason);
      }
    });
  }

  private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
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
    return slots;
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

  SerialLane lane() {
    return lane;
  }

  /**
   * Tells whether the calling thread runs code of an instance of this version.
   *
   * @param instance the caller's instance, or null
   * @return true when {@code instance} belongs to this version
   */
  boolean owns(Instance instance) {
    return instance != null && instance.versionRuntime() == this;
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
