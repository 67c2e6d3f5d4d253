package dev.resident.undertow.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.VersionBuilder;
import dev.resident.undertow.config.ScalingConfig;
import dev.resident.undertow.instance.InstanceState;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The randomized lifecycle test (R-REL-3): random {@code startVersion}, {@code stopVersion} (and their async
 * forms), {@code setNumInstances}, instance shutdowns and failing starts against a manual, a basic and an
 * automatic version, while clients send addressed and unaddressed requests whose handlers are fast, slow,
 * throwing or deaf to interrupts; real time, short graces and timeouts. The invariants of R-REL-1 are
 * checked at the end of every round and, for deadlocks, by a watchdog during it.
 *
 * <p>{@code -Dresident.chaos.seed=S} replays a round; {@code -Dresident.chaos.seconds=N} runs rounds for N
 * seconds in all (default 24; the {@code chaos} Maven profile of runtime-undertow runs 30 minutes).
 */
class LifecycleChaosTest {

  private static final Duration ROUND = Duration.ofSeconds(12);

  @Test
  @DisplayName("R-REL-1 R-REL-3 random lifecycle operations under load: no deadlock, every request answered once, "
      + "versions converge, one hook per run, nothing left behind")
  void randomOperationsUnderLoad() {
    Long fixed = Long.getLong("resident.chaos.seed");
    long seconds = Long.getLong("resident.chaos.seconds", 24);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long base = fixed != null ? fixed : new SecureRandom().nextLong();
    ChaosTotals totals = new ChaosTotals();
    int round = 0;
    do {
      long seed = base + round;
      try {
        new ChaosRound(seed, ROUND, totals).run();
      } catch (Throwable failure) {
        throw new AssertionError("chaos round failed; replay it with -Dresident.chaos.seed=" + seed, failure);
      }
      round++;
    } while (fixed == null && System.nanoTime() - end < 0);
    System.out.println("chaos: " + round + " rounds from seed " + base + ": " + totals);
  }

  /** What every round did, summed, for docs/RELIABILITY.md. */
  static final class ChaosTotals {
    long operations;
    long requests;
    Map<Integer, Long> statuses = new java.util.TreeMap<>();
    long hookRuns;
    long deployments;
    long refusedAfterStop;

    @Override
    public String toString() {
      return operations + " operations, " + requests + " requests " + statuses + " (" + refusedAfterStop
          + " sent after host.stop() found no port), " + hookRuns
          + " instance runs with a hook (each ran once), " + deployments + " deployments (all destroyed)";
    }
  }

  /** One host, one seed. */
  private static final class ChaosRound {
    private final long seed;
    private final Duration length;
    private final ChaosTotals totals;
    private final SplittableRandom random;
    private final ChaosApp app = new ChaosApp();
    private boolean workerStarted = true;
    private int workerCount = 3;
    private boolean batchStarted = true;
    private long operations;

    ChaosRound(long seed, Duration length, ChaosTotals totals) {
      this.seed = seed;
      this.length = length;
      this.totals = totals;
      this.random = new SplittableRandom(seed);
    }

    void run() throws Exception {
      Await.until("no host thread of an earlier test is left", Duration.ofSeconds(20),
          () -> hostThreads().isEmpty());
      ResidentHost host = ResidentHost.builder()
          .port(0)
          .stopOnJvmShutdown(false)
          .version(VersionBuilder.automatic("default", "v1",
                  new ScalingConfig.Automatic(1, 1, Duration.ZERO, Duration.ofMillis(30), 4))
              .maxConcurrentRequests(4).requestDeadline(Duration.ofMillis(300))
              .deadlineGrace(Duration.ofMillis(100)).pendingTimeout(Duration.ofMillis(500))
              .shutdownGrace(Duration.ofMillis(300)).build())
          .version(VersionBuilder.manual("worker", "v1", 3)
              .maxConcurrentRequests(2).requestDeadline(Duration.ofMillis(300))
              .deadlineGrace(Duration.ofMillis(100)).pendingTimeout(Duration.ofMillis(500))
              .shutdownGrace(Duration.ofMillis(300)).startRetryBackoff(Duration.ofMillis(50)).build())
          .version(VersionBuilder.basic("batch", "v1", 3, Duration.ofSeconds(1))
              .maxConcurrentRequests(2).pendingTimeout(Duration.ofMillis(500))
              .shutdownGrace(Duration.ofMillis(300)).build())
          .handlers("default", this::handlers)
          .handlers("worker", this::handlers)
          .handlers("batch", this::handlers)
          .build();
      Watchdog watchdog = Watchdog.start();
      ChaosLoad load;
      int mainPort;
      try {
        host.start();
        mainPort = host.port();
        load = ChaosLoad.start(host, new SplittableRandom(seed ^ 0x5DEECE66DL));
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() - end < 0 && watchdog.deadlock() == null) {
          operate(host);
          // Paces the operations, as an operator would; nothing waits here for behaviour.
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5 + random.nextInt(40)));
        }
        app.failStarts = false;
        converge(host);
        checkConverged(host);
        if (random.nextBoolean()) {
          // host.stop() under load: what was sent before it is answered; what comes after finds no port.
          load.stopHost();
        }
        load.stop();
        List<ChaosLoad.Outcome> outcomes = load.awaitAll(Duration.ofSeconds(40));
        checkAnswers(outcomes, load.hostStoppedAtNanos());
        if (load.hostStoppedAtNanos() == 0) {
          checkSlotsFree(host);
        }
      } finally {
        host.stop();
        watchdog.stop();
      }
      assertThat(watchdog.deadlock()).as("deadlocked threads").isNull();
      Await.until("every thread of the host ended", Duration.ofSeconds(20), () -> hostThreads().isEmpty());
      checkPortClosed(mainPort);
      assertThat(app.contextsLive.get()).as("deployments not destroyed").isZero();
      Map<Long, Integer> wrong = app.runsWithHook.keySet().stream()
          .filter(run -> hookCalls(run) != 1)
          .collect(Collectors.toMap(run -> run, this::hookCalls));
      assertThat(wrong).as("instance runs whose hook did not run exactly once").isEmpty();
      assertThat(app.hookCalls.values()).allMatch(calls -> calls.get() == 1);
      totals.operations += operations;
      totals.hookRuns += app.runsWithHook.size();
      totals.deployments += app.contextsEver.get();
    }

    private int hookCalls(long run) {
      var calls = app.hookCalls.get(run);
      return calls == null ? 0 : calls.get();
    }

    private void handlers(dev.resident.undertow.deployment.ModuleHandlers h) {
      h.servlet("/*", HttpServlet.class, app::newServlet)
          .listener(ChaosApp.Contexts.class, () -> app.new Contexts());
    }

    private void operate(ResidentHost host) throws Exception {
      ModulesService modules = host.modulesService();
      operations++;
      switch (random.nextInt(10)) {
        case 0, 1 -> {
          workerStarted = random.nextBoolean();
          if (random.nextBoolean()) {
            call(workerStarted ? modules.startVersionAsync("worker", "v1") : modules.stopVersionAsync("worker", "v1"));
          } else if (workerStarted) {
            modules.startVersion("worker", "v1");
          } else {
            modules.stopVersion("worker", "v1");
          }
        }
        case 2, 3 -> {
          workerCount = 1 + random.nextInt(3);
          if (random.nextBoolean()) {
            call(modules.setNumInstancesAsync("worker", "v1", workerCount));
          } else {
            modules.setNumInstances("worker", "v1", workerCount);
          }
        }
        case 4 -> {
          batchStarted = random.nextBoolean();
          if (batchStarted) {
            modules.startVersion("batch", "v1");
          } else {
            call(modules.stopVersionAsync("batch", "v1"));
          }
        }
        case 5, 6 -> ChaosLoad.shutdownOne(host, random);
        case 7 -> app.failStarts = random.nextInt(3) == 0;
        default -> operations--;
      }
    }

    /** An async change is left to run; its failure, if any, shows at the end as a version that did not converge. */
    private static void call(java.util.concurrent.Future<Void> change) {
      if (change.isDone()) {
        try {
          change.get();
        } catch (Exception e) {
          throw new AssertionError("the change failed", e);
        }
      }
    }

    /** Asks once more for the last requested states, so that async changes still under way end there. */
    private void converge(ResidentHost host) {
      ModulesService modules = host.modulesService();
      modules.setNumInstances("worker", "v1", workerCount);
      if (workerStarted) {
        modules.startVersion("worker", "v1");
      } else {
        modules.stopVersion("worker", "v1");
      }
      if (batchStarted) {
        modules.startVersion("batch", "v1");
      } else {
        modules.stopVersion("batch", "v1");
      }
    }

    private void checkConverged(ResidentHost host) {
      assertThat(host.modulesService().getNumInstances("worker", "v1")).isEqualTo(workerCount);
      for (int i = 0; i < workerCount; i++) {
        String id = Integer.toString(i);
        InstanceState want = workerStarted ? InstanceState.SERVING : InstanceState.STOPPED;
        Await.until("worker/v1/" + id + " is " + want, Duration.ofSeconds(40),
            () -> host.instanceState("worker", "v1", id) == want);
      }
      for (int i = 0; i < 3; i++) {
        String id = Integer.toString(i);
        Await.until("batch/v1/" + id + " settled", Duration.ofSeconds(40), () -> {
          InstanceState state = host.instanceState("batch", "v1", id);
          return batchStarted
              ? state == InstanceState.SERVING || state == InstanceState.STOPPED
              : state == InstanceState.STOPPED;
        });
      }
    }

    private void checkAnswers(List<ChaosLoad.Outcome> outcomes, long hostStoppedAtNanos) {
      totals.requests += outcomes.size();
      for (ChaosLoad.Outcome outcome : outcomes) {
        boolean afterStop = hostStoppedAtNanos != 0 && outcome.sentAtNanos() - hostStoppedAtNanos >= 0;
        if (afterStop && outcome.failure() != null) {
          totals.refusedAfterStop++;
          continue;
        }
        assertThat(outcome.failure()).as("%s was not answered", outcome.request()).isNull();
        assertThat(outcome.status()).as("status of %s", outcome.request()).isIn(200, 404, 500, 503);
        if (outcome.request().endsWith("/throw")) {
          assertThat(outcome.status()).as("status of %s", outcome.request()).isNotEqualTo(200);
        }
        totals.statuses.merge(outcome.status(), 1L, Long::sum);
      }
    }

    private void checkSlotsFree(ResidentHost host) {
      for (var instance : host.instances()) {
        Await.until(instance + " holds no slot", Duration.ofSeconds(20), () -> {
          try {
            var stats = host.stats(instance.module(), instance.version(), instance.instance());
            return stats.getRequestsActive() == 0 && stats.getRequestsPending() == 0;
          } catch (dev.resident.api.modules.ModulesException neverRan) {
            return true; // a slot whose instance never ran holds nothing
          }
        });
      }
    }
  }

  private static void checkPortClosed(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      throw new AssertionError("port " + port + " still accepts connections after stop()");
    } catch (IOException expected) {
      // closed, as it should be
    }
  }

  static Set<String> hostThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("resident"))
        .collect(Collectors.toSet());
  }
}
