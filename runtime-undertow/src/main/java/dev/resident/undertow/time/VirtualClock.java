package dev.resident.undertow.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link HostClock} that moves only when told to. {@link #advance(Duration)} moves time forward and runs,
 * on the calling thread and in time order, every task that falls due on the way. Thread-safe.
 */
public final class VirtualClock implements HostClock {

  private final Instant origin;
  private final AtomicLong sequence = new AtomicLong();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long nanos;

  /** Creates a clock at 2000-01-01T00:00:00Z. */
  public VirtualClock() {
    this(Instant.parse("2000-01-01T00:00:00Z"));
  }

  /**
   * Creates a clock that starts at an instant.
   *
   * @param origin the wall-clock time at virtual time zero
   */
  public VirtualClock(Instant origin) {
    this.origin = origin;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant instant() {
    return origin.plusNanos(nanos);
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task scheduled =
        new Task(nanos + Math.max(0, delay.toNanos()), sequence.incrementAndGet(), task);
    tasks.add(scheduled);
    return () -> {
      synchronized (VirtualClock.this) {
        tasks.remove(scheduled);
      }
    };
  }

  /**
   * Moves time forward, running every task that falls due, each at its own time.
   *
   * @param amount how far to move, zero or more
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must be zero or more, found " + amount);
    }
    long target;
    synchronized (this) {
      target = nanos + amount.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.dueNanos > target) {
          nanos = Math.max(nanos, target);
          return;
        }
        tasks.poll();
        nanos = Math.max(nanos, next.dueNanos);
      }
      next.task.run();
    }
  }

  /** Runs the tasks due now without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /**
   * Returns how many tasks wait to run.
   *
   * @return pending tasks
   */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  /**
   * Returns the delays from now of the waiting tasks, soonest first; handy in test failure messages.
   *
   * @return delays of the waiting tasks
   */
  public synchronized List<Duration> pendingDelays() {
    List<Task> sorted = new ArrayList<>(tasks);
    sorted.sort(null);
    return sorted.stream().map(t -> Duration.ofNanos(t.dueNanos - nanos)).toList();
  }

  @Override
  public synchronized String toString() {
    return "virtual-clock(" + Duration.ofNanos(nanos) + ", " + tasks.size() + " tasks)";
  }

  private record Task(long dueNanos, long order, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
