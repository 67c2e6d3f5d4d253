package dev.resident.undertow;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The host's growing pools of daemon threads: they never keep the JVM alive by themselves. */
final class NamedThreads {

  private NamedThreads() {}

  static ExecutorService growingPool(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      // Not the creating thread's loader, which may be a WAR's: a pool thread must not keep it reachable.
      thread.setContextClassLoader(NamedThreads.class.getClassLoader());
      return thread;
    });
  }
}
