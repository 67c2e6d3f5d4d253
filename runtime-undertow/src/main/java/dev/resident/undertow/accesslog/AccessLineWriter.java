package dev.resident.undertow.accesslog;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Writes access lines on a thread of its own, so that no I/O or request thread ever waits on the logging
 * backend's I/O or lock (R-OPS-3, R-PERF-1). Records wait in a bounded queue; when the backend cannot keep
 * up and the queue is full, lines are dropped and counted, and the count is logged as a warning, rather than
 * slowing requests down. {@link #close()} writes what is queued, within a bound.
 */
final class AccessLineWriter implements AutoCloseable {

  /** How many lines may wait. */
  static final int CAPACITY = 65_536;
  private static final long POLL_MILLIS = 100;
  private static final long CLOSE_MILLIS = 5_000;

  private final Logger log;
  private final BlockingQueue<AccessRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private volatile boolean closed;

  AccessLineWriter(Logger log) {
    this.log = log;
    this.thread = new Thread(this::run, "resident-access-log");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a line; never blocks. */
  void write(AccessRecord record) {
    if (closed || !queue.offer(record)) {
      dropped.increment();
    }
  }

  /**
   * Returns how many lines were dropped and not yet reported.
   *
   * @return the count
   */
  long dropped() {
    return dropped.sum();
  }

  private void run() {
    while (!closed || !queue.isEmpty()) {
      AccessRecord record;
      try {
        record = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (record != null) {
        log.info(record.line());
      }
      long lost = dropped.sumThenReset();
      if (lost > 0) {
        log.warn("{} access lines dropped: the logging backend did not keep up", lost);
      }
    }
  }

  /** Stops the writer once the queued lines are written, waiting at most five seconds. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(CLOSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "access-line-writer(" + queue.size() + " queued)";
  }
}
