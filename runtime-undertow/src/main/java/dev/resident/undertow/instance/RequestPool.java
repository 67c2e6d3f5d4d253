package dev.resident.undertow.instance;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The threads that run a host's admitted requests, start requests and idle {@code /_ah/stop} hooks.
 *
 * <p>A base of threads takes the requests in order from one queue, so that a busy host runs as many
 * threads as it has cores to keep busy, not one per request in flight (R-PERF-1). Admission is the limit
 * of concurrent requests (R-REQ-1); this pool must never hold an admitted request back for long, so while
 * requests are queued a check runs every {@code period} in real time and adds threads when the pool is
 * stuck: when no request finished over a whole period (every thread blocked: each queued request gets a
 * thread), or when the oldest queued request has waited {@code maxWait} (some threads blocked: one thread
 * per check). A check that runs late by more than half a period judges nothing (a pause of the whole JVM,
 * such as a garbage collection, or a saturated CPU, is not a blocked pool). Threads beyond the base end
 * after {@code keepAlive} without work.
 *
 * <p>The CPU time of each thread is charged to the instance it last ran code for (R-API-5): its CPU clock
 * is read when it moves to another instance, not per request.
 */
public final class RequestPool extends ThreadPoolExecutor {

  /** Offered by a check: refused by the queue, so the pool starts a thread beyond its base to run it. */
  private static final Runnable GROW = () -> {};

  private final Timer timer;
  private final long periodNanos;
  private final long maxWaitNanos;
  private final AtomicBoolean checkArmed = new AtomicBoolean();
  private final LongAdder finished = new LongAdder();
  private volatile long finishedWhenArmed;
  private volatile long checkDueNanos;

  /**
   * Runs a check after a delay of real time; the check is short and does not block.
   */
  @FunctionalInterface
  public interface Timer {
    /**
     * Runs {@code check} after {@code delay}.
     *
     * @param delay how long to wait, in real time
     * @param check what to run
     * @throws RejectedExecutionException if the timer is shut down
     */
    void after(Duration delay, Runnable check);
  }

  /**
   * @param namePrefix the prefix of its threads' names
   * @param baseThreads how many threads it keeps
   * @param keepAlive how long a thread beyond the base lives without work
   * @param period how often a check runs while requests are queued
   * @param maxWait how long the oldest queued request may wait before a thread is added
   * @param timer runs the checks, in real time
   */
  public RequestPool(String namePrefix, int baseThreads, Duration keepAlive, Duration period, Duration maxWait,
      Timer timer) {
    super(baseThreads, Integer.MAX_VALUE, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new GrowableQueue(),
        new WorkerFactory(namePrefix), RequestPool::refuse);
    this.timer = timer;
    this.periodNanos = period.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * The base size for this machine: eight threads per core, at least sixteen, as Undertow's own worker.
   *
   * @return threads
   */
  public static int defaultBaseThreads() {
    return Math.max(2, Runtime.getRuntime().availableProcessors()) * 8;
  }

  @Override
  public void execute(Runnable task) {
    super.execute(new Queued(task, System.nanoTime()));
    if (!getQueue().isEmpty()) {
      armCheck();
    }
  }

  @Override
  protected void afterExecute(Runnable task, Throwable failure) {
    if (task != GROW) {
      finished.increment();
    }
  }

  private void armCheck() {
    if (!checkArmed.compareAndSet(false, true)) {
      return;
    }
    finishedWhenArmed = finished.sum();
    checkDueNanos = System.nanoTime() + periodNanos;
    try {
      timer.after(Duration.ofNanos(periodNanos), this::check);
    } catch (RejectedExecutionException timerStopped) {
      checkArmed.set(false);
    }
  }

  private void check() {
    long now = System.nanoTime();
    boolean onTime = now - checkDueNanos <= periodNanos / 2;
    boolean stuck = finished.sum() == finishedWhenArmed;
    checkArmed.set(false);
    Queued oldest = (Queued) getQueue().peek();
    if (oldest == null || isShutdown()) {
      return;
    }
    if (onTime) {
      int add = stuck ? getQueue().size() : (now - oldest.queuedNanos >= maxWaitNanos ? 1 : 0);
      for (int i = 0; i < add; i++) {
        super.execute(GROW);
      }
    }
    armCheck();
  }

  private static void refuse(Runnable task, ThreadPoolExecutor pool) {
    if (task != GROW) {
      throw new RejectedExecutionException("The host's request threads are shut down");
    }
  }

  @Override
  public String toString() {
    return "request-pool(" + getPoolSize() + " threads, " + getActiveCount() + " busy, " + getQueue().size()
        + " queued)";
  }

  /**
   * When the current thread is one of a request pool's, charges the CPU it uses from now on to
   * {@code stats}, and what it used since its last charge to the instance before; else does nothing.
   *
   * @param stats the instance's counters
   * @return true when the current thread is a pool thread, now charged to {@code stats}
   */
  static boolean chargeCurrentThread(InstanceStats stats) {
    if (Thread.currentThread() instanceof Worker worker) {
      worker.chargeTo(stats);
      return true;
    }
    return false;
  }

  /** A task and when it was handed to the pool. */
  private static final class Queued implements Runnable {
    private final Runnable task;
    private final long queuedNanos;

    Queued(Runnable task, long queuedNanos) {
      this.task = task;
      this.queuedNanos = queuedNanos;
    }

    @Override
    public void run() {
      task.run();
    }
  }

  /** The pool's queue: takes every task but {@link #GROW}, which it refuses so that a thread is added. */
  private static final class GrowableQueue extends LinkedBlockingQueue<Runnable> {
    @Override
    public boolean offer(Runnable task) {
      return task != GROW && super.offer(task);
    }
  }

  /** A daemon thread of the pool, which knows the instance its CPU is charged to. */
  private static final class Worker extends Thread {
    /** The instance charged, and the thread's CPU time when it was; this thread only. */
    private InstanceStats charged;

    Worker(Runnable body, String name) {
      super(body, name);
      setDaemon(true);
    }

    void chargeTo(InstanceStats stats) {
      if (charged == stats) {
        return;
      }
      long cpu = InstanceStats.currentThreadCpuNanos();
      if (charged != null) {
        charged.endRun(this, cpu);
      }
      stats.beginRun(this, cpu);
      charged = stats;
    }

    @Override
    public void run() {
      try {
        super.run();
      } finally {
        if (charged != null) {
          charged.endRun(this, InstanceStats.currentThreadCpuNanos());
          charged = null;
        }
      }
    }
  }

  private static final class WorkerFactory implements java.util.concurrent.ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    WorkerFactory(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable body) {
      Worker worker = new Worker(body, prefix + counter.incrementAndGet());
      // Not the creating thread's loader, which may be a WAR's: a pool thread must not keep it reachable.
      worker.setContextClassLoader(RequestPool.class.getClassLoader());
      return worker;
    }
  }
}
