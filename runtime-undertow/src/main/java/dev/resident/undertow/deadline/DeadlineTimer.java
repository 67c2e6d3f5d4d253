package dev.resident.undertow.deadline;

import dev.resident.undertow.time.HostClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every pending deadline of a host in one queue, with one task scheduled on the host's clock for the
 * earliest; a request costs a queue insertion and removal, not a scheduled task of its own.
 */
public final class DeadlineTimer {

  private final HostClock clock;
  private final PriorityQueue<Entry> entries = new PriorityQueue<>();
  private final AtomicLong order = new AtomicLong();
  private HostClock.Cancellable scheduled;
  private long scheduledAtNanos;

  /**
   * @param clock the host's clock
   */
  public DeadlineTimer(HostClock clock) {
    this.clock = clock;
  }

  /**
   * Runs an action at a time of the host's clock, unless cancelled first.
   *
   * @param atNanos when, in {@link HostClock#nanoTime()} terms
   * @param action what to run; it runs on the clock's thread and must not block
   * @return the entry, to cancel
   */
  public Entry at(long atNanos, Runnable action) {
    Entry entry = new Entry(atNanos, order.incrementAndGet(), action);
    synchronized (this) {
      entries.add(entry);
      arm();
    }
    return entry;
  }

  /**
   * Cancels an entry; does nothing if it has run or was cancelled.
   *
   * @param entry the entry
   */
  public void cancel(Entry entry) {
    synchronized (this) {
      entries.remove(entry);
    }
  }

  /**
   * Returns the time of the host's clock.
   *
   * @return nanoseconds, as {@link HostClock#nanoTime()}
   */
  public long now() {
    return clock.nanoTime();
  }

  /**
   * Returns how many deadlines wait.
   *
   * @return pending entries
   */
  public synchronized int pending() {
    return entries.size();
  }

  private void fire() {
    List<Entry> due = new ArrayList<>();
    synchronized (this) {
      scheduled = null;
      long now = clock.nanoTime();
      while (!entries.isEmpty() && entries.peek().atNanos - now <= 0) {
        due.add(entries.poll());
      }
      arm();
    }
    for (Entry entry : due) {
      entry.action.run();
    }
  }

  private void arm() {
    Entry first = entries.peek();
    if (first == null) {
      return;
    }
    if (scheduled != null && scheduledAtNanos - first.atNanos <= 0) {
      return;
    }
    if (scheduled != null) {
      scheduled.cancel();
    }
    scheduledAtNanos = first.atNanos;
    scheduled = clock.schedule(Duration.ofNanos(first.atNanos - clock.nanoTime()), this::fire);
  }

  @Override
  public String toString() {
    return "deadline-timer(" + pending() + " pending)";
  }

  /** One deadline. */
  public static final class Entry implements Comparable<Entry> {
    private final long atNanos;
    private final long order;
    private final Runnable action;

    private Entry(long atNanos, long order, Runnable action) {
      this.atNanos = atNanos;
      this.order = order;
      this.action = action;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(atNanos, other.atNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
