package dev.resident.undertow.instance;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks given to it one at a time, in the order given, on threads borrowed from a pool (R-REL-2).
 * A version's lifecycle state (its state, slots, instance counts, idle and restart timers) is changed only
 * by tasks of its lane, so that no lock is ever held across two lifecycle objects. {@link #execute} never
 * blocks, so I/O threads may hand work to a lane. Once the pool refuses work (the host is stopping), tasks
 * run on the thread that gives them.
 */
final class SerialLane implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);
  private static final ThreadLocal<SerialLane> RUNNING = new ThreadLocal<>();

  private final String name;
  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** Tasks given and not yet finished; the thread that raises it from zero starts a drain. */
  private final AtomicInteger unfinished = new AtomicInteger();

  /**
   * @param name what the lane serves, for logs
   * @param pool the threads it borrows
   */
  SerialLane(String name, Executor pool) {
    this.name = name;
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (unfinished.getAndIncrement() == 0) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException stopping) {
        drain();
      }
    }
  }

  /**
   * Runs a change on the lane and hands back what it completes.
   *
   * @param change a task that starts the change and returns its completion; it must not block
   * @param <T> the result type
   * @return completes as the change's own future does, or exceptionally if the task threw
   */
  <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> change) {
    CompletableFuture<T> result = new CompletableFuture<>();
    execute(() -> {
      try {
        change.get().whenComplete((value, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(value);
          }
        });
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /**
   * Tells whether the calling thread runs a task of this lane now.
   *
   * @return true inside a task of this lane
   */
  boolean inLane() {
    return RUNNING.get() == this;
  }

  private void drain() {
    SerialLane outer = RUNNING.get();
    RUNNING.set(this);
    try {
      do {
        Runnable task = tasks.poll();
        try {
          task.run();
        } catch (RuntimeException | Error e) {
          LOG.error("A lifecycle task of {} failed", name, e);
        }
      } while (unfinished.decrementAndGet() > 0);
    } finally {
      RUNNING.set(outer);
    }
  }

  @Override
  public String toString() {
    return "serial-lane(" + name + ", " + unfinished.get() + " tasks)";
  }
}
