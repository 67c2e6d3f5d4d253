package dev.resident.undertow.instance;

import dev.resident.api.LifecycleManager;
import dev.resident.api.spi.LifecycleControl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The lifecycle of one instance as {@code LifecycleManager} sees it (R-API-1): per instance, never global. */
final class InstanceLifecycle implements LifecycleControl {

  private final Instance instance;
  private volatile LifecycleManager.ShutdownHook hook;
  private volatile boolean shuttingDown;
  private volatile long graceEndNanos;

  InstanceLifecycle(Instance instance) {
    this.instance = instance;
  }

  void stopping(long graceEndNanos) {
    this.graceEndNanos = graceEndNanos;
    this.shuttingDown = true;
  }

  LifecycleManager.ShutdownHook hook() {
    return hook;
  }

  @Override
  public boolean isShuttingDown() {
    return shuttingDown;
  }

  @Override
  public void setShutdownHook(LifecycleManager.ShutdownHook hook) {
    this.hook = hook;
  }

  @Override
  public void interruptAllRequests() {
    instance.interruptRequestThreads();
  }

  @Override
  public long getRemainingShutdownTime() {
    if (!shuttingDown) {
      return -1;
    }
    long left = graceEndNanos - instance.clock().nanoTime();
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(left));
  }

  @Override
  public void beginShutdown(long graceMillis) {
    instance.stop(Duration.ofMillis(graceMillis), StopReason.ADMIN);
  }

  @Override
  public String toString() {
    return "lifecycle(" + instance + (shuttingDown ? ", shutting down" : "") + ")";
  }
}
