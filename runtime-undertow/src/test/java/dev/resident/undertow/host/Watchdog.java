package dev.resident.undertow.host;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Looks for deadlocked threads every 200 ms while a test runs (R-REL-3), and keeps, once found, the stacks of
 * every thread of the JVM.
 */
final class Watchdog {

  private final Thread thread;
  private volatile boolean stopped;
  private volatile String deadlock;

  private Watchdog() {
    thread = new Thread(this::watch, "chaos-watchdog");
    thread.setDaemon(true);
  }

  static Watchdog start() {
    Watchdog watchdog = new Watchdog();
    watchdog.thread.start();
    return watchdog;
  }

  /**
   * Returns what was found.
   *
   * @return the deadlocked threads and every thread's stack, or null while none was found
   */
  String deadlock() {
    return deadlock;
  }

  void stop() throws InterruptedException {
    stopped = true;
    LockSupport.unpark(thread);
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }

  private void watch() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    while (!stopped && deadlock == null) {
      long[] ids = threads.findDeadlockedThreads();
      if (ids != null) {
        deadlock = "deadlocked:\n"
            + Arrays.stream(threads.getThreadInfo(ids, true, true)).map(ThreadInfo::toString)
                .collect(Collectors.joining())
            + "every thread:\n" + allStacks();
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  private static String allStacks() {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      text.append('"').append(entry.getKey().getName()).append("\" ").append(entry.getKey().getState()).append('\n');
      for (StackTraceElement frame : entry.getValue()) {
        text.append("    at ").append(frame).append('\n');
      }
    }
    return text.toString();
  }
}
