package dev.resident.undertow.deadline;

import dev.resident.undertow.time.HostClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every pending deadline of a host, in lanes: one lane per delay (a request deadline, a task deadline, a
 * grace). Deadlines set with the same delay fall due in about the order they were set, so a lane is a list
 * sorted by time into which a new deadline is linked from the tail, almost always as the new tail. Setting
 * and cancelling a deadline is a link and an unlink under its lane's lock; the host's clock has one task per
 * lane, for the lane's earliest deadline, and it is moved only when a new deadline comes before it.
 */
public final class DeadlineTimer {

  private final HostClock clock;
  private final ConcurrentHashMap<Duration, Lane> lanes = new ConcurrentHashMap<>();

  /**
   * @param clock the host's clock
   */
  public DeadlineTimer(HostClock clock) {
    this.clock = clock;
  }

  /**
   * Returns the lane of the deadlines set about {@code delay} ahead; the same lane for the same delay.
   *
   * @param delay how far ahead the lane's deadlines are set, as a rule
   * @return the lane
   */
  public Lane lane(Duration delay) {
    return lanes.computeIfAbsent(delay, Lane::new);
  }

  /**
   * Returns how many deadlines wait, in every lane.
   *
   * @return pending entries
   */
  public int pending() {
    int pending = 0;
    for (Lane lane : lanes.values()) {
      pending += lane.pending();
    }
    return pending;
  }

  @Override
  public String toString() {
    return "deadline-timer(" + pending() + " pending in " + lanes.size() + " lanes)";
  }

  /** The deadlines set with one delay, earliest first. */
  public final class Lane {
    private final Duration delay;
    /** Earliest entry. Guarded by this, as are every entry's links. */
    private Entry head;
    private Entry tail;
    private int size;
    private HostClock.Cancellable scheduled;
    private long scheduledAtNanos;

    private Lane(Duration delay) {
      this.delay = delay;
    }

    /**
     * Runs an action {@code delay} from now, unless cancelled first.
     *
     * @param action what to run; it runs on the clock's thread and must not block
     * @return the entry, to cancel
     */
    public Entry start(Runnable action) {
      return at(clock.nanoTime() + delay.toNanos(), action);
    }

    /**
     * Runs an action at a time of the host's clock, unless cancelled first. The time should be about
     * {@code delay} from now; any time works, a far different one costs a walk along the lane.
     *
     * @param atNanos when, in {@link HostClock#nanoTime()} terms
     * @param action what to run; it runs on the clock's thread and must not block
     * @return the entry, to cancel
     */
    public Entry at(long atNanos, Runnable action) {
      Entry entry = new Entry(this, atNanos, action);
      synchronized (this) {
        link(entry);
        arm();
      }
      return entry;
    }

    /** Links an entry after the last entry due no later than it, looking from the tail. */
    private void link(Entry entry) {
      Entry before = tail;
      while (before != null && before.atNanos - entry.atNanos > 0) {
        before = before.previous;
      }
      entry.previous = before;
      entry.next = before == null ? head : before.next;
      if (entry.next == null) {
        tail = entry;
      } else {
        entry.next.previous = entry;
      }
      if (before == null) {
        head = entry;
      } else {
        before.next = entry;
      }
      entry.linked = true;
      size++;
    }

    private synchronized void cancel(Entry entry) {
      if (entry.linked) {
        unlink(entry);
      }
    }

    private void unlink(Entry entry) {
      if (entry.previous == null) {
        head = entry.next;
      } else {
        entry.previous.next = entry.next;
      }
      if (entry.next == null) {
        tail = entry.previous;
      } else {
        entry.next.previous = entry.previous;
      }
      entry.previous = null;
      entry.next = null;
      entry.linked = false;
      size--;
    }

    /** Schedules the clock task for the head, unless one is due no later. Needs the lane's lock. */
    private void arm() {
      if (head == null || (scheduled != null && scheduledAtNanos - head.atNanos <= 0)) {
        return;
      }
      if (scheduled != null) {
        scheduled.cancel();
      }
      scheduledAtNanos = head.atNanos;
      scheduled = clock.schedule(Duration.ofNanos(Math.max(0, head.atNanos - clock.nanoTime())), this::fire);
    }

    private void fire() {
      List<Runnable> due = new ArrayList<>();
      synchronized (this) {
        scheduled = null;
        long now = clock.nanoTime();
        while (head != null && head.atNanos - now <= 0) {
          due.add(head.action);
          unlink(head);
        }
        arm();
      }
      for (Runnable action : due) {
        action.run();
      }
    }

    synchronized int pending() {
      return size;
    }

    @Override
    public synchronized String toString() {
      return "deadline-lane(" + delay + ", " + size + " pending)";
    }
  }

  /** One deadline. */
  public static final class Entry {
    private final Lane lane;
    private final long atNanos;
    private final Runnable action;
    private Entry previous;
    private Entry next;
    private boolean linked;

    private Entry(Lane lane, long atNanos, Runnable action) {
      this.lane = lane;
      this.atNanos = atNanos;
      this.action = action;
    }

    /** Cancels the deadline; does nothing if it has run or was cancelled. */
    public void cancel() {
      lane.cancel(this);
    }
  }
}
