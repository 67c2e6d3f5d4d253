package dev.resident.undertow.instance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads one request made with {@code ThreadManager.createThreadForCurrentRequest} (R-BG-4): at most
 * 50, bound to the request's context, interrupted and joined (bounded) when the request ends.
 */
final class RequestThreads implements ThreadFactory {

  /** Request threads per request at most. */
  static final int LIMIT = 50;

  private static final Logger LOG = LoggerFactory.getLogger(RequestThreads.class);

  private final String namePrefix;
  private final Function<Runnable, Runnable> binder;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean ended;

  RequestThreads(String namePrefix, Function<Runnable, Runnable> binder) {
    this.namePrefix = namePrefix;
    this.binder = binder;
  }

  @Override
  public synchronized Thread newThread(Runnable runnable) {
    if (ended) {
      throw new IllegalStateException("The request that owns this thread factory has ended");
    }
    if (threads.size() >= LIMIT) {
      throw new IllegalStateException("This request already has " + LIMIT + " request threads, the limit");
    }
    Thread thread = new Thread(binder.apply(runnable), namePrefix + (threads.size() + 1));
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  }

  /**
   * Interrupts the request's threads and waits for them, at most {@code bound} in all.
   *
   * @param bound the longest total wait
   * @return the threads still alive after the wait
   */
  int endAndJoin(Duration bound) {
    synchronized (this) {
      ended = true;
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
    long deadline = System.nanoTime() + bound.toNanos();
    int alive = 0;
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0 && thread.getState() != Thread.State.NEW) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        alive++;
        LOG.warn("Request thread {} still runs after its request ended", thread.getName());
      }
    }
    return alive;
  }

  @Override
  public String toString() {
    return "request-threads(" + threads.size() + "/" + LIMIT + ")";
  }
}
