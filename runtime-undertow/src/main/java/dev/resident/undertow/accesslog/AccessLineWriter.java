package dev.resident.undertow.accesslog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * Writes access lines on a thread of its own, so that no I/O or request thread ever waits on the logging
 * backend's I/O or lock (R-OPS-3, R-PERF-1). Records wait in a bounded queue; when the output cannot keep
 * up and the queue is full, or fails, lines are dropped and counted, and the count is logged as a warning,
 * rather than slowing requests down. {@link #close()} writes what is queued, within a bound.
 *
 * <p>The thread wakes for the first line after it ran dry, lets lines gather for as long as its output
 * asks ({@link AccessLineOutput#gatherNanos()}), writes every queued line and flushes the output once.
 */
final class AccessLineWriter implements AutoCloseable {

  /** How many lines may wait. */
  static final int CAPACITY = 65_536;
  private static final long POLL_MILLIS = 100;
  private static final long CLOSE_MILLIS = 5_000;
  private static final int BATCH = 4_096;

  private final Logger log;
  private final AccessLineOutput output;
  private final BlockingQueue<AccessRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private volatile boolean closed;
  /** The last failure of the output, reported with the next count of dropped lines; this thread only. */
  private IOException failure;

  /** A writer of lines as INFO events of {@code log}. */
  AccessLineWriter(Logger log) {
    this(log, new LoggerLines(log));
  }

  /**
   * @param log where the counts of dropped lines go, as warnings
   * @param output where the lines go
   */
  AccessLineWriter(Logger log, AccessLineOutput output) {
    this.log = log;
    this.output = output;
    this.thread = new Thread(this::run, "resident-access-log");
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns whether its output wants lines now ({@link AccessLineOutput#enabled()}). */
  boolean enabled() {
    return output.enabled();
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
    List<AccessRecord> batch = new ArrayList<>(BATCH);
    try {
      while (!closed || !queue.isEmpty()) {
        AccessRecord first;
        try {
          first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (first != null) {
          long gather = output.gatherNanos();
          if (gather > 0 && !closed) {
            LockSupport.parkNanos(this, gather);
          }
          batch.add(first);
          long written = 0;
          do {
            for (AccessRecord record : batch) {
              written += writeLine(record);
            }
            batch.clear();
          } while (queue.drainTo(batch, BATCH) > 0);
          flush(written);
        }
        reportDropped();
      }
    } finally {
      closeOutput();
    }
  }

  /** Returns 1 when the output took the line, 0 when it failed and the line is counted as dropped. */
  private int writeLine(AccessRecord record) {
    try {
      output.write(record);
      return 1;
    } catch (IOException | RuntimeException e) {
      failed(e);
      dropped.increment();
      return 0;
    }
  }

  /**
   * Flushes the output; when that fails, every line of the batch it took is counted as dropped (an upper
   * bound: an output may have written some of them before its buffer filled).
   */
  private void flush(long written) {
    try {
      output.flush();
    } catch (IOException | RuntimeException e) {
      failed(e);
      dropped.add(written);
    }
  }

  /** Keeps the failure for the next report of dropped lines. */
  private void failed(Exception e) {
    failure = e instanceof IOException io ? io : new IOException(e);
  }

  private void reportDropped() {
    long lost = dropped.sumThenReset();
    if (lost > 0) {
      if (failure == null) {
        log.warn("{} access lines dropped: the logging backend did not keep up", lost);
      } else {
        log.warn("{} access lines dropped: {} failed: {}", lost, output, failure.toString());
        failure = null;
      }
    }
  }

  private void closeOutput() {
    try {
      output.close();
    } catch (IOException e) {
      log.warn("Closing the access log's {} failed: {}", output, e.toString());
    }
  }

  /** Stops the writer once the queued lines are written, waiting at most five seconds. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(CLOSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "access-line-writer(" + output + ", " + queue.size() + " queued)";
  }
}
