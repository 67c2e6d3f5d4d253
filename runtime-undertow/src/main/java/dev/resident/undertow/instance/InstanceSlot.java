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
 */
public final class InstanceSlot {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceSlot.class);

  private final VersionRuntime version;
  private final String id;
  private final RestartBackoff backoff;
  private PortListeners.Listener listener;
  private Instance current;
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
   * Returns the instance that runs in the slot now.
   *
   * @return the instance, or null when none has run or the last one stopped
   */
  public synchronized Instance current() {
    return current;
  }

  /**
   * Returns the running instance, starting a new one when none runs and the slot may run one.
   *
   * @return the live instance, or null when none runs and none may start
   */
  synchronized Instance liveOrStart() {
    if (current != null && current.state() != InstanceState.STOPPED) {
      return current;
    }
    if (!wanted || version.state() != VersionState.STARTED || restart != null) {
      return null;
    }
    startNew();
    return current;
  }

  synchronized CompletableFuture<Void> startNew() {
    if (current != null && current.state() != InstanceState.STOPPED) {
      return CompletableFuture.completedFuture(null);
    }
    cancelRestart();
    current = new Instance(version, id, this, ++runs);
    return current.start();
  }

  synchronized CompletableFuture<Void> stop(StopReason reason) {
    cancelRestart();
    if (current == null) {
      return CompletableFuture.completedFuture(null);
    }
    return current.stop(version.config().settings().shutdownGrace(), reason);
  }

  void instanceServing() {
    synchronized (this) {
      backoff.reset();
    }
  }

  void instanceStopped(Instance instance, StopReason reason) {
    synchronized (this) {
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
        restart = version.host().clock().schedule(delay, this::restartNow);
      } else if (reason == StopReason.ADMIN) {
        startNew();
      }
    }
  }

  private void restartNow() {
    synchronized (this) {
      restart = null;
      if (!wanted || version.state() != VersionState.STARTED || !version.application().running()) {
        return;
      }
      startNew();
    }
  }

  synchronized void retire() {
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
