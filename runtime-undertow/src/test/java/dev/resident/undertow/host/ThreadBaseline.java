package dev.resident.undertow.host;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The live threads at one moment, to check later that nothing made since then is still alive. Threads
 * of the JDK's common fork-join pool are not counted: they come and go with whoever uses the pool.
 */
final class ThreadBaseline {

  private final Set<Thread> before;

  private ThreadBaseline(Set<Thread> before) {
    this.before = before;
  }

  static ThreadBaseline take() {
    return new ThreadBaseline(Set.copyOf(Thread.getAllStackTraces().keySet()));
  }

  /** The threads alive now that were not alive at the baseline, but those whose names start with a prefix. */
  private Set<Thread> newThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> !before.contains(thread))
        .filter(thread -> !thread.getName().startsWith(prefix))
        .filter(thread -> !thread.getName().startsWith("ForkJoinPool.commonPool-"))
        .collect(Collectors.toSet());
  }

  /** Waits, within a bound, until every thread made since the baseline has ended; else fails naming them. */
  void awaitNoNewThreads(Duration bound) {
    awaitNoNewThreadsBut("\0", bound);
  }

  /** As {@link #awaitNoNewThreads}, not counting threads whose names start with a prefix. */
  void awaitNoNewThreadsBut(String prefix, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    Set<Thread> left = newThreads(prefix);
    while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(5_000_000);
      left = newThreads(prefix);
    }
    if (!left.isEmpty()) {
      throw new AssertionError("Threads still alive " + bound + " after the baseline: " + left.stream()
          .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (not a daemon)")).sorted()
          .collect(Collectors.joining(", ")));
    }
  }
}
