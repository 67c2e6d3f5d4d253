package dev.resident.undertow.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link HostClock} on {@link System#nanoTime()} and one daemon timer thread. */
public final class SystemClock implements HostClock, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SystemClock.class);
  private static final AtomicInteger TIMERS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor timer;

  SystemClock() {
    timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "resident-timer-" + TIMERS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Runnable guarded = () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("Timed task {} failed", task, e);
      }
    };
    if (timer.isShutdown()) {
      return () -> {};
    }
    ScheduledFuture<?> future =
        timer.schedule(guarded, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  /** Stops the timer thread; tasks not yet run never run. */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "system-clock";
  }
}
