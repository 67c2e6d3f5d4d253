package dev.resident.undertow.instance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background threads of one instance (R-BG-1..3): at most a limit alive, each bound to a context of
 * its own, daemon so they never keep the JVM alive, interrupted when the instance's grace ends.
 */
final class BackgroundThreads implements ThreadFactory {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);

  private final String namePrefix;
  private final int limit;
  private final Function<Runnable, Runnable> binder;
  private final Set<Thread> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger reserved = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final Runnable onEnd;
  private final AtomicInteger counter = new AtomicInteger();

  /**
   * @param namePrefix thread names start with it
   * @param limit live threads at most
   * @param binder wraps a runnable so it runs with the instance's background context bound
   * @param onEnd runs after each thread ends
   */
  BackgroundThreads(String namePrefix, int limit, Function<Runnable, Runnable> binder, Runnable onEnd) {
    this.namePrefix = namePrefix;
    this.limit = limit;
    this.binder = binder;
    this.onEnd = onEnd;
  }

  @Override
  public Thread newThread(Runnable runnable) {
    int count = reserved.incrementAndGet();
    if (count > limit) {
      reserved.decrementAndGet();
      throw new IllegalStateException("This instance already has " + limit
          + " live background threads, its limit (resident.max_background_threads)");
    }
    Runnable bound = binder.apply(runnable);
    Thread[] holder = new Thread[1];
    Thread thread = new Thread(() -> {
      running.incrementAndGet();
      try {
        bound.run();
      } catch (RuntimeException | Error e) {
        LOG.error("Background thread {} failed", Thread.currentThread().getName(), e);
      } finally {
        release(holder[0]);
        running.decrementAndGet();
        onEnd.run();
      }
    }, namePrefix + counter.incrementAndGet());
    holder[0] = thread;
    thread.setDaemon(true);
    live.add(thread);
    return thread;
  }

  private void release(Thread thread) {
    if (live.remove(thread)) {
      reserved.decrementAndGet();
    }
  }

  /**
   * Returns the background threads made and not yet ended, started or not.
   *
   * @return the count
   */
  int count() {
    return reserved.get();
  }

  /**
   * Returns the background threads that run now.
   *
   * @return threads started and not yet ended
   */
  int running() {
    return running.get();
  }

  /** Interrupts every live background thread; threads never started are dropped from the count. */
  void interruptAll() {
    for (Thread thread : live) {
      if (thread.getState() == Thread.State.NEW) {
        release(thread);
      } else {
        thread.interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "background-threads(" + count() + "/" + limit + ")";
  }
}
