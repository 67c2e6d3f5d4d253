package dev.resident.undertow.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock and scheduler of a host. Tasks must be short and must not block: they hand real work to
 * the host's threads.
 */
public interface HostClock {

  /**
   * Returns a monotonic time, for measuring intervals.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Returns the wall-clock time.
   *
   * @return the current instant
   */
  Instant instant();

  /**
   * Runs a task once after a delay.
   *
   * @param delay how long from now; zero or negative runs it as soon as possible
   * @param task the task
   * @return a handle that cancels the task if it has not run
   */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * Returns a clock on the system's time, with one daemon timer thread, for a host that owns it.
   *
   * @return a new system clock; {@link SystemClock#close()} stops its timer
   */
  static SystemClock system() {
    return new SystemClock();
  }

  /** A scheduled task that can still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not run yet; does nothing otherwise. */
    void cancel();
  }
}
