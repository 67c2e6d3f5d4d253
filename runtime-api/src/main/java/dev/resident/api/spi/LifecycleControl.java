package dev.resident.api.spi;

import dev.resident.api.LifecycleManager;

/** The lifecycle of one instance, behind {@link LifecycleManager}. Implemented by hosts. */
public interface LifecycleControl {

  /**
   * Tells whether the instance is stopping.
   *
   * @return true from the moment the instance starts stopping
   */
  boolean isShuttingDown();

  /**
   * Sets or replaces the instance's shutdown hook.
   *
   * @param hook the hook, or null for none
   */
  void setShutdownHook(LifecycleManager.ShutdownHook hook);

  /** Interrupts every request thread of the instance. */
  void interruptAllRequests();

  /**
   * Returns the time left in the shutdown grace.
   *
   * @return milliseconds left while stopping, -1 otherwise
   */
  long getRemainingShutdownTime();

  /**
   * Starts the shutdown of the instance.
   *
   * @param graceMillis the grace for in-flight requests and the hook, zero or more
   */
  void beginShutdown(long graceMillis);
}
