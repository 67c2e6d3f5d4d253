package dev.resident.undertow.admission;

import dev.resident.undertow.time.HostClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The slots and pending queue of one instance (R-REQ-1..3).
 *
 * <p>While closed for admission (the instance is starting) every request waits. Timeouts cost no task per
 * request: one sweep per queue is scheduled at the deadline of the oldest waiting request. Callbacks run
 * outside the queue's lock.
 */
public final class AdmissionQueue {

  private final int maxConcurrent;
  private final int maxPending;
  private final Duration pendingTimeout;
  private final HostClock clock;
  private final ArrayDeque<PendingRequest> waiting = new ArrayDeque<>();
  private final Map<Rejection, LongAdder> rejections = new EnumMap<>(Rejection.class);

  private int active;
  private boolean open;
  private boolean closed;
  private HostClock.Cancellable sweep;
  private long sweepAtNanos;

  /**
   * Creates a queue that admits nothing until {@link #open()}.
   *
   * @param maxConcurrent slots, one or more
   * @param maxPending waiting requests at most, zero or more
   * @param pendingTimeout how long a request may wait
   * @param clock the host's clock
   */
  public AdmissionQueue(int maxConcurrent, int maxPending, Duration pendingTimeout, HostClock clock) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be 1 or more, found " + maxConcurrent);
    }
    if (maxPending < 0) {
      throw new IllegalArgumentException("maxPending must be 0 or more, found " + maxPending);
    }
    this.maxConcurrent = maxConcurrent;
    this.maxPending = maxPending;
    this.pendingTimeout = pendingTimeout;
    this.clock = clock;
    for (Rejection rejection : Rejection.values()) {
      if (rejection.byInstance()) {
        rejections.put(rejection, new LongAdder());
      }
    }
  }

  /**
   * Asks for a slot: the request is admitted at once, queued, or rejected, through its callbacks. A request
   * that has already ended (cancelled while it moved from another instance) is ignored.
   *
   * @param request the request
   * @param failfast whether to reject at once instead of queueing
   */
  public void offer(PendingRequest request, boolean failfast) {
    if (!offerUnlessClosed(request, failfast)) {
      reject(request, Rejection.STOPPING);
    }
  }

  /**
   * Asks for a slot as {@link #offer} does, unless admission is closed: then the request is left as it is,
   * for the caller to offer elsewhere.
   *
   * @param request the request
   * @param failfast whether to reject rather than queue
   * @return false when admission is closed and nothing was done
   */
  public boolean offerUnlessClosed(PendingRequest request, boolean failfast) {
    Rejection rejection = null;
    boolean admitted = false;
    synchronized (this) {
      if (closed) {
        return false;
      }
      request.queue(this);
      if (!request.waiting()) {
        return true;
      }
      if (open && active < maxConcurrent && waiting.isEmpty()) {
        active++;
        admitted = true;
      } else if (failfast) {
        rejection = Rejection.FAILFAST;
      } else if (waiting.size() >= maxPending) {
        rejection = Rejection.QUEUE_FULL;
      } else {
        request.startPendingTimeout(clock.nanoTime(), pendingTimeout.toNanos());
        enqueue(request);
        scheduleSweep();
      }
    }
    if (admitted) {
      if (request.finish()) {
        request.onAdmitted();
      } else {
        release();
      }
    } else if (rejection != null) {
      reject(request, rejection);
    }
    return true;
  }

  /**
   * Queues a request in deadline order, which is arrival order: at the tail, unless it arrived before
   * requests already waiting here (it moved from another instance), then before them.
   */
  private void enqueue(PendingRequest request) {
    PendingRequest last = waiting.peekLast();
    if (last == null || last.deadlineNanos() - request.deadlineNanos() <= 0) {
      waiting.addLast(request);
      return;
    }
    ArrayDeque<PendingRequest> later = new ArrayDeque<>();
    while (!waiting.isEmpty() && waiting.peekLast().deadlineNanos() - request.deadlineNanos() > 0) {
      later.addFirst(waiting.pollLast());
    }
    waiting.addLast(request);
    waiting.addAll(later);
  }

  /** Gives back a slot taken by an admitted request, and admits the next waiting one. */
  public void release() {
    synchronized (this) {
      if (active <= 0) {
        throw new IllegalStateException("release() without an admitted request");
      }
      active--;
    }
    admitWaiting();
  }

  /** Opens admission: the instance serves. Waiting requests are admitted as slots allow. */
  public void open() {
    synchronized (this) {
      if (closed) {
        return;
      }
      open = true;
    }
    admitWaiting();
  }

  /**
   * Closes admission for good: later offers are rejected as {@link Rejection#STOPPING}.
   *
   * @return the requests that were waiting, still waiting, for the caller to move or reject
   */
  public List<PendingRequest> close() {
    List<PendingRequest> drained;
    synchronized (this) {
      closed = true;
      open = false;
      drained = new ArrayList<>(waiting);
      waiting.clear();
      cancelSweep();
    }
    return drained;
  }

  /**
   * Takes up to {@code max} of the oldest waiting requests that did not name their instance, still
   * waiting, so that the caller can offer them to another instance.
   *
   * @param max how many at most
   * @return the requests taken, oldest first
   */
  public List<PendingRequest> takeMovable(int max) {
    List<PendingRequest> taken = new ArrayList<>();
    synchronized (this) {
      java.util.Iterator<PendingRequest> waiters = waiting.iterator();
      while (waiters.hasNext() && taken.size() < max) {
        PendingRequest request = waiters.next();
        if (!request.addressed()) {
          waiters.remove();
          taken.add(request);
        }
      }
      scheduleSweep();
    }
    return taken;
  }

  /** Forgets a cancelled request, called by {@link PendingRequest#cancel()} once the request has ended. */
  void removeCancelled(PendingRequest request) {
    synchronized (this) {
      if (waiting.remove(request) && waiting.isEmpty()) {
        cancelSweep();
      }
    }
  }

  /**
   * Returns the requests holding a slot.
   *
   * @return admitted requests not yet released
   */
  public synchronized int active() {
    return active;
  }

  /**
   * Returns the requests waiting.
   *
   * @return the pending queue's length
   */
  public synchronized int pending() {
    return waiting.size();
  }

  /**
   * Returns the requests holding a slot and those waiting, read together.
   *
   * @return {@link #active()} plus {@link #pending()}
   */
  public synchronized int outstanding() {
    return active + waiting.size();
  }

  /**
   * Tells whether a request offered now would be admitted at once.
   *
   * @return true when open with a free slot and nobody waiting
   */
  public synchronized boolean hasFreeSlot() {
    return open && !closed && active < maxConcurrent && waiting.isEmpty();
  }

  /**
   * Returns the slots.
   *
   * @return {@code max_concurrent_requests}
   */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /**
   * Returns how many requests were rejected, by reason.
   *
   * @return counts by reason, every reason present
   */
  public Map<Rejection, Long> rejections() {
    Map<Rejection, Long> counts = new EnumMap<>(Rejection.class);
    rejections.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }

  /**
   * Returns how many requests were rejected for one reason; reads a counter, allocates nothing.
   *
   * @param rejection the reason
   * @return the count
   */
  public long rejected(Rejection rejection) {
    LongAdder count = rejections.get(rejection);
    return count == null ? 0 : count.sum();
  }

  /**
   * Turns a request away and counts it; for requests this queue never held too (moved from a stopping
   * instance with nowhere to go).
   *
   * @param request the request
   * @param rejection why
   */
  public void reject(PendingRequest request, Rejection rejection) {
    if (request.finish()) {
      LongAdder count = rejections.get(rejection);
      if (count != null) {
        count.increment();
      }
      request.onRejected(rejection);
    }
  }

  private void admitWaiting() {
    while (true) {
      PendingRequest next;
      synchronized (this) {
        if (!open || closed || active >= maxConcurrent) {
          return;
        }
        next = waiting.pollFirst();
        if (next == null) {
          cancelSweep();
          return;
        }
        active++;
      }
      if (next.finish()) {
        next.onAdmitted();
      } else {
        synchronized (this) {
          active--;
        }
      }
    }
  }

  private void sweepExpired() {
    List<PendingRequest> expired = new ArrayList<>();
    synchronized (this) {
      sweep = null;
      long now = clock.nanoTime();
      while (!waiting.isEmpty() && waiting.peekFirst().deadlineNanos() - now <= 0) {
        expired.add(waiting.pollFirst());
      }
      scheduleSweep();
    }
    for (PendingRequest request : expired) {
      reject(request, Rejection.PENDING_TIMEOUT);
    }
  }

  private void scheduleSweep() {
    PendingRequest head = waiting.peekFirst();
    if (head == null) {
      cancelSweep();
      return;
    }
    if (sweep != null && sweepAtNanos - head.deadlineNanos() <= 0) {
      return;
    }
    cancelSweep();
    sweepAtNanos = head.deadlineNanos();
    sweep = clock.schedule(Duration.ofNanos(sweepAtNanos - clock.nanoTime()), this::sweepExpired);
  }

  private void cancelSweep() {
    if (sweep != null) {
      sweep.cancel();
      sweep = null;
    }
  }

  @Override
  public String toString() {
    return "admission(" + maxConcurrent + " slots, " + maxPending + " pending, " + pendingTimeout + ")";
  }
}
