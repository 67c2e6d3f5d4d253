package dev.resident.undertow.instance;

import java.util.concurrent.atomic.LongAdder;

/**
 * Per-request counters of one instance that metrics read (R-OPS-3): requests and their time by outcome,
 * and the time admitted requests waited in the pending queue. Updating them allocates nothing once warm
 * (a {@link LongAdder} grows its cells once, under contention).
 */
public final class RequestCounters {

  private final LongAdder[] counts = adders(RequestOutcome.values().length);
  private final LongAdder[] nanos = adders(RequestOutcome.values().length);
  private final LongAdder waits = new LongAdder();
  private final LongAdder waitNanos = new LongAdder();

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  /**
   * Counts a finished request.
   *
   * @param status its HTTP status
   * @param latencyNanos its time from arrival to the end of its response
   */
  public void finished(int status, long latencyNanos) {
    int outcome = RequestOutcome.of(status).ordinal();
    counts[outcome].increment();
    nanos[outcome].add(latencyNanos);
  }

  /**
   * Counts the wait of a request between its arrival and its run on the instance.
   *
   * @param nanos how long it waited
   */
  public void waited(long nanos) {
    waits.increment();
    waitNanos.add(Math.max(0, nanos));
  }

  /**
   * Returns the requests finished with an outcome.
   *
   * @param outcome the outcome
   * @return the count
   */
  public long count(RequestOutcome outcome) {
    return counts[outcome.ordinal()].sum();
  }

  /**
   * Returns the total time of the requests finished with an outcome.
   *
   * @param outcome the outcome
   * @return nanoseconds
   */
  public long totalNanos(RequestOutcome outcome) {
    return nanos[outcome.ordinal()].sum();
  }

  /**
   * Returns how many requests were counted by {@link #waited}.
   *
   * @return the count
   */
  public long waits() {
    return waits.sum();
  }

  /**
   * Returns the total time requests waited.
   *
   * @return nanoseconds
   */
  public long waitNanos() {
    return waitNanos.sum();
  }
}
