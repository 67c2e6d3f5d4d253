package dev.resident.undertow.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resident.undertow.host.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host's request threads (R-REQ-1, R-PERF-1): a base of threads for work that finishes, more threads
 * as soon as the base is stuck, so that no admitted request waits long for a thread. Real time: the point
 * is real threads that block.
 */
class RequestPoolTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<RequestPool> pools = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (RequestPool pool : pools) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    timer.shutdownNow();
  }

  private RequestPool pool(int base, Duration keepAlive) {
    return pool(base, keepAlive, Duration.ofMillis(10));
  }

  private RequestPool pool(int base, Duration keepAlive, Duration checkPeriod) {
    RequestPool pool = new RequestPool("test-request-", base, keepAlive, checkPeriod,
        Duration.ofMillis(100), (delay, check) -> timer.schedule(check, delay.toNanos(), TimeUnit.NANOSECONDS));
    pools.add(pool);
    return pool;
  }

  @Test
  void workThatFinishesRunsOnTheBaseThreadsOnly() throws InterruptedException {
    // A check every second: the work is done long before, so even a slow machine shows no stuck pool.
    RequestPool pool = pool(2, Duration.ofSeconds(30), Duration.ofSeconds(1));
    CountDownLatch done = new CountDownLatch(2_000);
    for (int i = 0; i < 2_000; i++) {
      pool.execute(done::countDown);
    }
    assertThat(done.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(pool.getLargestPoolSize()).isEqualTo(2);
  }

  @Test
  void whenEveryThreadBlocksEachQueuedRequestGetsAThread() throws InterruptedException {
    RequestPool pool = pool(2, Duration.ofSeconds(30));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch allInside = new CountDownLatch(10);
    AtomicInteger finished = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      pool.execute(() -> {
        allInside.countDown();
        await(release);
        finished.incrementAndGet();
      });
    }
    assertThat(allInside.await(BOUND.toSeconds(), TimeUnit.SECONDS))
        .as("ten blocking tasks all running at once on a base of two").isTrue();
    assertThat(pool.getPoolSize()).isEqualTo(10);
    release.countDown();
    Await.until("every task finished", BOUND, () -> finished.get() == 10);
  }

  @Test
  void threadsBeyondTheBaseEndWhenIdle() throws InterruptedException {
    RequestPool pool = pool(1, Duration.ofMillis(200));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch allInside = new CountDownLatch(4);
    for (int i = 0; i < 4; i++) {
      pool.execute(() -> {
        allInside.countDown();
        await(release);
      });
    }
    assertThat(allInside.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    release.countDown();
    Await.until("the pool back to its base", BOUND, () -> pool.getPoolSize() == 1);
  }

  @Test
  void aBlockedThreadDoesNotHoldBackTheQueueBehindIt() throws InterruptedException {
    RequestPool pool = pool(1, Duration.ofSeconds(30));
    CountDownLatch release = new CountDownLatch(1);
    pool.execute(() -> await(release));
    CountDownLatch ran = new CountDownLatch(1);
    pool.execute(ran::countDown);
    assertThat(ran.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void aStoppedPoolRefusesWork() {
    RequestPool pool = pool(1, Duration.ofSeconds(30));
    pool.shutdown();
    assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aPoolThreadIsChargedToTheInstanceItLastRanCodeFor() throws InterruptedException {
    RequestPool pool = pool(1, Duration.ofSeconds(30));
    InstanceStats first = new InstanceStats();
    InstanceStats second = new InstanceStats();
    CountDownLatch done = new CountDownLatch(3);
    pool.execute(() -> first.runCharged(() -> burn(Duration.ofMillis(50), done)));
    pool.execute(() -> second.runCharged(() -> burn(Duration.ofMillis(50), done)));
    pool.execute(() -> first.runCharged(() -> burn(Duration.ofMillis(50), done)));
    assertThat(done.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(cpu(first)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(cpu(second)).isGreaterThanOrEqualTo(Duration.ofMillis(50)).isLessThan(Duration.ofMillis(100));
  }

  @Test
  void codeOutsideThePoolIsCountedPerRun() {
    InstanceStats stats = new InstanceStats();
    stats.runCharged(() -> burn(Duration.ofMillis(50)));
    Duration afterRun = cpu(stats);
    assertThat(afterRun).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    burn(Duration.ofMillis(50));
    assertThat(cpu(stats)).as("nothing charged once the run ended").isEqualTo(afterRun);
  }

  /** Blocks the pool thread until the test releases it, at most {@link #BOUND}. */
  private static void await(CountDownLatch release) {
    try {
      release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration cpu(InstanceStats stats) {
    return stats.snapshot(0, 0, 0, 0, java.util.Map.of(), 0).getCpuTime();
  }

  private static void burn(Duration cpu, CountDownLatch done) {
    burn(cpu);
    done.countDown();
  }

  private static void burn(Duration cpu) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long giveUp = System.nanoTime() + BOUND.toNanos();
    while (threads.getCurrentThreadCpuTime() - start < cpu.toNanos() && System.nanoTime() - giveUp < 0) {
      Math.sqrt(start);
    }
  }
}
