package dev.resident.examples.backends;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A wait that a shutdown hook can cut short. The demo's loops wait here between two pieces of work instead
 * of sleeping, so that an instance that is told to shut down stops waiting at once.
 */
final class Pause {

  private final CountDownLatch woken = new CountDownLatch(1);

  /**
   * Waits until the time has passed or {@link #wake()} was called, whichever comes first.
   *
   * @param duration how long to wait at most
   * @return true when woken, false when the time passed
   * @throws InterruptedException if the thread is interrupted, as Resident does at the end of the grace
   */
  boolean await(Duration duration) throws InterruptedException {
    return woken.await(duration.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Ends the current wait and every later one. */
  void wake() {
    woken.countDown();
  }
}
