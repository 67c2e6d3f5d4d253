package dev.resident.undertow.instance;

import dev.resident.undertow.config.ScalingType;
import dev.resident.undertow.listen.PortListeners;
import dev.resident.undertow.time.HostClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The place of one manual or basic instance id: its own port, kept across restarts (R-HOST-3), the instance
 * that runs there now, and the restart of a failed manual instance with backoff (R-LIFE-2).
 *
 * <p>Everything but {@link #current()} and {@link #port()} runs on its version's {@link SerialLane}: a slot
 * has no lock. {@link #current()} may be read from any thread.
 */
public final class InstanceSlot {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceSlot.class);

  private final VersionRuntime version;
  private final String id;
  private final RestartBackoff backoff;
  private PortListeners.Listener listener;
  /** Written on the lane only. */
  private volatile Instance current;
  private int runs;
  private boolean wanted = true;
  private HostClock.Cancellable restart;

  InstanceSlot(VersionRuntime version, int index) {
    this.version = version;
    this.id = Integer.toString(index);
    this.backoff = new RestartBackoff(version.config().settings().startRetryBackoff());
  }

  void open(int port) {
    listener = version.host().listeners().open(port, version.host().portHandlers().instancePort(this));
  }

  /**
   * Returns the slot's port.
   *
   * @return the port its instance answers on
   */
  public int port() {
    return listener.port();
  }

  /**
   * Returns the instance id.
   *
   * @return {@code "0"}, {@code "1"}, …
   */
  public String id() {
    return id;
  }

  /**
   * Returns the version.
   *
   * @return the version the slot belongs to
   */
  public VersionRuntime version() {
    return version;
  }

  /**
   * Returns the instance that runs in the slot now; safe from any thread.
   *
   * @return the instance, or null when none has run yet
   */
  public Instance current() {
    return current;
  }

  /**
   * Tells whether the slot runs no instance now, so that a request for it needs one started.
   *
   * @return true when no instance runs, or the last one stopped
   */
  boolean empty() {
    Instance instance = current;
    return instance == null || instance.state() == InstanceState.STOPPED;
  }

  /**
   * Returns the running instance, starting a new one when none runs and the slot may run one. On the lane.
   *
   * @return the live instance, or null when none runs and none may start
   */
  Instance liveOrStart() {
    if (!empty()) {
      return current;
    }
    if (!wanted || version.state() != VersionState.STARTED || restart != null) {
      return null;
    }
    startNew();
    return current;
  }

  /**
   * Makes sure an instance runs or will run, for a version that has just started. On the lane. An instance
   * still stopping from an earlier stop is replaced once it has stopped (R-LIFE-6).
   *
   * @return completes once a new instance has been sent its start request, at once when none was needed
   */
  CompletableFuture<Void> ensureRunning() {
    return empty() ? startNew() : CompletableFuture.completedFuture(null);
  }

  /** Starts a new run in the slot. On the lane. */
  CompletableFuture<Void> startNew() {
    cancelRestart();
    Instance instance = new Instance(version, id, this, ++runs);
    current = instance;
    return instance.start();
  }

  /** Stops the slot's instance, if it runs. On the lane. */
  CompletableFuture<Void> stop(StopReason reason) {
    cancelRestart();
    Instance instance = current;
    if (instance == null) {
      return CompletableFuture.completedFuture(null);
    }
    return instance.stop(version.config().settings().shutdownGrace(), reason);
  }

  /** On the lane. */
  void instanceServing() {
    backoff.reset();
  }

  /**
   * Decides what follows a stopped instance, on the lane: a manual slot of a started version always gets a
   * new run, after a backoff when the start failed (R-LIFE-2), at once otherwise (an admin shutdown, or a
   * version started again while this instance was stopping).
   */
  void instanceStopped(Instance instance, StopReason reason) {
    if (instance != current) {
      return;
    }
    boolean manual = version.config().scalingType() == ScalingType.MANUAL;
    if (!manual || !wanted || version.state() != VersionState.STARTED || !version.application().running()) {
      return;
    }
    if (reason == StopReason.START_FAILED) {
      Duration delay = backoff.nextDelay();
      LOG.info("{}/{} restarts in {}", version.config().key(), id, delay);
      restart = version.host().clock().schedule(delay, () -> version.lane().execute(this::restartNow));
    } else {
      startNew();
    }
  }

  private void restartNow() {
    restart = null;
    if (!wanted || version.state() != VersionState.STARTED || !version.application().running() || !empty()) {
      return;
    }
    startNew();
  }

  /** Takes the slot out of service for good (a lower instance count). On the lane. */
  void retire() {
    wanted = false;
    cancelRestart();
  }

  void close() {
    if (listener != null) {
      listener.close();
    }
  }

  private void cancelRestart() {
    if (restart != null) {
      restart.cancel();
      restart = null;
    }
  }

  @Override
  public String toString() {
    return "slot " + version.config().key() + "/" + id;
  }
}
