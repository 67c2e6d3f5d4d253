package dev.resident.api;

import dev.resident.api.spi.RuntimeBinding;

/**
 * The lifecycle of the current instance: whether it is shutting down, and the hook it runs when it does.
 *
 * <p>State is per instance, never global: code of instance 0 and code of instance 1 of one version each see
 * their own shutdown state and hook, even in one JVM.
 *
 * <p>Unlike App Engine, {@link #getRemainingShutdownTime()} gives the real time left in the shutdown grace.
 */
public final class LifecycleManager {

  private static final LifecycleManager INSTANCE = new LifecycleManager();

  private LifecycleManager() {}

  /**
   * Returns the lifecycle manager. It answers for whichever instance the calling thread belongs to.
   *
   * @return the lifecycle manager
   */
  public static LifecycleManager getInstance() {
    return INSTANCE;
  }

  /**
   * Tells whether the current instance is shutting down.
   *
   * @return true from the moment the instance starts stopping
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public boolean isShuttingDown() {
    return RuntimeBinding.require("LifecycleManager.isShuttingDown()", true).lifecycle().isShuttingDown();
  }

  /**
   * Sets the hook that runs once when the current instance shuts down. A later call replaces the hook.
   *
   * @param hook the hook, or null to remove it
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public void setShutdownHook(ShutdownHook hook) {
    RuntimeBinding.require("LifecycleManager.setShutdownHook()", true).lifecycle().setShutdownHook(hook);
  }

  /**
   * Interrupts every request thread of the current instance, the calling thread included.
   *
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public void interruptAllRequests() {
    RuntimeBinding.require("LifecycleManager.interruptAllRequests()", true).lifecycle().interruptAllRequests();
  }

  /**
   * Returns the time left in the shutdown grace of the current instance.
   *
   * @return milliseconds until in-flight requests and background threads are interrupted, while the
   *     instance is stopping; -1 when it is not stopping
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public long getRemainingShutdownTime() {
    return RuntimeBinding.require("LifecycleManager.getRemainingShutdownTime()", true)
        .lifecycle()
        .getRemainingShutdownTime();
  }

  /**
   * Starts the shutdown of the current instance, as an administrator's shutdown would.
   *
   * @param graceMillis how long in-flight requests and the hook may run before they are interrupted
   * @throws IllegalArgumentException if {@code graceMillis} is negative
   * @throws IllegalStateException if the calling thread belongs to no Resident instance
   * @throws DeadlineExceededException if the current request is past its deadline
   */
  public void beginShutdown(long graceMillis) {
    if (graceMillis < 0) {
      throw new IllegalArgumentException("graceMillis must be zero or more, found " + graceMillis);
    }
    RuntimeBinding.require("LifecycleManager.beginShutdown()", true).lifecycle().beginShutdown(graceMillis);
  }

  /** Code that runs once when an instance shuts down, for example to checkpoint its state. */
  @FunctionalInterface
  public interface ShutdownHook {
    /**
     * Runs the hook. It has the shutdown grace (30 seconds by default) to finish; it runs on a thread of the
     * instance, so the Resident API answers for that instance.
     */
    void shutdown();
  }
}
