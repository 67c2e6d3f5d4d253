package dev.resident.undertow.admission;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request that asks for a slot. It ends in exactly one of: admitted, rejected or cancelled (the client
 * went away); whichever comes first wins, and the others do nothing.
 */
public abstract class PendingRequest {

  private static final int WAITING = 0;
  private static final int DONE = 1;

  private final AtomicInteger state = new AtomicInteger(WAITING);
  private final boolean addressed;
  private final long arrivalNanos;
  private final boolean timed;
  private boolean deadlineSet;
  private long deadlineNanos;
  private volatile Object owner;
  private volatile AdmissionQueue queue;

  /**
   * Creates a pending request.
   *
   * @param addressed whether the request named its instance, so it may not move to another one
   */
  protected PendingRequest(boolean addressed) {
    this.addressed = addressed;
    this.arrivalNanos = 0;
    this.timed = false;
  }

  /**
   * Creates a pending request whose pending timeout counts from its arrival, also when it moves to another
   * instance (R-REQ-2).
   *
   * @param addressed whether the request named its instance, so it may not move to another one
   * @param arrivalNanos when it arrived, in host clock nanoseconds
   */
  protected PendingRequest(boolean addressed, long arrivalNanos) {
    this.addressed = addressed;
    this.arrivalNanos = arrivalNanos;
    this.timed = true;
  }

  /**
   * Tells whether the request named its instance.
   *
   * @return true when it may not be moved to another instance
   */
  public final boolean addressed() {
    return addressed;
  }

  /**
   * Tells whether the request still waits for an outcome.
   *
   * @return true until admitted, rejected or cancelled
   */
  public final boolean waiting() {
    return state.get() == WAITING;
  }

  /**
   * Returns what the request was last offered to, as set with {@link #owner(Object)}.
   *
   * @return the owner, or null
   */
  public final Object owner() {
    return owner;
  }

  /**
   * Notes what the request is offered to, such as an instance, so that its callbacks know where they run.
   *
   * @param owner the owner
   */
  public final void owner(Object owner) {
    this.owner = owner;
  }

  /**
   * Ends the request because its client went away, and takes it out of the queue it waits in. Does nothing
   * if it has been admitted or rejected already.
   *
   * @return true when this call ended the request: no callback will run
   */
  public final boolean cancel() {
    if (!finish()) {
      return false;
    }
    // Read after finish(): an offer that saw the request still waiting had named its queue before.
    AdmissionQueue holder = queue;
    if (holder != null) {
      holder.removeCancelled(this);
    }
    return true;
  }

  /**
   * Turns the request away without any queue, when no instance could be found for it. Does nothing if it
   * has ended already.
   *
   * @param rejection why
   */
  public final void refuse(Rejection rejection) {
    if (finish()) {
      onRejected(rejection);
    }
  }

  final void queue(AdmissionQueue queue) {
    this.queue = queue;
  }

  final long deadlineNanos() {
    return deadlineNanos;
  }

  /**
   * Fixes the pending deadline the first time the request is queued: its arrival, or now when it has none,
   * plus the timeout. A request moved to another queue keeps it. Under the queue's lock.
   */
  final void startPendingTimeout(long nowNanos, long timeoutNanos) {
    if (deadlineSet) {
      return;
    }
    deadlineSet = true;
    deadlineNanos = (timed ? arrivalNanos : nowNanos) + timeoutNanos;
  }

  final boolean finish() {
    return state.compareAndSet(WAITING, DONE);
  }

  /** Runs the request: it holds a slot until it calls {@link AdmissionQueue#release()}. */
  protected abstract void onAdmitted();

  /**
   * Turns the request away.
   *
   * @param rejection why
   */
  protected abstract void onRejected(Rejection rejection);
}
